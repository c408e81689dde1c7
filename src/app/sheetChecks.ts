// Checks (and repairs) one schema'd sheet: present (or renamed), a header row on row 1,
// headers as expected, header row frozen, a lean grid, number formats per column, dropdowns.
// Every read is one call over the whole area.
import type { Language } from "../domain/settings";
import { findSheet } from "../gas/table";
import { allLabels, type Translate } from "../i18n/messages";
import { choiceCode, isBlank, mapHeaders } from "../sheets/codec";
import { numberFormatFor } from "../sheets/formats";
import { type ColumnSpec, headerFor, SCHEMAS, type SheetId, type SheetSpec } from "../sheets/schema";
import type { Finding } from "./findings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;
type AnySpec = SheetSpec<unknown>;

export interface SheetContext {
  ss: Spreadsheet;
  language: Language;
  t: Translate;
}

const HEADER_BG = "#e8eef7";
/** How far down a header row is looked for (an office may insert a title row above it). */
const TOP_ROWS = 10;

/** Writes a header row (one call) in the desk's header style, widening the sheet if needed. */
function writeHeader(sheet: Sheet, header: readonly unknown[]) {
  const missing = header.length - sheet.getMaxColumns();
  if (missing > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missing);
  sheet
    .getRange(1, 1, 1, header.length)
    .setValues([[...header]])
    .setFontWeight("bold")
    .setBackground(HEADER_BG);
}

/** The sheet, created with headers, widths and a frozen header row when missing. */
function createSheet(ctx: SheetContext, spec: AnySpec, name: string): Sheet {
  const sheet = ctx.ss.insertSheet(name);
  writeHeader(
    sheet,
    spec.columns.map((c) => headerFor(c, ctx.language)),
  );
  sheet.setFrozenRows(1);
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return sheet;
}

export interface EnsuredSheet {
  sheet: Sheet | null;
  created: boolean;
}

/**
 * The sheet under its name; else a sheet renamed by someone, recognised by its header row
 * (renamed back by the repair, so its rows are kept); else a new one.
 */
export function ensureSheet(
  ctx: SheetContext,
  spec: AnySpec,
  findings: Finding[],
  apply: boolean,
  renamed: ReadonlyMap<SheetId, Sheet>,
): EnsuredSheet {
  const name = ctx.t(spec.nameKey);
  const existing = findSheet(ctx.ss, spec, name);
  const moved = renamed.get(spec.id);
  if (existing) {
    // E.g. the renamed original after an older repair made an empty sheet in its place.
    if (moved)
      findings.push({
        info: true,
        problem: ctx.t("setup.copyOfSheet", { sheet: existing.getName(), found: moved.getName() }),
        done: "",
      });
    return { sheet: existing, created: false };
  }
  if (moved) {
    const found = moved.getName();
    findings.push({
      problem: ctx.t("health.renamedSheet", { sheet: name, found }),
      done: ctx.t("setup.renamedSheet", { sheet: name, found }),
      fix: () => moved.setName(name),
    });
    return { sheet: moved, created: false };
  }
  findings.push({
    problem: ctx.t("health.missingSheet", { sheet: name }),
    done: ctx.t("setup.created", { sheet: name }),
  });
  return { sheet: apply ? createSheet(ctx, spec, name) : null, created: apply };
}

/** How many of a row's filled cells name the spec's columns (either language or an alias). */
function headerMatch(spec: AnySpec, row: readonly unknown[]): { matched: number; filled: number } {
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
 * Sheets whose name is none of the desk's but whose header row is one of the desk's sheets
 * (a sheet someone renamed, or a copy): each goes to the spec its header fits best, among
 * `wanted`; of several, the one with the most matching columns, then the most rows.
 */
export function findRenamedSheets(ss: Spreadsheet, wanted: readonly AnySpec[]): Map<SheetId, Sheet> {
  const out = new Map<SheetId, Sheet>();
  if (!wanted.length) return out;
  const all = Object.values(SCHEMAS) as unknown as AnySpec[];
  const deskNames = new Set(all.flatMap((s) => allLabels(s.nameKey)));
  const best = new Map<SheetId, { sheet: Sheet; matched: number; rows: number }>();
  for (const sheet of ss.getSheets()) {
    if (deskNames.has(sheet.getName())) continue;
    const width = sheet.getLastColumn();
    if (width < 1) continue;
    const row = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    let fit: { spec: AnySpec; share: number; matched: number } | null = null;
    for (const spec of all) {
      const { matched } = headerMatch(spec, row);
      const share = matched / spec.columns.length;
      if (looksLikeHeader(spec, row) && share >= 0.5 && (!fit || share > fit.share))
        fit = { spec, share, matched };
    }
    if (!fit || !wanted.includes(fit.spec)) continue;
    const rows = sheet.getLastRow();
    const earlier = best.get(fit.spec.id);
    if (!earlier || fit.matched > earlier.matched || (fit.matched === earlier.matched && rows > earlier.rows))
      best.set(fit.spec.id, { sheet, matched: fit.matched, rows });
  }
  for (const [id, { sheet }] of best) out.set(id, sheet);
  return out;
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
  const width = Math.max(1, sheet.getLastColumn());
  const top = sheet.getRange(1, 1, Math.min(TOP_ROWS, sheet.getMaxRows()), width).getValues();
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

/**
 * Headers: aliases and other-language names are renamed to the office's header; a missing
 * column whose place holds one unknown header is taken to be that column renamed; other
 * missing columns are added at the end. Unknown and reordered columns are kept and reported.
 */
export function checkHeaders<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  findings: Finding[],
): string[] {
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
  // One write for the whole header row.
  if (first) first.fix = () => writeHeader(sheet, target);
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
  return target.map(String);
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

/**
 * Empty rows each sheet keeps below its last record: room to type into on the sheets people
 * type into, one spare row on those only the desk appends to (it adds rows as it writes).
 */
const HEADROOM: Record<SheetId, number> = {
  complaints: 200,
  callbacks: 200,
  owners: 100,
  settings: 20,
  categories: 30,
  departments: 20,
  holidays: 30,
  log: 1,
  sent: 1,
};

/**
 * Lean grid (every cell counts against the 10 M-cell limit): no empty columns past the
 * schema's width (or the office's last filled column), no more empty rows than the headroom;
 * and a typed sheet that ran short of empty rows gets its headroom back.
 */
export function checkGrid(ctx: SheetContext, sheet: Sheet, spec: AnySpec, findings: Finding[]) {
  const headroom = HEADROOM[spec.id];
  const name = sheet.getName();
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const lastRow = Math.max(1, sheet.getLastRow());
  const keepColumns = Math.max(sheet.getLastColumn(), spec.columns.length);
  const keepRows = lastRow + headroom;
  const extraColumns = Math.max(0, maxColumns - keepColumns);
  // A little slack, so that the rows typed since the last repair do not make every repair trim.
  const extraRows = maxRows - keepRows > Math.max(headroom, 10) ? maxRows - keepRows : 0;
  if (extraColumns || extraRows) {
    const counts = {
      sheet: name,
      columns: extraColumns,
      rows: extraRows,
      cells: (extraColumns * maxRows + extraRows * (maxColumns - extraColumns)).toLocaleString("en-US"),
    };
    findings.push({
      problem: ctx.t("health.excessGrid", counts),
      done: ctx.t("setup.trimmed", counts),
      // Bounds re-read under the set-up's lock: only cells past the last value are removed.
      fix: () => {
        const columns = Math.max(sheet.getLastColumn(), spec.columns.length);
        if (sheet.getMaxColumns() > columns)
          sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
        const rows = Math.max(1, sheet.getLastRow()) + headroom;
        if (extraRows && sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
      },
    });
  }
  typingRoom(ctx, sheet, spec, maxRows, lastRow, findings);
}

/** A sheet people type into keeps at least a quarter of its headroom as empty rows. */
function typingRoom(
  ctx: SheetContext,
  sheet: Sheet,
  spec: AnySpec,
  maxRows: number,
  lastRow: number,
  findings: Finding[],
) {
  const headroom = HEADROOM[spec.id];
  const emptyRows = maxRows - lastRow;
  if (headroom < 50 || emptyRows >= headroom / 4) return;
  const name = sheet.getName();
  findings.push({
    problem: ctx.t("health.fewRows", { sheet: name, count: emptyRows }),
    done: ctx.t("setup.addedRows", { sheet: name, count: lastRow + headroom - maxRows }),
    fix: () => {
      // New rows at the bottom take the last row's formats and dropdowns, as on Google.
      const short = Math.max(1, sheet.getLastRow()) + headroom - sheet.getMaxRows();
      if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    },
  });
}

/** Only the typing room (four calls): for a run that keeps typed sheets usable between repairs. */
export function checkTypingRoom(ctx: SheetContext, sheet: Sheet, spec: AnySpec, findings: Finding[]) {
  typingRoom(ctx, sheet, spec, sheet.getMaxRows(), Math.max(1, sheet.getLastRow()), findings);
}

export interface SheetCells {
  name: string;
  rows: number;
  columns: number;
  cells: number;
}

/** Every sheet's grid (the 10 M-cell limit counts all of them, the desk's or not). */
export function gridCells(ss: Spreadsheet): SheetCells[] {
  return ss.getSheets().map((sheet) => {
    const rows = sheet.getMaxRows();
    const columns = sheet.getMaxColumns();
    return { name: sheet.getName(), rows, columns, cells: rows * columns };
  });
}
