// What people do to a sheet (sort, insert and delete rows and columns) moves everything a
// cell carries, as Sheets does; and TextFinder finds a record's row, metered by cells searched.
import { describe, expect, it } from "vitest";
import { SimClock } from "../../../local/clock";
import { createSpreadsheetService } from "../../../local/emu/spreadsheet";
import { Meter } from "../../../local/meter";

class SpyMeter extends Meter {
  readonly calls: [string, number][] = [];
  override record(service: string, member: string, cells = 0): void {
    this.calls.push([`${service}.${member}`, cells]);
    super.record(service, member, cells);
  }
}

async function book() {
  const meter = new SpyMeter();
  const handle = await createSpreadsheetService({
    meter,
    clock: new SimClock(Date.parse("2026-03-02T01:00:00Z")),
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
  });
  const ss = handle.spreadsheet;
  const sheet = ss.getSheets()[0];
  if (!sheet) throw new Error("no sheet");
  sheet.getRange(1, 1, 5, 3).setValues([
    ["编号", "状态", "地点"],
    ["TS-2026-000003", "处理中", "3栋"],
    ["TS-2026-000001", "已解决", "1栋"],
    ["", "", ""],
    ["TS-2026-000002", "新登记", "2栋"],
  ]);
  sheet.setFrozenRows(1);
  meter.calls.length = 0;
  return { meter, handle, sheet };
}

describe("a person's changes to a sheet", () => {
  it("sorts the rows below the header whole, blanks last, notes and formats travelling along", async () => {
    const { handle, sheet } = await book();
    sheet.getRange("B3").setNote("closed by 王");
    sheet.getRange("C2").setNumberFormat("@");
    handle.userSort("Sheet1", 1);
    expect(sheet.getRange(1, 1, 5, 2).getValues()).toEqual([
      ["编号", "状态"],
      ["TS-2026-000001", "已解决"],
      ["TS-2026-000002", "新登记"],
      ["TS-2026-000003", "处理中"],
      ["", ""],
    ]);
    expect(sheet.getRange("B2").getNote()).toBe("closed by 王");
    expect(sheet.getRange("C4").getNumberFormat()).toBe("@");
    handle.userSort("Sheet1", 1, false);
    expect(sheet.getRange("A2:A5").getValues().flat()).toEqual([
      "TS-2026-000003",
      "TS-2026-000002",
      "TS-2026-000001",
      "",
    ]);
  });

  it("inserts and deletes rows and columns with notes, formats and validations shifting along", async () => {
    const { handle, sheet } = await book();
    const rule = handle.app.newDataValidation().requireValueInList(["处理中", "已解决"]).build();
    sheet.getRange("B2:B5").setDataValidation(rule);
    sheet.getRange("B2:B5").setNumberFormat("@");
    sheet.getRange("C2").setNote("楼栋");
    handle.userInsertColumns("Sheet1", 2, 1);
    // The new column takes the format and validation of the column to its left (A: none).
    expect(sheet.getRange("B2").getDataValidation()).toBeNull();
    expect(sheet.getRange("C2").getDataValidation()).toBe(rule);
    expect(sheet.getRange("C3").getNumberFormat()).toBe("@");
    expect(sheet.getRange("D2").getNote()).toBe("楼栋");
    handle.userInsertColumns("Sheet1", 4, 1);
    expect(sheet.getRange("D2").getDataValidation()).toBe(rule);
    expect(sheet.getRange("D2").getNumberFormat()).toBe("@");

    handle.userDeleteRows("Sheet1", 2, 1);
    expect(sheet.getRange("A2").getValue()).toBe("TS-2026-000001");
    expect(sheet.getRange("E2").getNote()).toBe("");
    handle.userInsertRows("Sheet1", 2, 2);
    expect(sheet.getRange("A4").getValue()).toBe("TS-2026-000001");
    // New rows take the row above (the header): no dropdown; the moved record keeps its own.
    expect(sheet.getRange("C2").getDataValidation()).toBeNull();
    expect(sheet.getRange("C4").getDataValidation()).toBe(rule);
    expect(sheet.getMaxRows()).toBe(1001);
    handle.userDeleteColumns("Sheet1", 2, 2);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([["编号", "", "地点"]]);
    expect(() => handle.userDeleteRows("Sheet1", 1, 1001)).toThrow(
      "You can't delete all the rows on the sheet.",
    );
  });
});

describe("TextFinder", () => {
  it("finds a record's row by its ID in a column, counting the cells it searched", async () => {
    const { meter, sheet } = await book();
    const finder = sheet.getRange("A2:A5").createTextFinder("ts-2026-000002").matchEntireCell(true);
    const hit = finder.findNext();
    expect(hit?.getRow()).toBe(5);
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe("A5");
    expect(finder.findNext()).toBeNull();
    expect(meter.calls).toEqual([
      ["SpreadsheetApp.Sheet.getRange", 0],
      ["SpreadsheetApp.Range.createTextFinder", 0],
      ["SpreadsheetApp.TextFinder.findNext", 4],
      ["SpreadsheetApp.Range.getA1Notation", 0],
      ["SpreadsheetApp.TextFinder.findNext", 0],
    ]);
  });

  it("matches part of a cell, case-insensitively, unless told otherwise", async () => {
    const { meter, sheet } = await book();
    const rows = (finder: GoogleAppsScript.Spreadsheet.TextFinder) =>
      finder.findAll().map((r) => r.getA1Notation());
    expect(rows(sheet.createTextFinder("ts-2026"))).toEqual(["A2", "A3", "A5"]);
    expect(rows(sheet.createTextFinder("ts-2026").matchCase(true))).toEqual([]);
    expect(rows(sheet.createTextFinder("TS-2026-00000").matchEntireCell(true))).toEqual([]);
    expect(rows(sheet.createTextFinder("栋"))).toEqual(["C2", "C3", "C5"]);
    expect(rows(sheet.createTextFinder("^TS-\\d{4}-0+1$").useRegularExpression(true))).toEqual(["A3"]);
    // A sheet-wide search reads every cell of the data range (5 rows × 3 columns).
    expect(meter.calls.filter(([k]) => k === "SpreadsheetApp.TextFinder.findAll").map(([, n]) => n)).toEqual([
      15, 15, 15, 15, 15,
    ]);
  });

  it("walks matches forwards and backwards", async () => {
    const { sheet } = await book();
    const finder = sheet.createTextFinder("TS-");
    expect(
      [finder.findNext(), finder.findNext(), finder.findNext(), finder.findNext()].map(
        (r) => r?.getRow() ?? null,
      ),
    ).toEqual([2, 3, 5, null]);
    expect(finder.findPrevious()?.getRow()).toBe(3);
    expect(finder.startFrom(sheet.getRange("A3")).findNext()?.getRow()).toBe(5);
  });
});
