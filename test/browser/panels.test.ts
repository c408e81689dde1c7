// The unit history sidebar, the health check and the identify dialog in Chromium: each draws
// itself from the server's answer and does its one thing.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { form, staffedOffice, submit } from "../integration/harness";
import { launch, openDialog } from "./chromium";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("sheet-side dialogs in Chromium", () => {
  it("shows a unit's history found by another spelling, owners' words as text", async () => {
    const rt = await staffedOffice();
    const saved = submit(rt, form({ unit: "3栋2单元1201", content: "<img src=x onerror=alert(1)>楼上漏水" }));
    if (!saved.ok) throw new Error(saved.message);
    const page = await openDialog(browser, rt, "showUnitHistory");
    await page.fill("#unit", "3-2-1201");
    await page.click("#find");
    await page.waitForSelector(`#lines:has-text("${saved.id}")`);
    expect(await page.textContent("#lines")).toContain("<img src=x onerror=alert(1)>楼上漏水");
    expect(await page.isVisible("#owner")).toBe(false);
    await page.fill("#unit", "9栋9单元9999");
    await page.click("#find");
    await page.waitForSelector('#lines:has-text("该房号暂无记录。")');
    await page.close();
  });

  it("lists a deleted sheet in the health check and repairs it", async () => {
    const rt = await staffedOffice();
    rt.sheets.userDeleteSheet("发送记录");
    const page = await openDialog(browser, rt, "showHealthCheck");
    expect(await page.textContent("#title")).toBe("健康检查");
    expect(await page.textContent("#problems")).toContain("缺少工作表“发送记录”。");
    await page.click("#repair");
    await page.waitForSelector('#done:has-text("已创建工作表“发送记录”。")');
    await page.waitForFunction(`!document.querySelector("#problems").textContent.includes("发送记录")`);
    expect(rt.sheets.spreadsheet.getSheetByName("发送记录")).not.toBeNull();
    await page.close();
  });

  it("confirms who is editing once, by the email Google gives the dialog", async () => {
    const rt = await staffedOffice();
    const page = await openDialog(browser, rt, "showIdentify");
    expect(await page.textContent("#text")).toContain(`您当前登录的账号是 ${STAFF.assistants[0]}`);
    await page.click("#confirm");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toBe(`已确认：您今后的录入将署名 ${STAFF.assistants[0]}。`);
    expect(await page.isVisible("#confirm")).toBe(false);
    await page.close();
  });
});
