// The kinds of value a setting in the Settings sheet may hold: how a cell's text is read, and
// what is said (in the office's language) when it cannot be used. A kind never throws: a bad
// value is reported and a usable one (the default, or the spreadsheet's own zone or language)
// is used meanwhile, so one typo in Settings never stops the desk.
import { parseTimeOfDay } from "../domain/calendar";
import { emailProblem, splitEmails } from "../domain/email";
import { DEFAULT_TIME_ZONE, isLanguage, isTimeZoneId, type Language } from "../domain/settings";
import type { MessageKey } from "../i18n/messages";

/** What a kind says about a value it cannot use; the setting's key is added by the reader. */
export interface KindProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** What to use instead when a zone or language in Settings is not one the desk knows. */
export interface ReadContext {
  fallbackLanguage: Language;
  fallbackZone: string;
}

export interface SettingKind<T> {
  name:
    | "text"
    | "list"
    | "email"
    | "emails"
    | "number"
    | "integer"
    | "hour"
    | "time"
    | "zone"
    | "language"
    | "choice";
  /**
   * `text`: the cell, or the default when the cell is empty; `fallback`: the default, which a
   * bad value falls back to.
   */
  read(text: string, fallback: string, ctx: ReadContext): { value: T; problems: KindProblem[] };
}

const ok = <T>(value: T) => ({ value, problems: [] as KindProblem[] });

/** Anything: names, notes. */
export const text = (): SettingKind<string> => ({ name: "text", read: ok });

/** Items separated by commas (either width), semicolons or line breaks. */
export const list = (): SettingKind<string[]> => ({
  name: "list",
  read: (value) =>
    ok(
      value
        .split(/[,，;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
});

/**
 * One address as MailApp takes it. The text is kept as typed (senders check each address
 * before sending); a malformed one is reported. Empty is allowed here: a setting the desk
 * cannot do without is marked `required` in the list.
 */
export const email = (): SettingKind<string> => ({
  name: "email",
  read: (value) => {
    const problem = value === "" ? null : emailProblem(value);
    return { value, problems: problem ? [{ key: `email.bad.${problem}`, params: { email: value } }] : [] };
  },
});

/**
 * A cell listing addresses the way people write them (commas, 、，；, spaces): the valid ones
 * first, then the malformed ones, kept so they can be named (senders skip them).
 */
export function readEmails(cell: string): { value: string[]; problems: KindProblem[] } {
  const { valid, refused } = splitEmails(cell);
  return {
    value: [...valid, ...refused.map((r) => r.text)],
    problems: refused.map((r) => ({ key: `email.bad.${r.problem}`, params: { email: r.text } })),
  };
}

export const emails = (): SettingKind<string[]> => ({ name: "emails", read: readEmails });

type Read<T> = ReturnType<SettingKind<T>["read"]>;

function numberIn(min: number, max: number, value: string, fallback: string): Read<number> {
  const n = Number(value);
  if (value !== "" && Number.isFinite(n) && n >= min && n <= max) return ok(n);
  const used = Number(fallback);
  return { value: used, problems: [{ key: "settings.notNumber", params: { value, min, max, used } }] };
}

/** A number from `min` to `max`, fractions allowed (hours, days). */
export const number = (min: number, max: number): SettingKind<number> => ({
  name: "number",
  read: (value, fallback) => numberIn(min, max, value, fallback),
});

/** A whole number from `min` to `max`; a fraction is dropped (2.5 tries are 2). */
export const integer = (min: number, max: number): SettingKind<number> => ({
  name: "integer",
  read: (value, fallback) => {
    const read = numberIn(min, max, value, fallback);
    return { ...read, value: Math.floor(read.value) };
  },
});

/** An hour of the day, 0–23 (a clock trigger's `atHour`). */
export const hour = (): SettingKind<number> => ({ ...integer(0, 23), name: "hour" });

/** A time of day such as 09:00, as minutes after midnight. */
export const time = (): SettingKind<number> => ({
  name: "time",
  read: (value, fallback) => {
    const minutes = parseTimeOfDay(value);
    if (minutes !== null) return ok(minutes);
    return {
      value: parseTimeOfDay(fallback) ?? 540,
      problems: [{ key: "settings.notTime", params: { value, used: fallback } }],
    };
  },
});

/**
 * A time-zone ID (IANA). A bad name is never used (Java would silently read it as GMT): the
 * spreadsheet's zone, when valid, stands in until it is corrected.
 */
export const zone = (): SettingKind<string> => ({
  name: "zone",
  read: (value, _fallback, ctx) => {
    if (isTimeZoneId(value)) return ok(value);
    const used = isTimeZoneId(ctx.fallbackZone) ? ctx.fallbackZone : DEFAULT_TIME_ZONE;
    return { value: used, problems: [{ key: "settings.badTimeZone", params: { value, used } }] };
  },
});

/** zh-CN or en; anything else leaves the user's own language in place. */
export const language = (): SettingKind<Language> => ({
  name: "language",
  read: (value, _fallback, ctx) =>
    isLanguage(value)
      ? ok(value)
      : { value: ctx.fallbackLanguage, problems: [{ key: "settings.badLanguage", params: { value } }] },
});

/** One of a fixed set of codes, written as they are. */
export function choice<const O extends string>(options: readonly O[]): SettingKind<O> {
  const known = (value: string): value is O => (options as readonly string[]).includes(value);
  return {
    name: "choice",
    read: (value, fallback) => {
      if (known(value)) return ok(value);
      const used = known(fallback) ? fallback : (options[0] as O);
      return {
        value: used,
        problems: [{ key: "settings.notChoice", params: { value, options: options.join(", "), used } }],
      };
    },
  };
}
