// The Record call-back dialog in Chromium: find the call-back, see the unit's history,
// record an unsatisfied owner, and see the complaint reopened.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { form, staffedOffice, submit } from "../integration/harness";
import { launch, openDialog } from "./chromium";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Record call-back dialog in Chromium", () => {
  it("records an unsatisfied owner, refuses a second recording, and reopens the complaint", async () => {
    const rt = await staffedOffice();
    const saved = submit(
      rt,
      form({ category: "噪音扰民", severity: "normal", content: "<b>广场舞</b>太吵" }),
    );
    if (!saved.ok) throw new Error(saved.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);
    rt.advanceBy(3_600_000);

    const page = await openDialog(browser, rt, "showCallbackDialog");

    await page.fill("#query", "3栋2单元1201");
    await page.click("#find");
    await page.waitForSelector('#card:has-text("HF-2026-000001")');
    expect(await page.textContent("#history")).toContain(saved.id);
    expect(await page.textContent("#history")).toContain("<b>广场舞</b>太吵");

    await page.selectOption("#method", "phone");
    await page.click("#submit");
    expect(await page.textContent("#err-satisfaction")).toBe("请填写满意度。");

    await page.selectOption("#satisfaction", "dissatisfied");
    await page.fill("#remarks", "早上六点还是很吵");
    await page.click("#submit");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toContain(`投诉 ${saved.id} 已重新打开`);
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("重新打开");
    expect(readSheet(rt, "callbacks").rows[0]?.["业主意见"]).toBe("早上六点还是很吵");

    await page.selectOption("#method", "visit");
    await page.selectOption("#satisfaction", "satisfied");
    await page.click("#submit");
    await page.waitForSelector("#status.bad");
    expect(await page.textContent("#err-id")).toContain("不重复记录");
    await page.close();
  });
});
