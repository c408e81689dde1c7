// The emulated Sheet: ranges by coordinates or A1, size, rows and columns, freezing, rules.

import type { SimClock } from "../clock";
import type { Meter } from "../meter";
import { parseA1 } from "./a1";
import { type Api, emulated, guard, guardObject } from "./guard";
import { FakeRange } from "./range";
import { FakeConditionalFormatRule } from "./rules";
import { SheetData } from "./sheetData";
import { FakeTextFinder } from "./textFinder";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What every sheet and range shares: the meter, the clock, the zone, the selection. */
export interface Book {
  meter: Meter;
  clock: SimClock;
  timeZone(): string;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  select(range: FakeRange): void;
  touched: Set<string>;
  sheetByName(name: string): FakeSheet | null;
  remove(sheet: FakeSheet): void;
  nameTaken(name: string, except: FakeSheet): boolean;
  /** Throws Google's message when `cells` more grid cells would take the workbook past 10 million. */
  ensureRoom(cells: number): void;
}

export const CELL_LIMIT = 10_000_000;
export const cellLimitMessage = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;

export const SHEET = emulated<GasSheet>()("SpreadsheetApp", "Sheet", "Spreadsheet.Sheet", [
  "getName",
  "setName",
  "getSheetId",
  "getIndex",
  "getParent",
  "getRange",
  "getDataRange",
  "getLastRow",
  "getLastColumn",
  "getMaxRows",
  "getMaxColumns",
  "insertRowsAfter",
  "insertRowAfter",
  "insertRowsBefore",
  "insertRowBefore",
  "insertColumnsAfter",
  "insertColumnAfter",
  "insertColumnsBefore",
  "insertColumnBefore",
  "deleteRows",
  "deleteRow",
  "deleteColumns",
  "deleteColumn",
  "appendRow",
  "setFrozenRows",
  "getFrozenRows",
  "setFrozenColumns",
  "getFrozenColumns",
  "setColumnWidth",
  "setColumnWidths",
  "getColumnWidth",
  "getConditionalFormatRules",
  "setConditionalFormatRules",
  "clear",
  "clearContents",
  "setTabColor",
  "activate",
  "createTextFinder",
  "showSheet",
  "hideColumns",
  "protect",
]);

export const PROTECTION = emulated<GoogleAppsScript.Spreadsheet.Protection>()(
  "SpreadsheetApp",
  "Protection",
  "Spreadsheet.Protection",
  ["setDescription", "setWarningOnly", "removeEditors"],
);

let nextSheetId = 1;

export class FakeSheet implements Api<typeof SHEET> {
  readonly data = new SheetData();
  readonly id = nextSheetId++;
  /** Set when the sheet is deleted: a script still holding it fails on its next call. */
  deleted = false;

  constructor(
    readonly book: Book,
    public name: string,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(SHEET.name, this);
  }

  private m(member: string, cells = 0) {
    this.book.meter.record("SpreadsheetApp", `Sheet.${member}`, cells);
    this.ensureExists(member, "Sheet");
  }

  /** Apps Script cannot reach a sheet that was deleted after the script got hold of it. */
  ensureExists(member: string, owner: string) {
    if (this.deleted)
      throw new Error(
        `Unexpected error while getting the method or property ${member} on object SpreadsheetApp.${owner}.`,
      );
  }

  /** Rows inserted before 0-based row `at`, within the workbook's cell limit. */
  growRows(at: number, n: number) {
    this.book.ensureRoom(n * this.data.maxColumns);
    this.data.insertRows(at, n);
  }

  /** Columns inserted before 0-based column `at`, within the workbook's cell limit. */
  growColumns(at: number, n: number) {
    this.book.ensureRoom(n * this.data.maxRows);
    this.data.insertColumns(at, n);
  }

  /** Deletes rows (1-based), refused as Sheets refuses them; by a script or a person. */
  removeRows(rowPosition: number, howMany: number) {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.data.maxRows)
      throw new Error("Those rows are out of bounds.");
    if (howMany >= this.data.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.data.deleteRows(rowPosition - 1, howMany);
  }

  removeColumns(columnPosition: number, howMany: number) {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.data.maxColumns)
      throw new Error("Those columns are out of bounds.");
    if (howMany >= this.data.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    this.data.deleteColumns(columnPosition - 1, howMany);
  }

  get gridCells(): number {
    return this.data.maxRows * this.data.maxColumns;
  }

  private self(): GasSheet {
    return this as unknown as GasSheet;
  }

  /** A range without metering, bounds checked like Apps Script. */
  rangeAt(row: number, column: number, rows = 1, columns = 1): GasRange {
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (column < 1) throw new Error("The starting column of the range is too small.");
    if (rows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (columns < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row + rows - 1 > this.data.maxRows || column + columns - 1 > this.data.maxColumns)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new FakeRange(this, row, column, rows, columns) as unknown as GasRange;
  }

  rangeA1(a1: string): GasRange {
    const p = parseA1(a1);
    const lastRow = p.lastRow ?? this.data.maxRows;
    const lastColumn = p.lastColumn ?? this.data.maxColumns;
    return this.rangeAt(p.row, p.column, lastRow - p.row + 1, lastColumn - p.column + 1);
  }

  getName() {
    this.m("getName");
    return this.name;
  }
  setName(name: string) {
    this.m("setName");
    if (this.book.nameTaken(name, this))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.name = name;
    return this.self();
  }
  getSheetId() {
    return this.id;
  }
  getIndex() {
    this.m("getIndex");
    return (
      this.book
        .spreadsheet()
        .getSheets()
        .findIndex((s) => (s as unknown) === this) + 1
    );
  }
  getParent() {
    return this.book.spreadsheet();
  }
  getRange(a: number | string, column?: number, rows?: number, columns?: number): GasRange {
    this.m("getRange");
    if (typeof a === "string") return this.rangeA1(a);
    return this.rangeAt(a, column ?? 1, rows ?? 1, columns ?? 1);
  }
  getDataRange() {
    this.m("getDataRange");
    return this.rangeAt(1, 1, Math.max(1, this.data.lastRow()), Math.max(1, this.data.lastColumn()));
  }
  getLastRow() {
    this.m("getLastRow");
    return this.data.lastRow();
  }
  getLastColumn() {
    this.m("getLastColumn");
    return this.data.lastColumn();
  }
  getMaxRows() {
    this.m("getMaxRows");
    return this.data.maxRows;
  }
  getMaxColumns() {
    this.m("getMaxColumns");
    return this.data.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.m("insertRowsAfter");
    this.growRows(afterPosition, howMany);
    return this.self();
  }
  insertRowAfter(afterPosition: number) {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    this.m("insertRowsBefore");
    this.growRows(beforePosition - 1, howMany);
    return this.self();
  }
  insertRowBefore(beforePosition: number) {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.m("insertColumnsAfter");
    this.growColumns(afterPosition, howMany);
    return this.self();
  }
  insertColumnAfter(afterPosition: number) {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    this.m("insertColumnsBefore");
    this.growColumns(beforePosition - 1, howMany);
    return this.self();
  }
  insertColumnBefore(beforePosition: number) {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number) {
    this.m("deleteRows");
    this.removeRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: number) {
    this.deleteRows(rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number) {
    this.m("deleteColumns");
    this.removeColumns(columnPosition, howMany);
  }
  deleteColumn(columnPosition: number) {
    this.deleteColumns(columnPosition, 1);
    return this.self();
  }
  appendRow(rowContents: unknown[]) {
    this.m("appendRow", rowContents.length);
    const row = this.data.lastRow() + 1;
    if (row > this.data.maxRows) this.growRows(this.data.maxRows, row - this.data.maxRows);
    if (rowContents.length > this.data.maxColumns)
      this.growColumns(this.data.maxColumns, rowContents.length - this.data.maxColumns);
    const range = new FakeRange(this, row, 1, 1, Math.max(1, rowContents.length));
    const write = range.writer();
    rowContents.forEach((v, j) => write(row - 1, j, v));
    return this.self();
  }
  setFrozenRows(rows: number) {
    this.m("setFrozenRows");
    this.data.frozenRows = rows;
  }
  getFrozenRows() {
    this.m("getFrozenRows");
    return this.data.frozenRows;
  }
  setFrozenColumns(columns: number) {
    this.m("setFrozenColumns");
    this.data.frozenColumns = columns;
  }
  getFrozenColumns() {
    this.m("getFrozenColumns");
    return this.data.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number) {
    this.m("setColumnWidth");
    this.data.widths.set(columnPosition - 1, width);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    this.m("setColumnWidths");
    for (let i = 0; i < numColumns; i++) this.data.widths.set(startColumn - 1 + i, width);
    return this.self();
  }
  getColumnWidth(columnPosition: number) {
    this.m("getColumnWidth");
    return this.data.widths.get(columnPosition - 1) ?? 100;
  }
  getConditionalFormatRules() {
    this.m("getConditionalFormatRules");
    return [...this.data.conditionalRules] as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this.m("setConditionalFormatRules");
    for (const r of rules)
      if (!(r instanceof FakeConditionalFormatRule)) throw new Error("Invalid argument: rules");
    this.data.conditionalRules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  clear() {
    this.m("clear");
    const fresh = new SheetData();
    Object.assign(this.data, { ...fresh, maxRows: this.data.maxRows, maxColumns: this.data.maxColumns });
    return this.self();
  }
  clearContents() {
    this.m("clearContents");
    this.data.values = [];
    this.data.formulas.clear();
    return this.self();
  }
  setTabColor(color: string | null) {
    this.m("setTabColor");
    this.data.tabColor = color;
    return this.self();
  }
  activate() {
    this.m("activate");
    this.book.select(new FakeRange(this, 1, 1, 1, 1));
    return this.self();
  }
  createTextFinder(findText: string) {
    this.m("createTextFinder");
    return new FakeTextFinder(this, null, findText) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
  showSheet() {
    return this.self();
  }
  hideColumns(_column: number, _howMany?: number) {
    this.m("hideColumns");
  }
  protect() {
    this.m("protect");
    const protection: GoogleAppsScript.Spreadsheet.Protection = guard(PROTECTION, {
      setDescription: () => protection,
      setWarningOnly: () => protection,
      removeEditors: () => protection,
    } satisfies Api<typeof PROTECTION>);
    return protection;
  }
}
