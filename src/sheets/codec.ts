// Maps a sheet's 2-D values to typed records by header name, and back. Columns are found
// by their header in either language (or an alias), so reordered sheets read the same.
import type { Clock } from "../domain/calendar";
import {
  CALLBACK_METHODS,
  CALLBACK_RESULTS,
  CALLBACK_SOURCES,
  CALLBACK_STATES,
  SATISFACTION,
} from "../domain/callback";
import { CHANNELS, SEVERITIES, STATUSES } from "../domain/complaint";
import { isDate, parseLocalDateTime } from "../domain/dates";
import { PREFERRED_CHANNELS } from "../domain/owners";
import type { Language } from "../domain/settings";
import type { SlaState } from "../domain/sla";
import { allLabels, type MessageKey, type Translate } from "../i18n/messages";
import type { ColumnKind, ColumnSpec, SheetSpec } from "./schema";

export type Cell = string | number | boolean | Date;

export interface HeaderMap {
  /** 0-based column index of each schema key found in the header row. */
  index: Map<string, number>;
  missing: ColumnSpec[];
  /** Headers that match no schema column (kept untouched). */
  unknown: { index: number; header: string }[];
  /** True when the found columns appear in schema order. */
  inOrder: boolean;
  width: number;
}

export interface CellProblem {
  /** 0-based data row (row 0 is the sheet's row 2). */
  row: number;
  key: string;
  raw: Cell;
  code: "badDate" | "badNumber" | "badChoice";
}

const normalise = (text: string) => text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");

export function headerNames(column: ColumnSpec): string[] {
  return [column.key, column.en, column.zh, ...(column.aliases ?? [])].map(normalise);
}

export function mapHeaders(columns: readonly ColumnSpec[], headerRow: readonly unknown[]): HeaderMap {
  const index = new Map<string, number>();
  const unknown: HeaderMap["unknown"] = [];
  headerRow.forEach((raw, i) => {
    const header = normalise(String(raw ?? ""));
    if (!header) return;
    const column = columns.find((c) => !index.has(c.key) && headerNames(c).includes(header));
    if (column) index.set(column.key, i);
    else unknown.push({ index: i, header: String(raw) });
  });
  const found = columns.filter((c) => index.has(c.key)).map((c) => index.get(c.key) ?? 0);
  return {
    index,
    missing: columns.filter((c) => !index.has(c.key)),
    unknown,
    inOrder: found.every((v, i) => i === 0 || v > (found[i - 1] ?? -1)),
    width: headerRow.length,
  };
}

/** Column kinds whose cells hold one code of a fixed vocabulary, shown as its label. */
export type ChoiceKind = Exclude<ColumnKind, "text" | "datetime" | "date" | "number">;

/** Code → label key for each code of a domain list, in the list's order (the dropdown's order). */
function labelled<C extends string>(
  codes: readonly C[],
  key: (code: C) => MessageKey,
): Record<C, MessageKey> {
  return Object.fromEntries(codes.map((code) => [code, key(code)])) as Record<C, MessageKey>;
}

/**
 * The choices of each enumerated column kind: code → message key of its label. Codes come
 * from the domain's lists (or are checked against its types), so a code added there without a
 * label, or a label key that does not exist, fails the typecheck.
 */
const CHOICES = {
  status: labelled(STATUSES, (s) => `status.${s}`),
  severity: labelled(SEVERITIES, (s) => `severity.${s}`),
  channel: labelled(CHANNELS, (c) => `channel.${c}`),
  clock: { business: "clock.business", "24/7": "clock.24/7" } satisfies Record<Clock, MessageKey>,
  holidayType: { holiday: "holiday.holiday", workday: "holiday.workday" },
  slaState: {
    ok: "sla.ok",
    near: "sla.near",
    breached: "sla.breached",
    paused: "sla.paused",
    met: "sla.met",
    missed: "sla.missed",
  } satisfies Record<SlaState, MessageKey>,
  yesNo: { yes: "yes", no: "no" },
  cbSource: labelled(CALLBACK_SOURCES, (s) => `cb.source.${s}`),
  cbMethod: labelled(CALLBACK_METHODS, (m) => `cb.method.${m}`),
  satisfaction: labelled(SATISFACTION, (s) => `cb.sat.${s}`),
  cbResult: labelled(CALLBACK_RESULTS, (r) => `cb.result.${r}`),
  // An owner's preferred channel reuses the call-back methods' labels, and intake's for email.
  ownerChannel: labelled(PREFERRED_CHANNELS, (c) => (c === "email" ? "channel.email" : `cb.method.${c}`)),
  cbState: labelled(CALLBACK_STATES, (s) => `cb.state.${s}`),
} satisfies Record<ChoiceKind, Readonly<Record<string, MessageKey>>>;

/** A kind's choices; none for free text, times and numbers. */
const choicesOf = (kind: ColumnKind): Readonly<Record<string, MessageKey>> | undefined =>
  (CHOICES as Partial<Record<ColumnKind, Readonly<Record<string, MessageKey>>>>)[kind];

/** Label → code answers: a sheet repeats the same few labels on every row. */
const codeCache = new Map<string, string | null>();

/** Reads a label in either language (or the code itself) back to its code. */
export function choiceCode(kind: ColumnKind, raw: string): string | null {
  const cacheKey = `${kind}\u0000${raw}`;
  const cached = codeCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const choices = choicesOf(kind);
  let found: string | null = null;
  if (choices) {
    const wanted = normalise(raw);
    for (const [code, key] of Object.entries(choices))
      if (normalise(code) === wanted || allLabels(key).some((l) => normalise(l) === wanted)) {
        found = code;
        break;
      }
  }
  if (codeCache.size > 10_000) codeCache.clear();
  codeCache.set(cacheKey, found);
  return found;
}

export function choiceLabels(kind: ColumnKind, t: Translate): string[] {
  return Object.values(choicesOf(kind) ?? {}).map((key) => t(key));
}

export function choiceLabel(kind: ColumnKind, code: string, t: Translate): string {
  const key = choicesOf(kind)?.[code];
  return key ? t(key) : code;
}

export interface Codec {
  language: Language;
  utcOffsetMinutes: number;
  t: Translate;
}

type Decoded = { value: unknown; problem?: CellProblem["code"] };

function decodeCell(column: ColumnSpec, raw: unknown, codec: Codec): Decoded {
  const empty = raw === "" || raw === null || raw === undefined;
  switch (column.kind) {
    case "text":
      if (empty) return { value: "" };
      // A text column holding a date means someone typed into a cell that lost its plain-text format.
      return { value: isDate(raw) ? raw.toISOString() : String(raw) };
    case "datetime":
    case "date": {
      if (empty) return { value: null };
      if (isDate(raw)) return { value: new Date(raw.getTime()) };
      const ms = parseLocalDateTime(String(raw), codec.utcOffsetMinutes);
      return ms === null ? { value: null, problem: "badDate" } : { value: new Date(ms) };
    }
    case "number": {
      if (empty) return { value: null };
      const n = typeof raw === "number" ? raw : Number(String(raw).trim());
      return Number.isFinite(n) ? { value: n } : { value: null, problem: "badNumber" };
    }
    default: {
      if (empty) return { value: "" };
      const code = choiceCode(column.kind, String(raw));
      return code === null ? { value: "", problem: "badChoice" } : { value: code };
    }
  }
}

/** Value to write for a record field: labels for choices, Date objects for times, text as is. */
export function encodeCell(column: ColumnSpec, value: unknown, codec: Codec): Cell {
  if (value === null || value === undefined || value === "") return "";
  switch (column.kind) {
    case "text":
      return String(value);
    case "datetime":
    case "date":
      return isDate(value) ? value : "";
    case "number":
      return typeof value === "number" ? value : "";
    default:
      return choiceLabel(column.kind, String(value), codec.t);
  }
}

export interface DecodedRows<T> {
  records: T[];
  /** Sheet row number (1-based) of each record. */
  rowNumbers: number[];
  problems: CellProblem[];
}

/**
 * Decodes data rows (no header) into records; rows whose key column is empty are skipped.
 * `firstRow` is the sheet row number of rows[0].
 */
export function decodeRows<T>(
  spec: SheetSpec<T>,
  map: HeaderMap,
  rows: readonly (readonly unknown[])[],
  codec: Codec,
  firstRow = 2,
  keepRow: (row: readonly unknown[]) => boolean = (row) => !isBlank(row[map.index.get(spec.keyColumn) ?? -1]),
): DecodedRows<T> {
  const out: DecodedRows<T> = { records: [], rowNumbers: [], problems: [] };
  const present = spec.columns.filter((c) => map.index.has(c.key));
  rows.forEach((row, r) => {
    if (!keepRow(row)) return;
    const record = spec.empty() as Record<string, unknown>;
    for (const column of present) {
      const raw = row[map.index.get(column.key) ?? -1];
      const decoded = decodeCell(column, raw, codec);
      record[column.key] = decoded.value;
      if (decoded.problem)
        out.problems.push({ row: r, key: column.key, raw: raw as Cell, code: decoded.problem });
    }
    out.records.push(record as T);
    out.rowNumbers.push(firstRow + r);
  });
  return out;
}

/** One sheet row for a record, keeping `base`'s cells in columns the schema does not own. */
export function encodeRow<T>(
  spec: SheetSpec<T>,
  map: HeaderMap,
  record: T,
  codec: Codec,
  base?: readonly unknown[],
) {
  const row: Cell[] = Array.from({ length: map.width }, (_, i) => (base?.[i] ?? "") as Cell);
  const values = record as Record<string, unknown>;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i !== undefined) row[i] = encodeCell(column, values[column.key], codec);
  }
  return row;
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

export function clockCode(raw: string): Clock | null {
  const code = choiceCode("clock", raw);
  return code === "business" || code === "24/7" ? code : null;
}
