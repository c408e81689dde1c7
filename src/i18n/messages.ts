// Every user-visible text, in English and Chinese. One key set: each capability keeps its
// texts in a table of its own (src/i18n/<capability>.ts, the zh table typed by the en one),
// merged here.
import type { Language } from "../domain/settings";
import * as archiveTexts from "./archive";
import * as callbacksTexts from "./callbacks";
import * as complaintsTexts from "./complaints";
import * as noticesTexts from "./notices";
import * as ownersTexts from "./owners";
import * as valuesTexts from "./values";
import * as workbookTexts from "./workbook";
import * as writesTexts from "./writes";

const PARTS = [
  complaintsTexts,
  callbacksTexts,
  ownersTexts,
  noticesTexts,
  valuesTexts,
  workbookTexts,
  writesTexts,
  archiveTexts,
] as const;

const en = {
  ...complaintsTexts.en,
  ...callbacksTexts.en,
  ...ownersTexts.en,
  ...noticesTexts.en,
  ...valuesTexts.en,
  ...workbookTexts.en,
  ...writesTexts.en,
  ...archiveTexts.en,
};

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const zh: Messages = Object.assign({}, ...PARTS.map((p) => p.zh)) as Messages;

const TABLES: Record<Language, Messages> = { en, "zh-CN": zh };

/** The `{name}` placeholders of a message template. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** A message's parameters, typed from its English template: each placeholder must be given. */
export type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type IsUnion<T> = [T] extends [UnionToIntersection<T>] ? false : true;

/**
 * A literal key's parameters are checked against its template (a missing or misspelt one
 * fails the typecheck); a key chosen at run time (a union) takes any parameters.
 */
type TranslateArgs<K extends MessageKey> =
  IsUnion<K> extends true
    ? [params?: Record<string, string | number>]
    : Placeholders<(typeof en)[K]> extends never
      ? [params?: Record<string, never>]
      : [params: ParamsOf<K>];

export type Translate = <K extends MessageKey>(key: K, ...params: TranslateArgs<K>) => string;

export function translator(language: Language): Translate {
  const table = TABLES[language];
  return ((key: MessageKey, params?: Record<string, string | number>) =>
    table[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    )) as Translate;
}

/** Every label a key has in any language: sheets written in one language stay readable in the other. */
export function allLabels(key: MessageKey): string[] {
  return [en[key], zh[key]];
}

/** Every message key, for checks over the whole table. */
export function messageKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

export function languageFromLocale(locale: string): Language {
  return /^zh/i.test(locale) ? "zh-CN" : "en";
}
