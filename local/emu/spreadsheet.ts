// The emulated Spreadsheet and SpreadsheetApp, and what a person does in the workbook:
// typing (parsed, validated), selecting, renaming and deleting sheets.

import { randomUUID } from "node:crypto";
import type { SimClock } from "../clock";
import type { Meter } from "../meter";
import { parseA1 } from "./a1";
import type { GridCells, SpreadsheetHandle, Toast, UserEditResult } from "./contract";
import { type Api, emulated, guard, guardEnum, guardObject, notEmulated } from "./guard";
import { metered } from "./host";
import type { FakeRange } from "./range";
import {
  BooleanCriteria,
  DataValidationCriteria,
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
} from "./rules";
import { type Book, CELL_LIMIT, cellLimitMessage, FakeSheet } from "./sheet";
import { displayValue } from "./sheetData";
import { type CellValue, parseTyped } from "./typing";
import { loadXlsx, saveXlsx } from "./xlsx";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;
type SheetOptions = { template?: GoogleAppsScript.Spreadsheet.Sheet };

export interface SpreadsheetOptions {
  meter: Meter;
  clock: SimClock;
  getUi(): GoogleAppsScript.Base.Ui;
  name?: string;
  timeZone?: string;
  locale?: string;
  xlsxPath?: string;
}

export const SPREADSHEET_APP = emulated<GoogleAppsScript.Spreadsheet.SpreadsheetApp>()(
  "SpreadsheetApp",
  "SpreadsheetApp",
  "Spreadsheet.SpreadsheetApp",
  [
    "getActiveSpreadsheet",
    "getActive",
    "getActiveSheet",
    "getActiveRange",
    "getUi",
    "flush",
    "newDataValidation",
    "newConditionalFormatRule",
  ],
  ["DataValidationCriteria", "BooleanCriteria", "WrapStrategy"],
);

export const SPREADSHEET = emulated<GasSpreadsheet>()(
  "SpreadsheetApp",
  "Spreadsheet",
  "Spreadsheet.Spreadsheet",
  [
    "getId",
    "getName",
    "getUrl",
    "getSheets",
    "getNumSheets",
    "getSheetByName",
    "insertSheet",
    "deleteSheet",
    "getSpreadsheetTimeZone",
    "setSpreadsheetTimeZone",
    "getSpreadsheetLocale",
    "toast",
    "getActiveSheet",
    "setActiveSheet",
    "getActiveRange",
    "getRange",
    "getOwner",
  ],
);

export class FakeSpreadsheet implements Api<typeof SPREADSHEET> {
  sheets: FakeSheet[] = [];
  id = randomUUID().replace(/-/g, "");
  active: FakeRange | null = null;
  readonly toasts: Toast[] = [];
  readonly book: Book;

  constructor(
    readonly meter: Meter,
    readonly clock: SimClock,
    public name: string,
    public timeZone: string,
    public locale: string,
  ) {
    const self = guardObject(SPREADSHEET.name, this);
    this.book = {
      meter,
      clock,
      timeZone: () => this.timeZone,
      spreadsheet: () => self as unknown as GasSpreadsheet,
      touched: new Set<string>(),
      select: (range) => {
        this.active = range;
      },
      sheetByName: (n) => this.sheets.find((s) => s.name === n) ?? null,
      remove: (sheet) => {
        this.sheets = this.sheets.filter((s) => s !== sheet);
        sheet.deleted = true;
      },
      nameTaken: (n, except) =>
        this.sheets.some((s) => s !== except && s.name.toLowerCase() === n.toLowerCase()),
      ensureRoom: (cells) => {
        if (cells > 0 && this.gridCells() + cells > CELL_LIMIT) throw new Error(cellLimitMessage);
      },
    };
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return self;
  }

  /** Every sheet's max rows × max columns: what Google counts against the 10 million cells. */
  gridCells(): number {
    return this.sheets.reduce((n, s) => n + s.gridCells, 0);
  }

  private m(member: string) {
    this.meter.record("SpreadsheetApp", `Spreadsheet.${member}`);
  }

  addSheet(name: string, index?: number): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this.book, name);
    this.book.ensureRoom(sheet.gridCells);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  getId() {
    this.m("getId");
    return this.id;
  }
  getName() {
    this.m("getName");
    return this.name;
  }
  getUrl() {
    this.m("getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets() {
    this.m("getSheets");
    return [...this.sheets] as unknown as GoogleAppsScript.Spreadsheet.Sheet[];
  }
  getNumSheets() {
    this.m("getNumSheets");
    return this.sheets.length;
  }
  getSheetByName(name: string) {
    this.m("getSheetByName");
    return (this.sheets.find((s) => s.name === name) ??
      null) as unknown as GoogleAppsScript.Spreadsheet.Sheet | null;
  }
  insertSheet(nameOrIndex?: string | number | SheetOptions, ...rest: (number | SheetOptions)[]) {
    this.m("insertSheet");
    if ([nameOrIndex, ...rest].some((a) => typeof a === "object" && a?.template !== undefined))
      throw new Error(notEmulated("Spreadsheet", "insertSheet with a template"));
    let name = typeof nameOrIndex === "string" ? nameOrIndex : "";
    const index = typeof nameOrIndex === "number" ? nameOrIndex : rest.find((a) => typeof a === "number");
    for (let n = this.sheets.length + 1; !name; n++)
      if (!this.book.sheetByName(`Sheet${n}`)) name = `Sheet${n}`;
    const sheet = this.addSheet(name, index);
    this.active = sheet.rangeAt(1, 1) as unknown as FakeRange;
    return sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this.m("deleteSheet");
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    this.book.remove(sheet as unknown as FakeSheet);
  }
  getSpreadsheetTimeZone() {
    this.m("getSpreadsheetTimeZone");
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this.m("setSpreadsheetTimeZone");
    this.timeZone = timeZone;
  }
  getSpreadsheetLocale() {
    this.m("getSpreadsheetLocale");
    return this.locale;
  }
  toast(msg: string, title?: string, _timeoutSeconds?: number | null) {
    this.m("toast");
    this.toasts.push({ message: String(msg), title: title ?? "", at: this.clock.now() });
  }
  getActiveSheet() {
    this.m("getActiveSheet");
    return (this.active?.sheet ?? this.sheets[0]) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    this.m("setActiveSheet");
    this.active = (sheet as unknown as FakeSheet).rangeAt(1, 1) as unknown as FakeRange;
    return sheet;
  }
  getActiveRange() {
    this.m("getActiveRange");
    return this.active as unknown as GasRange | null;
  }
  getRange(a1: string) {
    this.m("getRange");
    const p = parseA1(a1);
    const sheet = p.sheet ? this.book.sheetByName(p.sheet) : (this.active?.sheet ?? this.sheets[0]);
    if (!sheet) throw new Error("Range not found");
    return sheet.rangeA1(a1.slice(a1.lastIndexOf("!") + 1));
  }
  getOwner() {
    return null;
  }
}

function appFor(ss: FakeSpreadsheet, meter: Meter, getUi: () => GoogleAppsScript.Base.Ui) {
  const m = (member: string) => meter.record("SpreadsheetApp", `SpreadsheetApp.${member}`);
  const call = metered(m);
  const spreadsheet = ss as unknown as GasSpreadsheet;
  const api = {
    getActiveSpreadsheet: () => call("getActiveSpreadsheet", () => spreadsheet),
    getActive: () => call("getActive", () => spreadsheet),
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    // @types says never null here; Apps Script's selection can still be empty.
    getActiveRange: () => spreadsheet.getActiveRange() as GasRange,
    getUi: () => call("getUi", () => getUi()),
    flush: () => m("flush"),
    newDataValidation: () =>
      call(
        "newDataValidation",
        () =>
          new FakeDataValidationBuilder() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      ),
    newConditionalFormatRule: () =>
      call(
        "newConditionalFormatRule",
        () =>
          new FakeConditionalFormatRuleBuilder() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      ),
  } satisfies Api<typeof SPREADSHEET_APP>;
  return guard(SPREADSHEET_APP, {
    ...api,
    DataValidationCriteria,
    BooleanCriteria,
    WrapStrategy: guardEnum("SpreadsheetApp.WrapStrategy", {
      WRAP: "WRAP",
      OVERFLOW: "OVERFLOW",
      CLIP: "CLIP",
    }),
  });
}

export async function createSpreadsheetService(options: SpreadsheetOptions): Promise<SpreadsheetHandle> {
  const { meter, clock } = options;
  const ss = new FakeSpreadsheet(
    meter,
    clock,
    options.name ?? "物业客服中心",
    options.timeZone ?? "Asia/Shanghai",
    options.locale ?? "zh_CN",
  );
  if (options.xlsxPath) await loadXlsx(ss, options.xlsxPath);
  else ss.addSheet("Sheet1");

  const sheetOf = (name: string) => {
    const sheet = ss.book.sheetByName(name);
    if (!sheet) throw new Error(`No sheet named "${name}"`);
    return sheet;
  };
  const lookup = (range: GasRange) =>
    meter.quietly(() =>
      range
        .getDisplayValues()
        .flat()
        .filter((v) => v !== ""),
    );

  return {
    app: appFor(ss, meter, options.getUi),
    spreadsheet: ss as unknown as GasSpreadsheet,
    toasts: ss.toasts,
    touched: ss.book.touched,
    userEdit(sheetName: string, a1: string, input: string | unknown[][]): UserEditResult {
      return meter.quietly(() => {
        const sheet = sheetOf(sheetName);
        // Read once: the sheet and the spreadsheet are guarded proxies, a trap per cell adds up.
        const d = sheet.data;
        const zone = ss.timeZone;
        const grid = typeof input === "string" ? [[input]] : input;
        const p = parseA1(a1);
        const rows = grid.length;
        const columns = Math.max(...grid.map((r) => r.length));
        // A paste that runs past the sheet's edge grows it, as Sheets does.
        if (p.row + rows - 1 > d.maxRows) sheet.growRows(d.maxRows, p.row + rows - 1 - d.maxRows);
        if (p.column + columns - 1 > d.maxColumns)
          sheet.growColumns(d.maxColumns, p.column + columns - 1 - d.maxColumns);
        const range = sheet.rangeAt(p.row, p.column, rows, columns);
        const parsed: { value: CellValue; formula?: string }[][] = grid.map((row, i) =>
          Array.from({ length: columns }, (_, j) => {
            const v = row[j] ?? "";
            const format = d.format(p.row - 1 + i, p.column - 1 + j);
            return typeof v === "string"
              ? parseTyped(v, format, zone, clock.now())
              : { value: v as CellValue };
          }),
        );
        for (let i = 0; i < rows; i++)
          for (let j = 0; j < columns; j++) {
            const r = p.row - 1 + i;
            const c = p.column - 1 + j;
            const rule = d.get(d.validations, r, c);
            const cell = parsed[i]?.[j];
            if (!rule || rule.allowInvalid || !cell) continue;
            if (!rule.accepts(displayValue(cell.value, d.format(r, c), zone), lookup))
              return {
                accepted: false,
                rejection: "There was a problem\nInput must be an item on the specified list.",
                range,
              };
          }
        const single = rows === 1 && columns === 1;
        const before = single
          ? displayValue(d.value(p.row - 1, p.column - 1), d.format(p.row - 1, p.column - 1), zone)
          : "";
        parsed.forEach((row, i) =>
          row.forEach((cell, j) => d.setValue(p.row - 1 + i, p.column - 1 + j, cell.value, cell.formula)),
        );
        ss.active = range as unknown as FakeRange;
        if (!single) return { accepted: true, range };
        const after = displayValue(d.value(p.row - 1, p.column - 1), d.format(p.row - 1, p.column - 1), zone);
        return { accepted: true, range, value: after, oldValue: before === "" ? undefined : before };
      });
    },
    select(sheetName: string, a1: string) {
      ss.active = sheetOf(sheetName).rangeA1(a1) as unknown as FakeRange;
    },
    userDeleteSheet(sheetName: string) {
      const sheet = sheetOf(sheetName);
      if (ss.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
      ss.book.remove(sheet);
    },
    userRenameSheet(from: string, to: string) {
      const sheet = sheetOf(from);
      if (ss.book.nameTaken(to, sheet)) throw new Error(`A sheet with the name "${to}" already exists.`);
      sheet.name = to;
    },
    userSort(sheetName: string, column: number, ascending = true) {
      const { data } = sheetOf(sheetName);
      if (column < 1 || column > data.maxColumns) throw new Error(`No column ${column} in "${sheetName}"`);
      const from = data.frozenRows;
      data.permuteRows(from, data.sortedOrder(from, data.lastRow(), column - 1, ascending));
    },
    userInsertRows(sheetName: string, row: number, count: number) {
      const sheet = sheetOf(sheetName);
      if (row < 1 || row > sheet.data.maxRows + 1) throw new Error("Those rows are out of bounds.");
      sheet.growRows(row - 1, count);
    },
    userDeleteRows: (sheetName: string, row: number, count: number) =>
      sheetOf(sheetName).removeRows(row, count),
    userInsertColumns(sheetName: string, column: number, count: number) {
      const sheet = sheetOf(sheetName);
      if (column < 1 || column > sheet.data.maxColumns + 1)
        throw new Error("Those columns are out of bounds.");
      sheet.growColumns(column - 1, count);
    },
    userDeleteColumns: (sheetName: string, column: number, count: number) =>
      sheetOf(sheetName).removeColumns(column, count),
    gridCells(): GridCells {
      const sheets = Object.fromEntries(ss.sheets.map((s) => [s.name, s.gridCells]));
      return { sheets, total: ss.gridCells(), limit: CELL_LIMIT };
    },
    saveXlsx: (path: string) => saveXlsx(ss, path),
  };
}
