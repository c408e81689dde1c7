// Number formats and dropdowns per column, each checked over the whole column in one read.
import { numberFormatFor } from "../../sheets/formats";
import { type ColumnSpec, headerFor, type SheetSpec } from "../../sheets/schema";
import type { Finding } from "../findings";
import { headerMap } from "./columnHeaders";
import type { SheetContext } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Where each column sits, and what `read` gives of everything below the header (one call); null without rows. */
function belowHeader<T, C>(sheet: Sheet, spec: SheetSpec<T>, read: (range: Range) => C[][]) {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return null;
  const map = headerMap(sheet, spec);
  return { map, cells: read(sheet.getRange(2, 1, rows, map.width)) };
}

/** Column `i` (0-based) below the header, as far down as the sheet goes when the repair runs. */
const columnBelow = (sheet: Sheet, i: number) => sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1);

/** Number formats per column below the header; text columns must be plain text. */
export function checkFormats<T>(ctx: SheetContext, sheet: Sheet, spec: SheetSpec<T>, findings: Finding[]) {
  const below = belowHeader(sheet, spec, (r) => r.getNumberFormats());
  if (!below) return;
  const { map, cells: formats } = below;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i === undefined) continue;
    const wanted = numberFormatFor(column.kind);
    if (formats.every((r) => r[i] === wanted)) continue;
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

/** Dropdowns: every cell below the header carries the column's current rule. */
export function checkValidations<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  ruleFor: RuleFor,
  findings: Finding[],
) {
  const below = belowHeader(sheet, spec, (r) => r.getDataValidations());
  if (!below) return;
  const { map, cells: existing } = below;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    const rule = ruleFor(column);
    if (i === undefined || !rule) continue;
    const want = describe(rule);
    if (existing.every((r) => describe(r[i] ?? null) === want)) continue;
    const name = headerFor(column, ctx.language);
    findings.push({
      problem: ctx.t("health.badValidation", { sheet: sheet.getName(), column: name }),
      done: ctx.t("setup.validation", { sheet: sheet.getName(), column: name }),
      fix: () => columnBelow(sheet, i).setDataValidation(rule),
    });
  }
}

/** A comparable description of a rule: its criteria, values and strictness. */
export function describe(rule: Validation | null): string {
  if (!rule) return "";
  const values = rule.getCriteriaValues().map((v) => {
    if (Array.isArray(v)) return v.join("\u0001");
    if (v && typeof v === "object" && "getA1Notation" in v) {
      const range = v as GoogleAppsScript.Spreadsheet.Range;
      return `${range.getSheet().getName()}!${range.getA1Notation()}`;
    }
    return String(v);
  });
  return `${String(rule.getCriteriaType())}|${values.join("|")}|${rule.getAllowInvalid()}`;
}
