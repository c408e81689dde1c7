// The Log service dialog in Chromium: the required fields marked before any call, then a
// housekeeping service saved once as a call-back, and a time in the future refused.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "../../sim/workbook";
import { staffedOffice } from "../integration/harness";
import { launch, openDialog } from "./chromium";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Log service dialog in Chromium", () => {
  it("marks the missing unit and work, then saves the service as a call-back", async () => {
    const rt = await staffedOffice();
    const page = await openDialog(browser, rt, "showServiceDialog");
    await page.click("#submit");
    expect(await page.textContent("#err-unit")).toBe("必填");
    expect(await page.textContent("#err-content")).toBe("必填");
    expect(await page.getAttribute("#content", "class")).toContain("invalid");
    expect(readSheet(rt, "callbacks").rows).toHaveLength(0);

    await page.selectOption("#source", "housekeeping");
    await page.fill("#unit", "5栋1单元0502");
    await page.fill("#content", "<b>深度保洁</b>");
    await page.fill("#doneAt", "2026-03-02T08:30");
    await page.selectOption("#department", "环境");
    await page.dblclick("#submit");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toContain("已登记为 HF-2026-000001");
    expect(await page.textContent("#err-unit")).toBe("");
    const rows = readSheet(rt, "callbacks").rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 房号: "5栋1单元0502", 服务内容: "<b>深度保洁</b>", 责任部门: "环境" });
    await page.close();
  });

  it("refuses a time done in the future beside the field", async () => {
    const rt = await staffedOffice();
    const page = await openDialog(browser, rt, "showServiceDialog");
    await page.fill("#unit", "5栋1单元0502");
    await page.fill("#content", "换灯泡");
    await page.fill("#doneAt", "2026-03-09T10:00");
    await page.click("#submit");
    await page.waitForSelector("#status.bad");
    expect(await page.textContent("#err-doneAt")).toContain("晚于当前时间");
    expect(readSheet(rt, "callbacks").rows).toHaveLength(0);
    await page.close();
  });
});
