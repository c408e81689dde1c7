// The health check names each problem; its repair fixes what is safe to fix.
import { describe, expect, it } from "vitest";
import { newOffice, staffedOffice } from "./harness";

type Report = { ok: boolean; problems: string[]; info: string[]; repairable: boolean };
const health = (rt: Awaited<ReturnType<typeof newOffice>>) => rt.callFromDialog("getHealthReport") as Report;

describe("health check", () => {
  it("after set-up lists only what a person must do: emails and next year's holidays", async () => {
    const rt = await newOffice();
    const report = health(rt);
    expect(report.repairable).toBe(false);
    expect(report.problems).toContain("manager.email 没有有效的邮箱，无法发送提醒。");
    expect(report.problems.join("\n")).toContain("节假日表没有 2027 年的数据");
    expect(report.info.join("\n")).toContain("今日剩余邮件额度：100");
    expect(report.info.join("\n")).toContain("runReminders 尚未成功运行");
  });

  it("reports the last successful trigger run and the quota used", async () => {
    const rt = await staffedOffice();
    rt.advanceBy(2 * 3_600_000);
    const report = health(rt);
    expect(report.info.join("\n")).toMatch(/runReminders 上次成功运行：2026-03-02 1[01]:\d\d/);
    expect(report.problems.join("\n")).not.toContain("邮箱");
  });

  it("finds a deleted trigger, a lost dropdown and a renamed sheet, and repairs them", async () => {
    const rt = await staffedOffice();
    const ss = rt.sheets.spreadsheet;
    rt.meter.quietly(() => {
      const trigger = rt.triggers().find((t) => t.getHandlerFunction() === "runReminders");
      if (trigger) rt.scriptApp.deleteTrigger(trigger);
      ss.getSheetByName("投诉")?.getRange("M2:M50").clearDataValidations();
      ss.getSheetByName("投诉")?.getRange("E2:E50").setNumberFormat("0");
    });
    rt.sheets.userRenameSheet("部门", "部门（旧）");
    const report = health(rt);
    expect(report.repairable).toBe(true);
    const text = report.problems.join("\n");
    expect(text).toContain("缺少工作表“部门”");
    rt.sheets.userRenameSheet("部门（旧）", "部门");
    const again = health(rt).problems.join("\n");
    expect(again).toContain("未安装触发器 runReminders");
    expect(again).toContain("列“状态”的下拉列表缺失或已过期");
    expect(again).toContain("列“房号”不是纯文本格式");
    rt.callFromDialog("repairWorkbook");
    const after = health(rt);
    expect(after.repairable).toBe(false);
    expect(rt.triggers().filter((t) => t.getHandlerFunction() === "runReminders")).toHaveLength(1);
  });
});
