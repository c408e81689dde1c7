// The emulated Spreadsheet service reproduces what breaks scripts on Google.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SimClock } from "../../../local/clock";
import { createSpreadsheetService } from "../../../local/emu/spreadsheet";
import { Meter } from "../../../local/meter";

const dir = mkdtempSync(join(tmpdir(), "desk-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function book(xlsxPath?: string) {
  const meter = new Meter();
  const clock = new SimClock(Date.parse("2026-03-02T01:00:00Z"));
  const handle = await createSpreadsheetService({
    meter,
    clock,
    getUi: () => ({}) as GoogleAppsScript.Base.Ui,
    xlsxPath,
  });
  return { meter, handle, ss: handle.spreadsheet };
}

describe("emulated spreadsheet", () => {
  it("throws on a setValues size mismatch, as Apps Script does", async () => {
    const { ss } = await book();
    const sheet = ss.getSheets()[0];
    expect(() => sheet?.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet?.getRange(1, 1, 1, 2).setValues([[1]])).toThrow(/number of columns in the data/);
  });

  it("refuses ranges outside the sheet", async () => {
    const { ss } = await book();
    const sheet = ss.getSheets()[0];
    expect(() => sheet?.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet?.getRange(0, 1)).toThrow(/too small/);
  });

  it("parses script-written strings unless the cells are plain text, returns Dates and ''", async () => {
    const { ss } = await book();
    const sheet = ss.insertSheet("T");
    sheet.getRange("B1:B3").setNumberFormat("@");
    sheet.getRange(1, 1, 3, 2).setValues([
      ["00123", "00123"],
      ["=HYPERLINK(1)", "=HYPERLINK(1)"],
      ["2026-3-5", "2026-3-5"],
    ]);
    const values = sheet.getRange(1, 1, 4, 2).getValues();
    expect(values[0]).toEqual([123, "00123"]);
    expect(values[1]).toEqual(["#ERROR!", "=HYPERLINK(1)"]);
    expect(values[2]?.[0]).toBeInstanceOf(Date);
    expect(values[2]?.[1]).toBe("2026-3-5");
    expect(values[3]).toEqual(["", ""]);
    expect(sheet.getRange("A2").getFormula()).toBe("=HYPERLINK(1)");
    expect(sheet.getLastRow()).toBe(3);
  });

  it("counts one call for a whole-range read, whatever its size", async () => {
    const { ss, meter } = await book();
    const sheet = ss.getSheets()[0];
    meter.reset();
    sheet?.getRange(1, 1, 1000, 26).getValues();
    expect(meter.snapshot()).toEqual({
      "SpreadsheetApp.Range.getValues": 1,
      "SpreadsheetApp.Sheet.getRange": 1,
    });
  });

  it("rejects a typed value outside a strict dropdown and keeps the cell", async () => {
    const { ss, handle } = await book();
    const sheet = ss.getSheets()[0];
    const rule = SpreadsheetApp_newList(["新登记", "已解决"], false);
    sheet?.getRange("A1:A10").setDataValidation(rule(handle));
    expect(handle.userEdit("Sheet1", "A1", "已解决").accepted).toBe(true);
    const refused = handle.userEdit("Sheet1", "A1", "搞定");
    expect(refused.accepted).toBe(false);
    expect(sheet?.getRange("A1").getValue()).toBe("已解决");
  });

  it("round-trips values, formats, dropdowns, frozen rows and highlighting through .xlsx", async () => {
    const { ss, handle } = await book();
    const sheet = ss.insertSheet("投诉");
    sheet.setFrozenRows(1);
    sheet.getRange("A2:A100").setNumberFormat("@");
    sheet.getRange("B2:B100").setNumberFormat("yyyy-mm-dd hh:mm");
    sheet.getRange(1, 1, 2, 3).setValues([
      ["编号", "受理时间", "状态"],
      ["00123", new Date("2026-03-02T01:30:00Z"), "新登记"],
    ]);
    sheet.getRange("C2:C100").setDataValidation(SpreadsheetApp_newList(["新登记", "已解决"], false)(handle));
    const rule = handle.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2="已超时"')
      .setBackground("#f4cccc")
      .setRanges([sheet.getRange("A2:C100")])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const file = join(dir, "book.xlsx");
    await handle.saveXlsx(file);

    const again = await book(file);
    const loaded = again.ss.getSheetByName("投诉");
    if (!loaded) throw new Error("sheet lost");
    expect(loaded.getFrozenRows()).toBe(1);
    expect(loaded.getRange(1, 1, 2, 3).getValues()).toEqual([
      ["编号", "受理时间", "状态"],
      ["00123", new Date("2026-03-02T01:30:00Z"), "新登记"],
    ]);
    expect(loaded.getRange("B2").getDisplayValue()).toBe("2026-03-02 09:30");
    expect(loaded.getRange("A50").getNumberFormat()).toBe("@");
    expect(loaded.getRange("C50").getDataValidation()?.getCriteriaValues()[0]).toEqual(["新登记", "已解决"]);
    expect(again.handle.userEdit("投诉", "C3", "搞定").accepted).toBe(false);
    const cf = loaded.getConditionalFormatRules()[0];
    expect(cf?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$C2="已超时"']);
    expect(cf?.getBooleanCondition()?.getBackground()).toBe("#f4cccc");
  });
});

function SpreadsheetApp_newList(values: string[], allowInvalid: boolean) {
  return (handle: Awaited<ReturnType<typeof book>>["handle"]) =>
    handle.app.newDataValidation().requireValueInList(values, true).setAllowInvalid(allowInvalid).build();
}
