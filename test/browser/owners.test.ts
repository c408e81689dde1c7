// The Import owners dialog in Chromium: an .xlsx chosen from disk is read in the browser,
// previewed with its refused rows, then imported.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "../../sim/workbook";
import { staffedOffice } from "../integration/harness";
import { launch, openDialog } from "./chromium";

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), "desk-owners-"));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Import owners dialog in Chromium", () => {
  it("reads an .xlsx in the browser, shows refused rows, and imports the rest", async () => {
    const file = join(dir, "owners.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.addRows([
      ["房号", "业主/住户", "联系电话", "服务需求备注"],
      ["3栋2单元1201", "王先生", "0571 8877 6655", '老人独居, "优先"上门'],
      ["3-2-1201", "王先生", "", ""],
      ["5栋1单元0502", "李女士", "+86 139 0000 1111", "<img src=x onerror=alert(1)>"],
    ]);
    await wb.xlsx.writeFile(file);

    const rt = await staffedOffice();
    const page = await openDialog(browser, rt, "showOwnerImport");

    await page.setInputFiles("#file", file);
    await page.waitForFunction(`document.querySelector("#text").value.includes("5栋1单元0502")`);
    await page.click("#preview");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toBe(
      "新增 2 户，更新 0 户，0 户无变化，拒绝 1 行。档案中的已有记录不会被删除。",
    );
    expect(await page.textContent("tr.refused")).toContain("第 3 行：房号 3-2-1201 与第 2 行重复");
    expect(readSheet(rt, "owners").rows).toHaveLength(0);

    await page.click("#import");
    await page.waitForSelector('#status:has-text("已导入")');
    // After the import only the refused line is listed.
    expect(await page.$$eval("#rows tr.refused", (rows) => rows.length)).toBe(1);
    const owners = readSheet(rt, "owners").rows;
    expect(owners.map((o) => [o["房号"], o["联系电话"], o["服务需求备注"]])).toEqual([
      ["3栋2单元1201", "0571 8877 6655", '老人独居, "优先"上门'],
      ["5栋1单元0502", "+86 139 0000 1111", "<img src=x onerror=alert(1)>"],
    ]);
    await page.close();
  });
});
