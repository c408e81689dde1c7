// Whose triggers run the desk: installable triggers belong to the account that made them and
// are invisible to every other, so only that account repairs them, and a change of
// digest.hour moves the digest trigger.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { setSetting } from "../../sim/workbook";
import { alertsSince, type newOffice, staffedOffice } from "./harness";

type Rt = Awaited<ReturnType<typeof newOffice>>;
type Report = { ok: boolean; problems: string[]; info: string[]; repairable: boolean };
const health = (rt: Rt) => rt.callFromDialog("getHealthReport") as Report;
const [OWNER, OTHER] = STAFF.assistants as [string, string];
const handlers = (rt: Rt) =>
  rt
    .triggers()
    .map((t) => t.getHandlerFunction())
    .sort();

describe("trigger ownership", () => {
  it("another editor's health check names whose triggers run the desk and installs no second set", async () => {
    const rt = await staffedOffice();
    rt.setUser(OTHER);
    const report = health(rt);
    expect(report.info).toContain(
      `系统的触发器以 ${OWNER} 的身份运行（安装于 2026-03-02 09:00），只有该账号能修复它们。`,
    );
    expect(report.problems.join("\n")).not.toContain("未安装触发器");
    expect(report.repairable).toBe(false);
    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    expect(alertsSince(rt, alerts).join("\n")).toContain("一切就绪，没有改动");
    expect(handlers(rt)).toEqual(["runDailyDigest", "runReminders"]);
    expect(rt.triggers()).toHaveLength(2);
  });

  it("removes a second editor's own copy of the triggers, keeping the owner's", async () => {
    const rt = await staffedOffice();
    rt.setUser(OTHER);
    rt.meter.quietly(() => rt.scriptApp.newTrigger("runReminders").timeBased().everyHours(1).create());
    const report = health(rt);
    expect(report.problems).toContain(
      `虽然系统由 ${OWNER} 的触发器运行，您也安装了一份 runReminders 触发器：修复时将删除您的这一份。`,
    );
    rt.callFromDialog("repairWorkbook");
    expect(handlers(rt)).toEqual(["runDailyDigest", "runReminders"]);
    rt.setUser(OWNER);
    expect(rt.meter.quietly(() => rt.scriptApp.getProjectTriggers())).toHaveLength(2);
  });

  it("lets another account take over when the owner's triggers have been silent for a day", async () => {
    const rt = await staffedOffice();
    rt.meter.quietly(() => {
      for (const t of rt.scriptApp.getProjectTriggers()) rt.scriptApp.deleteTrigger(t);
    });
    rt.setUser(OTHER);
    rt.advanceBy(26 * 3_600_000);
    const report = health(rt);
    expect(report.problems.join("\n")).toContain(`系统的触发器以 ${OWNER} 的身份运行，但 runReminders 自`);
    expect(report.repairable).toBe(true);
    const lines = rt.callFromDialog("repairWorkbook") as string[];
    expect(lines.join("\n")).toContain(`系统的触发器改为以 ${OTHER} 的身份运行`);
    expect(
      rt.meter.quietly(() => rt.scriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).sort(),
    ).toEqual(["runDailyDigest", "runReminders"]);
    rt.setUser(OWNER);
    expect(health(rt).info.join("\n")).toContain(`系统的触发器以 ${OTHER} 的身份运行`);
  });
});

describe("digest.hour", () => {
  it("a changed hour is named by the health check and the repair moves the digest trigger", async () => {
    const rt = await staffedOffice();
    setSetting(rt, "digest.hour", "10");
    const report = health(rt);
    expect(report.problems).toContain(
      "日报触发器在 08:00 (Asia/Shanghai) 运行，但设置中的 digest.hour 为 10:00。",
    );
    const lines = rt.callFromDialog("repairWorkbook") as string[];
    expect(lines).toContain("日报触发器已改为每天 10:00（Asia/Shanghai）运行。");
    expect(handlers(rt)).toEqual(["runDailyDigest", "runReminders"]);
    expect(health(rt).problems.join("\n")).not.toContain("日报触发器");
    // From now on the digest goes out in the 10:00 hour in Shanghai (02:00 UTC), never at 08:00:
    // today's (set-up came after 08:00) and Tuesday's.
    rt.advanceTo("2026-03-03T04:00:00Z");
    const sentAt = rt.outbox
      .filter((m) => m.subject.includes("日报"))
      .map((m) => new Date(m.at).toISOString());
    expect(sentAt).toHaveLength(2);
    expect(sentAt[0]).toMatch(/^2026-03-02T02:/);
    expect(sentAt[1]).toMatch(/^2026-03-03T02:/);
  });
});
