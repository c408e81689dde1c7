// The health check names each problem; its repair fixes what is safe to fix.
import { describe, expect, it } from "vitest";
import { readSheet, setDepartment, setSetting } from "../../sim/workbook";
import { complaints, form, newOffice, staffedOffice, submit } from "./harness";

type Report = { ok: boolean; problems: string[]; info: string[]; repairable: boolean };
const health = (rt: Awaited<ReturnType<typeof newOffice>>) => rt.callFromDialog("getHealthReport") as Report;

describe("health check", () => {
  it("after set-up lists only what a person must do: emails and next year's holidays", async () => {
    const rt = await newOffice();
    const report = health(rt);
    expect(report.repairable).toBe(false);
    expect(report.problems).toContain(
      "设置“manager.email”：尚未填写，用途：管理处经理邮箱：接收日报和升级提醒。",
    );
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

  it("finds a deleted trigger, a lost dropdown and a lost format, and repairs them", async () => {
    const rt = await staffedOffice();
    const ss = rt.sheets.spreadsheet;
    rt.meter.quietly(() => {
      const trigger = rt.triggers().find((t) => t.getHandlerFunction() === "runReminders");
      if (trigger) rt.scriptApp.deleteTrigger(trigger);
      ss.getSheetByName("投诉")?.getRange("M2:M50").clearDataValidations();
      ss.getSheetByName("投诉")?.getRange("E2:E50").setNumberFormat("0");
    });
    const again = health(rt).problems.join("\n");
    expect(again).toContain("未安装触发器 runReminders");
    expect(again).toContain("列“状态”的下拉列表缺失或已过期");
    expect(again).toContain("列“房号”不是纯文本格式");
    rt.callFromDialog("repairWorkbook");
    const after = health(rt);
    expect(after.repairable).toBe(false);
    expect(rt.triggers().filter((t) => t.getHandlerFunction() === "runReminders")).toHaveLength(1);
  });

  it("refuses a time zone that is not a real zone ID, names it, and never copies it into the spreadsheet", async () => {
    const rt = await staffedOffice();
    for (const bad of ["Beijing", "UTC+8"]) {
      setSetting(rt, "office.timeZone", bad);
      const report = health(rt);
      expect(report.problems).toContain(
        `设置“office.timeZone”：“${bad}”不是有效的时区标识（应为 Asia/Shanghai 这样的名称，“Beijing”“UTC+8”等无法识别）；更正前系统继续使用 Asia/Shanghai。`,
      );
      rt.callFromDialog("repairWorkbook");
      expect(rt.meter.quietly(() => rt.sheets.spreadsheet.getSpreadsheetTimeZone())).toBe("Asia/Shanghai");
      // The desk keeps working in Shanghai time, not GMT: a time typed as 08:40 stays 08:40.
      const saved = submit(rt, form({ unit: `${bad}-1`, receivedAt: "2026-03-02 08:40" }));
      expect(saved.ok).toBe(true);
    }
    const received = readSheet(rt, "complaints", true).rows.map((r) => r["受理时间"]);
    expect(received).toEqual(["2026-03-02 08:40", "2026-03-02 08:40"]);
    expect(complaints(rt)).toHaveLength(2);
    expect(rt.failures).toEqual([]);
  });

  it("says a bad setting in English to an English office", async () => {
    const rt = await staffedOffice({ locale: "en_US" });
    setSetting(rt, "office.timeZone", "Beijing");
    setSetting(rt, "reminders.leadHours", "four");
    const problems = health(rt).problems;
    expect(problems).toContain(
      'Settings "office.timeZone": "Beijing" is not a time-zone ID such as Asia/Shanghai (names like "Beijing" or "UTC+8" are not understood); the desk keeps using Asia/Shanghai until it is corrected.',
    );
    expect(problems).toContain(
      'Settings "reminders.leadHours": "four" is not a number from 0 to 720; 4 is used meanwhile.',
    );
  });

  it("lists malformed email addresses in Settings and Departments", async () => {
    const rt = await staffedOffice();
    setSetting(rt, "manager.email", "wang.jun@greenwood-pm.example。");
    const [security] = readSheet(rt, "departments").rows;
    const name = String(Object.values(security ?? {})[0]);
    setDepartment(rt, name, "陈刚", "chen.gang@greenwood..example", [
      "security.desk@greenwood-pm.example",
      "保安室",
    ]);
    const text = health(rt).problems.join("\n");
    expect(text).toContain(
      "设置“manager.email”：“wang.jun@greenwood-pm.example。”中有全角字符（如 。，；＠ 或全角字母），请切换到英文输入法重新输入。",
    );
    expect(text).toContain(`部门 ${name} (陈刚)：“chen.gang@greenwood..example”中有连续的两个点`);
    expect(text).toContain(`部门 ${name}：“保安室”中有邮箱地址不能使用的字符`);
    expect(text).not.toContain("security.desk@greenwood-pm.example");
  });
});
