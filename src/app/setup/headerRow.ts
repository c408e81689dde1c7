// Header-row recognition: row 1 must hold the column names. A deleted header row is put back
// above the records (in the order remembered at the last set-up when that fits the data
// better), an empty one is filled; names lower down are left for a person to tidy.
import type { Language } from "../../domain/settings";
import { readDocumentJson, writeDocumentJson } from "../../gas/identity";
import { choiceCode, isBlank, mapHeaders } from "../../sheets/codec";
import { headerFor, type SheetId } from "../../sheets/schema";
import type { Finding } from "../findings";
import { type AnySpec, factsOf, type SheetContext } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BG = "#e8eef7";

/** Writes a header row (one call) in the desk's header style, widening the sheet if needed. */
export function writeHeader(sheet: Sheet, header: readonly unknown[]) {
  const missing = header.length - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  sheet
    .getRange(1, 1, 1, header.length)
    .setValues([[...header]])
    .setFontWeight("bold")
    .setBackground(HEADER_BG);
}

/** How many of a row's filled cells name the spec's columns (either language or an alias). */
export function headerMatch(spec: AnySpec, row: readonly unknown[]): { matched: number; filled: number } {
  return {
    matched: mapHeaders(spec.columns, row).index.size,
    filled: row.filter((v) => !isBlank(v)).length,
  };
}

/** A header row names at least two of the columns, and names more cells than it leaves unknown. */
export function looksLikeHeader(spec: AnySpec, row: readonly unknown[]): boolean {
  const { matched, filled } = headerMatch(spec, row);
  return matched >= Math.min(2, spec.columns.length) && matched * 2 >= filled;
}

/**
 * How well a header fits the rows under it: dates under date columns, numbers under number
 * columns, known labels under choice columns score; the opposite costs.
 */
function fitScore(spec: AnySpec, header: readonly unknown[], rows: readonly (readonly unknown[])[]): number {
  const map = mapHeaders(spec.columns, header);
  let score = 0;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i === undefined) continue;
    for (const row of rows) {
      const v = row[i];
      if (isBlank(v)) continue;
      const isDate = Object.prototype.toString.call(v) === "[object Date]";
      if (column.kind === "datetime" || column.kind === "date") score += isDate ? 1 : -1;
      else if (column.kind === "number") score += typeof v === "number" ? 1 : -1;
      else if (column.kind === "text") score += isDate ? -1 : 0;
      else score += choiceCode(column.kind, String(v)) === null ? -1 : 1;
    }
  }
  return score;
}

/**
 * The header to put back over headerless data: the one remembered at the last set-up (it
 * keeps the office's order and added columns) unless the schema's order fits the data better.
 */
export function headerForData(
  spec: AnySpec,
  language: Language,
  remembered: readonly string[] | undefined,
  rows: readonly (readonly unknown[])[],
): string[] {
  const standard = spec.columns.map((c) => headerFor(c, language));
  if (!remembered?.length || !looksLikeHeader(spec, remembered)) return standard;
  const own = remembered.map((h) => {
    const key = [...mapHeaders(spec.columns, [h]).index.keys()][0];
    const column = spec.columns.find((c) => c.key === key);
    return column ? headerFor(column, language) : h;
  });
  return fitScore(spec, own, rows) >= fitScore(spec, standard, rows) ? own : standard;
}

/** Row 1 is the header row; or a repair is on its way; or a person must act first. */
export type HeaderRowState = "ok" | "repairable" | "manual";

/**
 * Row 1 must be the header row. When it holds a record (the header row was deleted) a new
 * header row goes above it; when row 1 is empty it is filled. Record values are never taken
 * for column names. Column names lower down (rows inserted above them, e.g. a title) are
 * reported for a person to tidy: moving them would turn the rows above into records.
 */
export function checkHeaderRow(
  ctx: SheetContext,
  sheet: Sheet,
  spec: AnySpec,
  findings: Finding[],
  remembered: readonly string[] | undefined,
): HeaderRowState {
  // The top rows: a header row is looked for there (an office may insert a title row above it).
  const facts = factsOf(ctx);
  const width = Math.max(1, facts.lastColumn(sheet));
  const top = facts.top(sheet);
  const first = top[0] ?? [];
  if (looksLikeHeader(spec, first)) return "ok";
  const name = sheet.getName();
  const at = top.findIndex((row) => looksLikeHeader(spec, row));
  if (at > 0) {
    const text = ctx.t("health.headerBelow", { sheet: name, row: at + 1, count: at });
    findings.push({ manual: true, problem: text, done: text });
    return "manual";
  }
  const empty = first.every(isBlank);
  const data = top.slice(empty ? 1 : 0).filter((r) => !r.every(isBlank));
  const header = headerForData(spec, ctx.language, remembered, data);
  if (empty) {
    findings.push({
      problem: ctx.t("health.emptyHeaderRow", { sheet: name }),
      done: ctx.t("setup.filledHeaderRow", { sheet: name }),
      fix: () => writeHeader(sheet, header),
    });
    return "repairable";
  }
  const start = (sheet.getRange(1, 1, 1, width).getDisplayValues()[0] ?? [])
    .filter((v) => v !== "")
    .slice(0, 3)
    .join(", ");
  findings.push({
    problem: ctx.t("health.noHeaderRow", { sheet: name, start }),
    done: ctx.t("setup.insertedHeader", { sheet: name, start }),
    fix: () => {
      sheet.insertRowsBefore(1, 1);
      // A row inserted above takes the record row's dropdowns on Google: a header has none.
      sheet.getRange(1, 1, 1, Math.max(width, header.length)).clearDataValidations();
      writeHeader(sheet, header);
    },
  });
  return "repairable";
}

/** Each sheet's header row as set-up last left it: put back in the office's order if the row is deleted. */
const HEADERS_KEY = "desk.headers";
type Headers = Partial<Record<SheetId, string[]>>;

export function rememberedHeaders(): Headers {
  return readDocumentJson<Headers>(HEADERS_KEY, {});
}

/** One property write, only when a header row changed since it was last remembered. */
export function rememberHeaders(before: Headers, now: Headers) {
  const merged = { ...before, ...now };
  if (JSON.stringify(merged) !== JSON.stringify(before)) writeDocumentJson(HEADERS_KEY, merged);
}
