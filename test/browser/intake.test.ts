// The intake dialog in a real browser (Debian's Chromium), its google.script.run calls
// bridged to the built bundle on the local runtime.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../local/emu/runtime";
import { complaints, staffedOffice } from "../integration/harness";
import { launch, openDialog } from "./chromium";

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const openIntake = (rt: Runtime) => openDialog(browser, rt, "showIntakeDialog");

describe("intake dialog in Chromium", () => {
  it("shows what is missing beside each field and saves nothing", async () => {
    const rt = await staffedOffice();
    const page = await openIntake(rt);
    await page.click("#submit");
    expect(await page.textContent("#err-unit")).toBe("请填写房号。");
    expect(await page.textContent("#err-content")).toBe("请填写投诉内容。");
    expect(await page.getAttribute("#unit", "class")).toContain("invalid");
    expect(complaints(rt)).toHaveLength(0);
    await page.close();
  });

  it("saves a filled form once, even when submit is double-clicked, and shows the new ID", async () => {
    const rt = await staffedOffice();
    const page = await openIntake(rt);
    await page.fill("#unit", "3栋2单元1201");
    await page.fill("#owner", "王先生");
    await page.fill("#contact", "13812345678");
    await page.selectOption("#category", "漏水");
    await page.selectOption("#severity", "urgent");
    await page.fill("#content", '<img src=x onerror="window.__pwned=1">卫生间漏水');
    await page.dblclick("#submit");
    await page.waitForSelector("#status.ok");
    const status = await page.textContent("#status");
    expect(status).toContain("TS-2026-000001");
    expect(
      await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    const rows = complaints(rt);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.["房号"]).toBe("3栋2单元1201");
    expect(rows[0]?.["投诉内容"]).toBe('<img src=x onerror="window.__pwned=1">卫生间漏水');
    await page.close();
  });

  it("refuses a received time in the future", async () => {
    const rt = await staffedOffice();
    const page = await openIntake(rt);
    await page.fill("#unit", "3栋2单元1201");
    await page.selectOption("#category", "噪音扰民");
    await page.selectOption("#severity", "normal");
    await page.fill("#content", "广场舞噪音");
    await page.fill("#receivedAt", "2026-03-09T10:00");
    await page.click("#submit");
    expect(await page.textContent("#err-receivedAt")).toContain("晚于当前时间");
    expect(complaints(rt)).toHaveLength(0);
    await page.close();
  });
});
