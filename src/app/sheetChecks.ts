// Checks (and repairs) one schema'd sheet: present, headers as expected, header row frozen,
// number formats per column, dropdowns. Every read is one call over the whole area.
import type { Language } from "../domain/settings";
import { findSheet } from "../gas/table";
import type { Translate } from "../i18n/messages";
import { mapHeaders } from "../sheets/codec";
import { numberFormatFor } from "../sheets/formats";
import { type ColumnSpec, headerFor, type SheetSpec } from "../sheets/schema";
import type { Finding } from "./findings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

export interface SheetContext {
  ss: Spreadsheet;
  language: Language;
  t: Translate;
}

const HEADER_BG = "#e8eef7";

/** The sheet, created with headers, widths and a frozen header row when missing. */
export function ensureSheet<T>(
  ctx: SheetContext,
  spec: SheetSpec<T>,
  findings: Finding[],
  apply: boolean,
): Sheet | null {
  const name = ctx.t(spec.nameKey);
  const existing = findSheet(ctx.ss, spec, name);
  if (existing) return existing;
  findings.push({
    problem: ctx.t("health.missingSheet", { sheet: name }),
    done: ctx.t("setup.created", { sheet: name }),
  });
  if (!apply) return null;
  const sheet = ctx.ss.insertSheet(name);
  const headers = spec.columns.map((c) => headerFor(c, ctx.language));
  const extra = headers.length - sheet.getMaxColumns();
  if (extra > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), extra);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight("bold").setBackground(HEADER_BG);
  sheet.setFrozenRows(1);
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return sheet;
}

/**
 * Headers: aliases and other-language names are renamed to the office's header; a missing
 * column whose place holds one unknown header is taken to be that column renamed; other
 * missing columns are added at the end. Unknown and reordered columns are kept and reported.
 */
export function checkHeaders<T>(ctx: SheetContext, sheet: Sheet, spec: SheetSpec<T>, findings: Finding[]) {
  const sheetName = sheet.getName();
  const width = Math.max(1, sheet.getLastColumn());
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const map = mapHeaders(spec.columns, header);
  const target: unknown[] = [...header];
  const changes: Finding[] = [];
  const unknown = new Map(map.unknown.map((u) => [u.index, u.header]));
  const guesses = renamedInPlace(spec.columns, map.index, [...unknown.keys()]);
  spec.columns.forEach((column) => {
    const expected = headerFor(column, ctx.language);
    const at = map.index.get(column.key) ?? guesses.get(column.key);
    if (at === undefined) {
      target.push(expected);
      changes.push({
        problem: ctx.t("health.missingColumn", { sheet: sheetName, column: expected }),
        done: ctx.t("setup.addedColumn", { sheet: sheetName, column: expected }),
      });
      return;
    }
    unknown.delete(at);
    const found = String(header[at]);
    if (found === expected) return;
    target[at] = expected;
    changes.push({
      problem: ctx.t("health.renamedHeader", { sheet: sheetName, found, expected }),
      done: ctx.t("setup.renamedHeader", { sheet: sheetName, found, expected }),
    });
  });
  const first = changes[0];
  if (first)
    // One write for the whole header row.
    first.fix = () => {
      const missingCols = target.length - sheet.getMaxColumns();
      if (missingCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingCols);
      sheet
        .getRange(1, 1, 1, target.length)
        .setValues([target])
        .setFontWeight("bold")
        .setBackground(HEADER_BG);
    };
  findings.push(...changes);
  for (const [index, name] of unknown)
    findings.push({
      info: true,
      problem: ctx.t("setup.unknownColumn", { sheet: sheetName, column: `${name} (${index + 1})` }),
      done: "",
    });
  if (!map.inOrder)
    findings.push({ info: true, problem: ctx.t("setup.reordered", { sheet: sheetName }), done: "" });
  if (sheet.getFrozenRows() !== 1)
    findings.push({
      problem: ctx.t("health.frozen", { sheet: sheetName }),
      done: ctx.t("setup.frozen", { sheet: sheetName }),
      fix: () => sheet.setFrozenRows(1),
    });
}

/**
 * Missing columns whose place holds unknown headers are taken to be those columns renamed:
 * in each gap between found columns, when the gap has as many unknown headers as missing
 * columns, they are matched in order. Other gaps, and columns missing after the last one
 * found, are left alone (the column is added at the end).
 */
function renamedInPlace(
  columns: readonly ColumnSpec[],
  index: Map<string, number>,
  unknownAt: readonly number[],
): Map<string, number> {
  const guesses = new Map<string, number>();
  let gap: ColumnSpec[] = [];
  let before = -1;
  const close = (after: number) => {
    const between = unknownAt.filter((i) => i > before && i < after).sort((a, b) => a - b);
    if (gap.length && between.length === gap.length)
      gap.forEach((c, j) => {
        guesses.set(c.key, between[j] ?? -1);
      });
    gap = [];
  };
  for (const column of columns) {
    const at = index.get(column.key);
    if (at === undefined) {
      gap.push(column);
      continue;
    }
    close(at);
    before = at;
  }
  return guesses;
}

/** Where each of the schema's columns sits, from the sheet's header row (one read). */
export function headerMap<T>(sheet: Sheet, spec: SheetSpec<T>) {
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
  return mapHeaders(spec.columns, header);
}

/** Number formats per column below the header; text columns must be plain text. */
export function checkFormats<T>(ctx: SheetContext, sheet: Sheet, spec: SheetSpec<T>, findings: Finding[]) {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const map = headerMap(sheet, spec);
  const formats = sheet.getRange(2, 1, rows, map.width).getNumberFormats();
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
      fix: () => sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setNumberFormat(wanted),
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
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const map = headerMap(sheet, spec);
  const existing = sheet.getRange(2, 1, rows, map.width).getDataValidations();
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
      fix: () => sheet.getRange(2, i + 1, sheet.getMaxRows() - 1, 1).setDataValidation(rule),
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
