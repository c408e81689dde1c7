// The Record call-back dialog in Chromium: find the call-back, see the unit's history,
// record an unsatisfied owner, and see the complaint reopened.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
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

  it("says a saved call-back was saved, with a warning, when the alert email cannot go out", async () => {
    // Two recipients a day: the alert to the handler, the head and the manager is refused.
    const rt = await staffedOffice({ quotas: { emailRecipientsPerDay: 2 } });
    const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!saved.ok) throw new Error(saved.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);

    const page = await openDialog(browser, rt, "showCallbackDialog");
    await page.selectOption("#method", "phone");
    await page.selectOption("#satisfaction", "dissatisfied");
    await page.click("#submit");
    await page.waitForSelector("#status.warn");
    const status = (await page.textContent("#status")) ?? "";
    expect(status).toContain(`投诉 ${saved.id} 已重新打开`);
    expect(status).toContain("回访已保存，但发给");
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("重新打开");
    await page.close();
  });

  it("lets the manager close a complaint whose owner answered neutral, with a reason", async () => {
    const rt = await staffedOffice();
    const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!saved.ok) throw new Error(saved.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);
    rt.callFromDialog(
      "recordCallback",
      "HF-2026-000001",
      { method: "phone", satisfaction: "neutral" },
      "n-1",
    );
    rt.setUser(STAFF.manager);

    const page = await openDialog(browser, rt, "showCallbackDialog");
    await page.waitForSelector("#followUpHint", { state: "visible" });
    await page.click("#managerClose");
    expect(await page.textContent("#err-reason")).toBe("请填写不再回访即结案的理由。");
    await page.fill("#reason", "业主已搬离，无法再回访");
    await page.click("#managerClose");
    await page.waitForSelector("#status.ok");
    expect(await page.textContent("#status")).toContain(`投诉 ${saved.id} 已由经理结案`);
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("已关闭");
    await page.close();
  });
});
