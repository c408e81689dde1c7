// Number formats and dropdowns per column, each checked over the whole column in one read.
import { numberFormatFor } from "../../sheets/formats";
import { type ColumnSpec, headerFor, type SheetId, type SheetSpec } from "../../sheets/schema";
import type { Finding } from "../findings";
import { headerMap } from "./columnHeaders";
import { factsOf, type SheetContext, type SheetFacts } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Data rows below the header, as far down as the sheet goes when the repair runs. */
const rowsBelow = (sheet: Sheet, facts: SheetFacts) => facts.maxRows(sheet) - 1;

/** Column `i` (0-based) below the header, as far down as the sheet goes when the repair runs. */
const columnBelow = (sheet: Sheet, i: number) => sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1);

/** Number formats per column below the header; text columns must be plain text. */
export function checkFormats<T>(ctx: SheetContext, sheet: Sheet, spec: SheetSpec<T>, findings: Finding[]) {
  const facts = factsOf(ctx);
  const rows = rowsBelow(sheet, facts);
  if (rows < 1) return;
  const map = headerMap(sheet, spec, facts);
  const placed = [...map.index.values()];
  if (!placed.length) return;
  // The schema's columns (the office's own columns past them are not ours), in one read each
  // of the row blocks that can be wrong.
  const first = Math.min(...placed);
  const width = Math.max(...placed) - first + 1;
  const formats = blocksToCheck(sheet, spec, rows, facts).flatMap(([top, count]) =>
    sheet.getRange(top, first + 1, count, width).getNumberFormats(),
  );
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

/**
 * Sheets only the desk writes, and always through writeRows, which gives every cell it writes
 * its column's format first: their records' formats are right by construction, so only the
 * first record (a whole column reformatted shows there) and the empty rows below the last one
 * are read. Reading every Log row would make each repair cost more as the years go by.
 */
const WRITTEN_BY_DESK: ReadonlySet<SheetId> = new Set(["log", "sent", "stats"]);

/** [first row, row count] blocks whose formats set-up reads. */
function blocksToCheck<T>(
  sheet: Sheet,
  spec: SheetSpec<T>,
  rows: number,
  facts: SheetFacts,
): [number, number][] {
  if (!WRITTEN_BY_DESK.has(spec.id)) return [[2, rows]];
  const last = Math.max(2, facts.lastRow(sheet));
  const below = rows + 1 - last;
  return below > 0
    ? [
        [2, 1],
        [last + 1, below],
      ]
    : [[2, 1]];
}

export type RuleFor = (column: ColumnSpec) => Validation | null;

/**
 * Dropdowns: every cell below the header carries the column's current rule. Only the columns
 * that have one are read, each in one call, and compared without a call per cell.
 */
export function checkValidations<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  ruleFor: RuleFor,
  findings: Finding[],
) {
  const facts = factsOf(ctx);
  const rows = rowsBelow(sheet, facts);
  if (rows < 1) return;
  const map = headerMap(sheet, spec, facts);
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    const rule = ruleFor(column);
    if (i === undefined || !rule) continue;
    const cells = sheet.getRange(2, i + 1, rows, 1).getDataValidations();
    if (carriesRule(cells, rule)) continue;
    const name = headerFor(column, ctx.language);
    findings.push({
      problem: ctx.t("health.badValidation", { sheet: sheet.getName(), column: name }),
      done: ctx.t("setup.validation", { sheet: sheet.getName(), column: name }),
      fix: () => columnBelow(sheet, i).setDataValidation(rule),
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
