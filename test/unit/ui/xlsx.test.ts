// The Import owners dialog reads an .xlsx in the browser: the zip's files, cell columns, and the
// list handed to the server as tab-separated text. (The XML part runs in Chromium: test/browser/owners.)
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { asTsv, columnIndex, unzip } from "../../../src/ui/xlsx";

describe("xlsx reading in the dialog", () => {
  it("finds a workbook's compressed files and reads them as text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名单").addRows([
      ["房号", "业主/住户"],
      ["3栋2单元1201", "王先生"],
    ]);
    // As the browser's File.arrayBuffer() gives it: an ArrayBuffer of the file alone.
    const file = unzip(new Uint8Array(await wb.xlsx.writeBuffer()).slice().buffer);
    const sheet = await file("xl/worksheets/sheet1.xml");
    expect(sheet).toContain("<sheetData>");
    expect(await file("xl/sharedStrings.xml")).toContain("3栋2单元1201");
    expect(await file("xl/no-such-file.xml")).toBeNull();
  });

  it("refuses a file that is not a zip", () => {
    expect(() => unzip(new TextEncoder().encode("房号\t业主\n3栋2单元1201\t王先生").buffer)).toThrow(
      "not an .xlsx file",
    );
  });

  it("reads a cell reference's column", () => {
    expect([columnIndex("A7"), columnIndex("Z1"), columnIndex("AA12"), columnIndex("AB3")]).toEqual([
      0, 25, 26, 27,
    ]);
    expect(columnIndex("")).toBe(-1);
  });

  it("hands the rows on as tab-separated text, quoting what would split a cell", () => {
    expect(
      asTsv([
        ["3栋2单元1201", '老人独居, "优先"上门'],
        ["a\tb", "line\nbreak"],
      ]),
    ).toBe('3栋2单元1201\t"老人独居, ""优先""上门"\n"a\tb"\t"line\nbreak"');
  });
});
