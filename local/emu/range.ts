// The emulated Range: whole-block reads and writes with Apps Script's checks and parsing.
import { toA1 } from "./a1";
import { type Api, emulated, guardObject } from "./guard";
import { FakeDataValidation } from "./rules";
import type { FakeSheet } from "./sheet";
import { displayValue } from "./sheetData";
import { FakeTextFinder } from "./textFinder";
import { type CellValue, isDateValue, scriptValue } from "./typing";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
export const RANGE = emulated<GasRange>()("SpreadsheetApp", "Range", "Spreadsheet.Range", [
  "getValues",
  "setValues",
  "getValue",
  "setValue",
  "getDisplayValues",
  "getDisplayValue",
  "getFormulas",
  "getFormula",
  "setFormula",
  "getNumberFormats",
  "getNumberFormat",
  "setNumberFormat",
  "setNumberFormats",
  "getDataValidations",
  "getDataValidation",
  "setDataValidation",
  "setDataValidations",
  "clearDataValidations",
  "getNotes",
  "getNote",
  "setNote",
  "setNotes",
  "setFontWeight",
  "setFontWeights",
  "getFontWeight",
  "getFontWeights",
  "setBackground",
  "getBackground",
  "getBackgrounds",
  "setFontColor",
  "getFontColor",
  "setWrap",
  "setHorizontalAlignment",
  "setVerticalAlignment",
  "clearContent",
  "clearFormat",
  "clear",
  "getA1Notation",
  "getRow",
  "getColumn",
  "getNumRows",
  "getNumColumns",
  "getHeight",
  "getWidth",
  "getLastRow",
  "getLastColumn",
  "getSheet",
  "offset",
  "activate",
  "createTextFinder",
]);

/** Font weights are "bold" and "normal", as Apps Script returns them. */
const fontWeight = (w: string) => w as GoogleAppsScript.Spreadsheet.FontWeight;

const copy = (v: CellValue): CellValue => (isDateValue(v) ? new Date(v.getTime()) : v);

export class FakeRange implements Api<typeof RANGE> {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(RANGE.name, this);
  }

  private get data() {
    return this.sheet.data;
  }

  private self(): GasRange {
    return this as unknown as GasRange;
  }

  private m(member: string, cells = 0) {
    this.sheet.book.meter.record("SpreadsheetApp", `Range.${member}`, cells);
    this.sheet.ensureExists(member, "Range");
    this.sheet.book.touched.add(this.sheet.name);
  }

  private get size() {
    return this.rows * this.columns;
  }

  // Cell loops read the range's fields once: `this` is the guarded proxy, and a trap per
  // cell would make a 1M-cell read several times slower.
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const { row: top, column: left, rows, columns } = this;
    const out: T[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: T[] = [];
      for (let j = 0; j < columns; j++) row.push(fn(top - 1 + i, left - 1 + j));
      out.push(row);
    }
    return out;
  }

  private each(fn: (r: number, c: number, i: number, j: number) => void) {
    const { row: top, column: left, rows, columns } = this;
    for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) fn(top - 1 + i, left - 1 + j, i, j);
  }

  private checkSize(data: unknown[][], what: string) {
    if (!Array.isArray(data) || data.length !== this.rows)
      throw new Error(
        `The number of rows in the ${what} does not match the number of rows in the range. The ${what} has ${Array.isArray(data) ? data.length : 0} but the range has ${this.rows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.columns)
        throw new Error(
          `The number of columns in the ${what} does not match the number of columns in the range. The ${what} has ${Array.isArray(row) ? row.length : 0} but the range has ${this.columns}.`,
        );
  }

  /** Stores what a script writes, parsed as Sheets would (not validated, like Apps Script). */
  writer(): (r: number, c: number, v: unknown) => void {
    const { book, data } = this.sheet;
    const [zone, now] = [book.timeZone(), book.clock.now()];
    return (r, c, v) => {
      const parsed = scriptValue(v, data.format(r, c), zone, now);
      data.setValue(r, c, parsed.value, parsed.formula);
    };
  }

  getValues() {
    this.m("getValues", this.size);
    const d = this.data;
    return this.grid((r, c) => copy(d.value(r, c)));
  }
  getValue() {
    this.m("getValue", 1);
    return copy(this.data.value(this.row - 1, this.column - 1));
  }
  setValues(values: unknown[][]) {
    this.m("setValues", this.size);
    this.checkSize(values, "data");
    const write = this.writer();
    this.each((r, c, i, j) => write(r, c, values[i]?.[j]));
    return this.self();
  }
  setValue(value: unknown) {
    this.m("setValue", this.size);
    const write = this.writer();
    this.each((r, c) => write(r, c, value));
    return this.self();
  }
  getDisplayValues() {
    this.m("getDisplayValues", this.size);
    const d = this.data;
    const tz = this.sheet.book.timeZone();
    return this.grid((r, c) => displayValue(d.value(r, c), d.format(r, c), tz));
  }
  getDisplayValue() {
    return this.getDisplayValues()[0]?.[0] ?? "";
  }
  getFormulas() {
    this.m("getFormulas", this.size);
    const d = this.data;
    return this.grid((r, c) => d.formula(r, c));
  }
  getFormula() {
    this.m("getFormula", 1);
    return this.data.formula(this.row - 1, this.column - 1);
  }
  setFormula(formula: string) {
    this.m("setFormula", this.size);
    const d = this.data;
    this.each((r, c) => d.setValue(r, c, "#ERROR!", formula));
    return this.self();
  }
  getNumberFormats() {
    this.m("getNumberFormats", this.size);
    const d = this.data;
    return this.grid((r, c) => d.format(r, c));
  }
  getNumberFormat() {
    this.m("getNumberFormat", 1);
    return this.data.format(this.row - 1, this.column - 1);
  }
  setNumberFormat(format: string) {
    this.m("setNumberFormat", this.size);
    const d = this.data;
    this.each((r, c) => d.setFormat(r, c, format));
    return this.self();
  }
  setNumberFormats(formats: string[][]) {
    this.m("setNumberFormats", this.size);
    const d = this.data;
    this.checkSize(formats, "data");
    this.each((r, c, i, j) => d.setFormat(r, c, String(formats[i]?.[j] ?? "General")));
    return this.self();
  }
  getDataValidations() {
    this.m("getDataValidations", this.size);
    const d = this.data;
    return this.grid(
      (r, c) => (d.get(d.validations, r, c) ?? null) as GoogleAppsScript.Spreadsheet.DataValidation | null,
    );
  }
  getDataValidation() {
    return this.getDataValidations()[0]?.[0] ?? null;
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
    this.m("setDataValidation", this.size);
    const d = this.data;
    if (rule !== null && !(rule instanceof FakeDataValidation)) throw new Error("Invalid argument: rule");
    this.each((r, c) => d.put(d.validations, r, c, rule as FakeDataValidation | null));
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]) {
    this.m("setDataValidations", this.size);
    const d = this.data;
    this.checkSize(rules, "data");
    this.each((r, c, i, j) =>
      d.put(d.validations, r, c, (rules[i]?.[j] ?? null) as FakeDataValidation | null),
    );
    return this.self();
  }
  clearDataValidations() {
    this.m("clearDataValidations", this.size);
    const d = this.data;
    this.each((r, c) => d.put(d.validations, r, c, null));
    return this.self();
  }
  getNotes() {
    this.m("getNotes", this.size);
    const d = this.data;
    return this.grid((r, c) => d.get(d.notes, r, c) ?? "");
  }
  getNote() {
    return this.getNotes()[0]?.[0] ?? "";
  }
  setNote(note: string | null) {
    this.m("setNote", this.size);
    const d = this.data;
    this.each((r, c) => d.put(d.notes, r, c, note));
    return this.self();
  }
  setNotes(notes: (string | null)[][]) {
    this.m("setNotes", this.size);
    const d = this.data;
    this.checkSize(notes, "data");
    this.each((r, c, i, j) => d.put(d.notes, r, c, notes[i]?.[j] ?? null));
    return this.self();
  }
  setFontWeight(weight: string | null) {
    this.m("setFontWeight", this.size);
    const d = this.data;
    this.each((r, c) => d.put(d.fontWeights, r, c, weight === "normal" ? null : weight));
    return this.self();
  }
  setFontWeights(weights: (string | null)[][]) {
    this.m("setFontWeights", this.size);
    const d = this.data;
    this.checkSize(weights, "data");
    this.each((r, c, i, j) =>
      d.put(d.fontWeights, r, c, weights[i]?.[j] === "normal" ? null : weights[i]?.[j]),
    );
    return this.self();
  }
  getFontWeight() {
    return this.getFontWeights()[0]?.[0] ?? fontWeight("normal");
  }
  getFontWeights() {
    this.m("getFontWeights", this.size);
    const d = this.data;
    return this.grid((r, c) => fontWeight(d.get(d.fontWeights, r, c) ?? "normal"));
  }
  setBackground(color: string | null) {
    this.m("setBackground", this.size);
    const d = this.data;
    this.each((r, c) => d.put(d.backgrounds, r, c, color));
    return this.self();
  }
  getBackground() {
    return this.getBackgrounds()[0]?.[0] ?? "#ffffff";
  }
  getBackgrounds() {
    this.m("getBackgrounds", this.size);
    const d = this.data;
    return this.grid((r, c) => d.get(d.backgrounds, r, c) ?? "#ffffff");
  }
  setFontColor(color: string | null) {
    this.m("setFontColor", this.size);
    const d = this.data;
    this.each((r, c) => d.put(d.fontColors, r, c, color));
    return this.self();
  }
  getFontColor() {
    this.m("getFontColor", 1);
    return this.data.get(this.data.fontColors, this.row - 1, this.column - 1) ?? "#000000";
  }
  setWrap(_wrap: boolean) {
    this.m("setWrap", this.size);
    return this.self();
  }
  setHorizontalAlignment(_alignment: string | null) {
    this.m("setHorizontalAlignment", this.size);
    return this.self();
  }
  setVerticalAlignment(_alignment: string | null) {
    this.m("setVerticalAlignment", this.size);
    return this.self();
  }
  clearContent() {
    this.m("clearContent", this.size);
    const d = this.data;
    this.each((r, c) => d.setValue(r, c, ""));
    return this.self();
  }
  clearFormat() {
    this.m("clearFormat", this.size);
    const d = this.data;
    this.each((r, c) => {
      d.setFormat(r, c, "General");
      d.put(d.backgrounds, r, c, null);
      d.put(d.fontWeights, r, c, null);
      d.put(d.fontColors, r, c, null);
    });
    return this.self();
  }
  clear() {
    this.m("clear", this.size);
    const d = this.data;
    this.sheet.book.meter.quietly(() => {
      this.clearContent();
      this.clearFormat();
      this.each((r, c) => d.put(d.notes, r, c, null));
    });
    return this.self();
  }
  getA1Notation() {
    this.m("getA1Notation");
    return toA1(this.row, this.column, this.rows, this.columns);
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.columns;
  }
  getHeight() {
    return this.rows;
  }
  getWidth() {
    return this.columns;
  }
  getLastRow() {
    return this.row + this.rows - 1;
  }
  getLastColumn() {
    return this.column + this.columns - 1;
  }
  getSheet() {
    return this.sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    this.m("offset");
    return this.sheet.rangeAt(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.rows,
      numColumns ?? this.columns,
    );
  }
  activate() {
    this.m("activate");
    this.sheet.book.select(this);
    return this.self();
  }
  createTextFinder(findText: string) {
    this.m("createTextFinder");
    const scope = { row: this.row, column: this.column, rows: this.rows, columns: this.columns };
    return new FakeTextFinder(
      this.sheet,
      scope,
      findText,
    ) as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }
}
