// What each emulated object is, checked against @types/google-apps-script, and the guard that
// makes anything else fail loudly: a script that starts using a member the runtime does not
// emulate throws "Range.merge is not emulated" here instead of reading undefined and going on.

/**
 * One emulated Apps Script class or service: the members it offers, named as in
 * `GoogleAppsScript.*` (`members` are checked by name here and by signature where the
 * object is written, with `satisfies Api<typeof SPEC>`); `enums` are constant members
 * (ScriptApp.EventType), checked by name only.
 */
export interface Emulated<
  T,
  K extends keyof T & string = keyof T & string,
  E extends keyof T & string = never,
> {
  /** The global service it belongs to ("SpreadsheetApp" for Range). */
  service: string;
  /** As Apps Script's reference names it: "MailApp", "Range". */
  name: string;
  /** The @types interface, for the emulated list ("Spreadsheet.Range"). */
  type: string;
  members: readonly K[];
  enums: readonly E[];
  /** Type marker only: never set. */
  readonly api?: T;
}

/** The members an emulated object must implement, with @types' signatures. */
export type Api<S> = S extends Emulated<infer T, infer K, infer _E> ? Pick<T, K> : never;

/** Declares an emulated class or service of type T: `emulated<GoogleAppsScript.Lock.Lock>()(…)`. */
export const emulated =
  <T>() =>
  <const K extends keyof T & string, const E extends keyof T & string = never>(
    service: string,
    name: string,
    type: string,
    members: readonly K[],
    enums: readonly E[] = [],
  ): Emulated<T, K, E> => ({ service, name, type, members, enums });

/** Names that libraries and test runners probe on any object: absent, they read undefined. */
const PROBES = new Set([
  "then",
  "toJSON",
  "constructor",
  "asymmetricMatch",
  "nodeType",
  "nodeName",
  "tagName",
  "hasAttribute",
  "inspect",
  "length",
  "name",
  "prototype",
]);

/** What an Apps Script member's name looks like (getValues, EventType, VALUE_IN_LIST). */
const MEMBER = /^[A-Za-z][A-Za-z0-9_]*$/;

export const notEmulated = (name: string, member: string) =>
  `${name}.${member} is not emulated by the local runtime (docs/emulated.md lists what is)`;

/**
 * The object itself, behind a Proxy that throws on reading a member it does not have.
 * Identity is the proxy's: a class returns `guardObject(name, this)` from its constructor,
 * so every reference (and `this` in its methods) is the guarded one.
 */
export function guardObject<O extends object>(name: string, target: O): O {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (value !== undefined || typeof prop !== "string" || prop in t) return value;
      if (PROBES.has(prop) || !MEMBER.test(prop)) return value;
      throw new Error(notEmulated(name, prop));
    },
  });
}

/**
 * An emulated object as the full Apps Script type its spec names: `impl` must have every
 * listed member with @types' signature (and enum constants); reading anything else throws.
 */
export function guard<T, K extends keyof T & string, E extends keyof T & string>(
  spec: Emulated<T, K, E>,
  impl: Pick<T, K> & { [P in E]: object },
): T {
  return guardObject(spec.name, impl) as unknown as T;
}

/** A constant table (an enum such as ScriptApp.EventType), guarded under its full name. */
export const guardEnum = <O extends object>(name: string, values: O): O => guardObject(name, values);
