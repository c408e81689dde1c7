// Number formats and dropdowns per column: one read per block of rows for the formats, one per
// column (or one block, when fewer cells) for the dropdowns, compared without a call per cell.
// Repair reads every row; the health check, which a person waits for, the rows where problems
// come from (the empty rows people type into, the newest records, the first one).
import { numberFormatFor } from "../../sheets/formats";
import { type ColumnSpec, headerFor, type SheetId, type SheetSpec } from "../../sheets/schema";
import type { Finding } from "../findings";
import { headerMap } from "./columnHeaders";
import { factsOf, type SheetContext, type SheetFacts } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Column `i` (0-based) below the header, as far down as the sheet goes when the repair runs. */
const columnBelow = (sheet: Sheet, i: number) => sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1);

/** Records the health check reads from the bottom up, a busy day's worth (repair reads them all). */
const NEWEST_RECORDS = 300;

/**
 * Sheets only the desk writes, and always through writeRows, which gives every cell it writes
 * its column's format first: their records' formats are right by construction, so only the
 * first record (a whole column reformatted shows there) and the empty rows below the last one
 * are read. Reading every Log row would make each repair cost more as the years go by.
 */
const WRITTEN_BY_DESK: ReadonlySet<SheetId> = new Set(["log", "sent", "stats"]);

/** [first row, row count] blocks below the header that a check reads. */
function blocksToCheck<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  facts: SheetFacts,
  formats: boolean,
): [number, number][] {
  const end = facts.maxRows(sheet);
  if (end < 2) return [];
  const desk = formats && WRITTEN_BY_DESK.has(spec.id);
  if (ctx.everyRow && !desk) return [[2, end - 1]];
  // The first record, then the newest ones (none for the desk's own sheets) and the empty rows.
  const last = Math.max(2, facts.lastRow(sheet));
  const from = Math.max(3, desk ? last + 1 : last - NEWEST_RECORDS + 1);
  return from <= end
    ? [
        [2, 1],
        [from, end - from + 1],
      ]
    : [[2, 1]];
}

/** Number formats per column below the header; text columns must be plain text. */
export function checkFormats<T>(ctx: SheetContext, sheet: Sheet, spec: SheetSpec<T>, findings: Finding[]) {
  const facts = factsOf(ctx);
  const map = headerMap(sheet, spec, facts);
  const placed = [...map.index.values()];
  if (!placed.length) return;
  // The schema's columns (the office's own columns past them are not ours), one read a block.
  const first = Math.min(...placed);
  const width = Math.max(...placed) - first + 1;
  const formats = blocksToCheck(ctx, sheet, spec, facts, true).flatMap(([top, count]) =>
    sheet.getRange(top, first + 1, count, width).getNumberFormats(),
  );
  if (!formats.length) return;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i === undefined) continue;
    const wanted = numberFormatFor(column.kind);
    if (formats.every((r) => r[i - first] === wanted)) continue;
    const name = headerFor(column, ctx.language);
    findings.push({
      problem: ctx.t(wanted === "@" ? "health.textFormat" : "health.format", {
        sheet: sheet.getName(),
        column: name,
      }),
      done: ctx.t("setup.format", { sheet: sheet.getName(), column: name }),
      fix: () => columnBelow(sheet, i).setNumberFormat(wanted),
    });
  }
}

export type RuleFor = (column: ColumnSpec) => Validation | null;

/** A read round trip is worth this many dropdown cells (local/costs.ts: 100 ms, 20 µs a cell). */
const CELLS_PER_READ = 5_000;

/**
 * Dropdowns: every cell below the header carries the column's current rule. Only the columns
 * that have one are read: each on its own, or all in one block across the columns between them
 * when that reads fewer cells than the round trips it saves.
 */
export function checkValidations<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  ruleFor: RuleFor,
  findings: Finding[],
) {
  const facts = factsOf(ctx);
  const map = headerMap(sheet, spec, facts);
  const ruled = spec.columns.flatMap((column) => {
    const at = map.index.get(column.key);
    const rule = ruleFor(column);
    return at !== undefined && rule ? [{ column, at, rule }] : [];
  });
  const blocks = blocksToCheck(ctx, sheet, spec, facts, false);
  if (!ruled.length || !blocks.length) return;
  const rows = blocks.reduce((n, [, count]) => n + count, 0);
  const left = Math.min(...ruled.map((r) => r.at));
  const span = Math.max(...ruled.map((r) => r.at)) - left + 1;
  const together = (span - ruled.length) * rows <= (ruled.length - 1) * CELLS_PER_READ;
  const read = (col: number, width: number) =>
    blocks.flatMap(([top, count]) => sheet.getRange(top, col + 1, count, width).getDataValidations());
  const block = together ? read(left, span) : null;
  for (const { column, at, rule } of ruled) {
    const cells = block ? block.map((row) => [row[at - left] ?? null]) : read(at, 1);
    if (carriesRule(cells, rule)) continue;
    const name = headerFor(column, ctx.language);
    findings.push({
      problem: ctx.t("health.badValidation", { sheet: sheet.getName(), column: name }),
      done: ctx.t("setup.validation", { sheet: sheet.getName(), column: name }),
      fix: () => columnBelow(sheet, at).setDataValidation(rule),
    });
  }
}

/**
 * Whether every cell of a one-column read carries `rule`. Each cell's kind, strictness and
 * listed values are compared; a rule naming a range (a list kept in another sheet) is
 * compared in full on the column's first and last cells only, because asking a range for its
 * sheet and address is a call each: a dropdown pasted in from another column of the same kind
 * is found there, not in between.
 */
function carriesRule(cells: (Validation | null)[][], rule: Validation): boolean {
  const want = outline(rule);
  if (!cells.every((row) => outline(row[0] ?? null) === want)) return false;
  if (!rule.getCriteriaValues().some(isRange)) return true;
  const full = describe(rule);
  return [cells[0], cells[cells.length - 1]].every((row) => describe(row?.[0] ?? null) === full);
}

const isRange = (v: unknown): v is GoogleAppsScript.Spreadsheet.Range =>
  typeof v === "object" && v !== null && "getA1Notation" in v;

/** A rule's kind, values and strictness, with any range only marked as one (no call). */
function outline(rule: Validation | null): string {
  if (!rule) return "";
  const values = rule
    .getCriteriaValues()
    .map((v) => (Array.isArray(v) ? v.join("\u0001") : isRange(v) ? "\u0002range" : String(v)));
  return `${String(rule.getCriteriaType())}|${values.join("|")}|${rule.getAllowInvalid()}`;
}

/** A comparable description of a rule: its criteria, values (a range by sheet and address) and strictness. */
function describe(rule: Validation | null): string {
  if (!rule) return "";
  const values = rule.getCriteriaValues().map((v) => {
    if (Array.isArray(v)) return v.join("\u0001");
    if (isRange(v)) return `${v.getSheet().getName()}!${v.getA1Notation()}`;
    return String(v);
  });
  return `${String(rule.getCriteriaType())}|${values.join("|")}|${rule.getAllowInvalid()}`;
}
