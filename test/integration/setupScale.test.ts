// Set-up and the health check on a workbook years old: the dropdowns and formats of every
// row are still checked, in one read per column or block, never a call per cell, and the
// Log (written only by the desk) is not read row by row.
import { describe, expect, it } from "vitest";
import { fixture, officeWith } from "../../bench/office";
import type { Runtime } from "../../local/emu/runtime";

type Report = { problems: string[]; repairable: boolean };
const health = (rt: Runtime) => rt.callFromDialog("getHealthReport") as Report;

/** Calls and cells read by one set-up run on a workbook of `rows` complaints. */
async function setupCost(rows: number) {
  const rt = await officeWith(fixture(rows));
  rt.run("setupWorkbook");
  const run = rt.meter.executions.at(-1);
  return { rt, calls: run?.calls ?? 0, cellsRead: run?.cellsRead ?? 0 };
}

describe("set-up on a large workbook", () => {
  it("makes as many calls at 3,000 complaints as at 300, and reads the Log's first row only", async () => {
    const small = await setupCost(300);
    const large = await setupCost(3_000);
    // (At most a call per dropdown column more: a small sheet's dropdowns are read in one block.)
    expect(large.calls).toBeLessThanOrEqual(small.calls + 20);
    // Complaints, call-backs and owners are read cell by cell; the Log (4.5 rows a complaint,
    // 7 columns) is not: reading it would add 3,000 × 4.5 × 7 cells.
    const perComplaint = (large.cellsRead - small.cellsRead) / 2_700;
    expect(perComplaint).toBeLessThan(100);
  });

  it("repairs one cell in the middle of a column that lost its dropdown or its format", async () => {
    const { rt } = await setupCost(2_000);
    const sheet = () => rt.sheets.spreadsheet.getSheetByName("投诉");
    rt.meter.quietly(() => {
      sheet()?.getRange("M1000").clearDataValidations();
      sheet()?.getRange("E1200").setNumberFormat("0");
    });
    const lines = rt.callFromDialog("repairWorkbook") as string[];
    expect(lines.join("\n")).toMatch(/状态/);
    expect(lines.join("\n")).toMatch(/房号/);
    rt.meter.quietly(() => {
      expect(sheet()?.getRange("M1000").getDataValidation()).not.toBeNull();
      expect(sheet()?.getRange("E1200").getNumberFormat()).toBe("@");
    });
  });

  it("has the health check read the newest records and the empty rows, where problems come from", async () => {
    const { rt } = await setupCost(2_000);
    rt.meter.quietly(() => {
      const sheet = rt.sheets.spreadsheet.getSheetByName("投诉");
      const last = sheet?.getLastRow() ?? 2;
      sheet?.getRange(`M${last}`).clearDataValidations();
      sheet?.getRange(`E${last + 5}`).setNumberFormat("0");
    });
    const problems = health(rt).problems.join("\n");
    expect(problems).toContain("列“状态”的下拉列表缺失或已过期");
    expect(problems).toContain("列“房号”不是纯文本格式");
  });

  it("has the health check read no more at 4,000 complaints than at 1,500", async () => {
    const cellsRead = async (rows: number) => {
      const { rt } = await setupCost(rows);
      health(rt);
      return rt.meter.executions.at(-1)?.cellsRead ?? 0;
    };
    const small = await cellsRead(1_500);
    expect(await cellsRead(4_000)).toBeLessThan(small * 1.2);
  });

  it("finds a Log column reformatted as a whole, and repairs it", async () => {
    const { rt } = await setupCost(300);
    rt.meter.quietly(() => {
      const log = rt.sheets.spreadsheet.getSheetByName("日志");
      log?.getRange(2, 1, log.getMaxRows() - 1, 1).setNumberFormat("@");
    });
    expect(health(rt).problems.join("\n")).toMatch(/日志.*时间/);
    rt.callFromDialog("repairWorkbook");
    expect(health(rt).repairable).toBe(false);
  });
});
