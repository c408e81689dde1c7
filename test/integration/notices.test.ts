// Sending notices safely, on the built bundle: journaled before they leave, each at most once
// even when a run is cut or the Sent sheet is deleted, one bad address stopping no one else,
// one Sent row per notice record, and a digest that never skips a day.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../local/emu/runtime";
import { STAFF } from "../../sim/scenario";
import { readSheet, setDepartment, setSetting, typeInto } from "../../sim/workbook";
import { form, staffedOffice, submit } from "./harness";

const HANDLER = "security.desk@greenwood-pm.example";
const HEAD = "chen.gang@greenwood-pm.example";
const OWNER = STAFF.assistants[0] ?? "";
const at = (iso: string) => new Date(`${iso}+08:00`);
// Noise, normal, logged Monday 09:00: first response due just after 17:00, reminders from 13:00.
const noise = (over: Record<string, string> = {}) =>
  form({ category: "噪音扰民", severity: "normal", location: "中心广场", ...over });

const sentRows = (rt: Runtime) => readSheet(rt, "sent").rows;
const mailsTo = (rt: Runtime, who: string) => rt.outbox.filter((m) => m.to === who);

/** The run is cut off (6-minute limit) at the first service call after `call` returns. */
function cutAfter(rt: Runtime, call: string, during: string) {
  rt.interleave({ call, during }, () => {
    rt.interleave({ call: /.*/, during }, () => rt.meter.charge(rt.quotas.executionMs));
  });
}

/** MailApp refuses one recipient, as it does an address it cannot deliver to. */
function refuse(rt: Runtime, who: string) {
  const real = rt.context.MailApp as { sendEmail: (m: { to: string }) => void };
  rt.context.MailApp = {
    ...real,
    sendEmail(m: { to: string }) {
      if (m.to === who) throw new Error(`Invalid email: ${who}`);
      return real.sendEmail(m);
    },
  };
  return () => {
    rt.context.MailApp = real;
  };
}

async function resolvedComplaint(rt?: Runtime) {
  const office = rt ?? (await staffedOffice());
  const saved = submit(office, noise({ contact: "13812345678" }));
  if (!saved.ok) throw new Error(saved.message);
  for (const s of ["已响应", "处理中", "已解决"]) typeInto(office, saved.id, ["状态"], s);
  return { rt: office, id: saved.id };
}

describe("a run cut off while sending", () => {
  it("never sends an email twice when the run stops right after MailApp returned", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    cutAfter(rt, "MailApp.MailApp.sendEmail", "runReminders");
    rt.advanceTo(at("2026-03-02T14:10:00"));
    expect(rt.failures.map((f) => f.message)).toContain("Exceeded maximum execution time");
    expect(rt.outbox).toHaveLength(1);
    const first = rt.outbox[0]?.to;

    // The next hour resumes: the other person gets theirs, the first gets nothing again.
    rt.advanceTo(at("2026-03-02T15:10:00"));
    expect(rt.outbox.map((m) => m.to).sort()).toEqual([OWNER, HANDLER].sort());
    const rows = sentRows(rt);
    expect(rows.map((r) => r["收件人"]).sort()).toEqual([OWNER, HANDLER].sort());
    // The email whose confirmation was cut is recorded as sent, and says what happened.
    const cut = rows.find((r) => r["收件人"] === first);
    expect(String(cut?.["主题"])).toContain("运行中断");
    expect(cut?.["发送时间"]).toBeInstanceOf(Date);
  });

  it("stops cleanly before the time limit and sends the rest in the next run, once", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    // Each email costs so much that the run's time budget is spent after the first.
    rt.meter.costs.perCallMs["MailApp.MailApp.sendEmail"] = 280_000;
    rt.advanceTo(at("2026-03-02T14:10:00"));
    expect(rt.failures).toEqual([]);
    expect(rt.outbox).toHaveLength(1);
    rt.meter.costs.perCallMs["MailApp.MailApp.sendEmail"] = 250;
    rt.advanceTo(at("2026-03-02T15:10:00"));
    expect(rt.outbox.map((m) => m.to).sort()).toEqual([OWNER, HANDLER].sort());
    expect(sentRows(rt)).toHaveLength(2);
  });
});

describe("an address MailApp refuses", () => {
  it("is recorded with the reason and skipped; everyone after it still gets theirs, and it is tried again", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    submit(rt, noise({ unit: "9栋1单元0901" }));
    const restore = refuse(rt, OWNER);
    rt.advanceTo(at("2026-03-02T14:10:00"));
    expect(rt.failures).toEqual([]);
    expect(rt.outbox.map((m) => m.to)).toEqual([HANDLER]);
    const refused = sentRows(rt).filter((r) => r["收件人"] === OWNER);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r["发送时间"]).toBe("");
      expect(String(r["主题"])).toMatch(/^未发送（2026-03-02 14:\d\d）：Invalid email: li\.na@/);
    }

    restore();
    rt.advanceTo(at("2026-03-02T15:10:00"));
    expect(rt.outbox.map((m) => m.to)).toEqual([HANDLER, OWNER]);
    const rows = sentRows(rt).filter((r) => r["收件人"] === OWNER);
    // The same two rows, now sent.
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r["发送时间"]).toBeInstanceOf(Date);
    rt.advanceTo(at("2026-03-02T16:10:00"));
    expect(rt.outbox).toHaveLength(2);
  });

  it("a malformed address among a department's handlers stops no one else's email", async () => {
    const rt = await staffedOffice();
    setDepartment(rt, "安防", "陈刚", HEAD, ["li@x.cn。", "a@b..com", HANDLER]);
    submit(rt, noise());
    rt.advanceTo(at("2026-03-02T14:10:00"));
    expect(rt.failures).toEqual([]);
    expect(rt.outbox.map((m) => m.to).sort()).toEqual([OWNER, HANDLER].sort());
    rt.advanceTo(at("2026-03-02T18:10:00"));
    expect(mailsTo(rt, HEAD)).toHaveLength(1);
  });
});

describe("the Sent sheet deleted and repaired", () => {
  it("sends nothing again that went out this period: complaint notices, call-backs, the digest", async () => {
    const { rt } = await resolvedComplaint();
    submit(rt, noise({ unit: "9栋1单元0901" }));
    // Tuesday 09:10: the digest (08:00), the call-back due 09:00 and the second complaint's notices.
    rt.advanceTo(at("2026-03-03T09:10:00"));
    const before = rt.outbox.length;
    expect(rt.outbox.some((m) => m.subject.includes("投诉日报"))).toBe(true);
    expect(rt.outbox.some((m) => m.subject.includes("回访到期"))).toBe(true);
    expect(rt.outbox.some((m) => m.subject.includes("需要您处理"))).toBe(true);

    rt.sheets.userDeleteSheet("发送记录");
    rt.run("setupWorkbook");
    expect(sentRows(rt)).toEqual([]);
    rt.run("runReminders");
    rt.run("runDailyDigest");
    rt.advanceTo(at("2026-03-03T12:10:00"));
    expect(rt.outbox).toHaveLength(before);

    // A new day is a new period: the digest and the owed call-back go out again, once.
    rt.advanceTo(at("2026-03-04T09:10:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(2);
    expect(rt.outbox.filter((m) => m.subject.includes("回访到期"))).toHaveLength(2);
  });
});

describe("a workbook from an earlier version", () => {
  it("understands the Sent keys and the journal it wrote, and sends nothing again", async () => {
    const { rt } = await resolvedComplaint();
    submit(rt, noise({ unit: "9栋1单元0901" }));
    rt.advanceTo(at("2026-03-03T00:30:00"));
    const before = rt.outbox.length;
    const cb = String(readSheet(rt, "callbacks").rows[0]?.["回访编号"]);
    expect(rt.outbox.some((m) => m.htmlBody.includes(cb))).toBe(true);
    // Rewrite every key the way earlier versions spelled it, and forget the period memory.
    const view = readSheet(rt, "sent");
    const col = view.header.indexOf("通知标识") + 1;
    const sheet = rt.sheets.spreadsheet.getSheetByName(view.name);
    rt.meter.quietly(() => {
      view.rows.forEach((r, i) => {
        const key = String(r["通知标识"]).replace(/^complaint\|/, "");
        sheet?.getRange(view.rowNumber(i), col).setValue(key);
      });
    });
    for (const k of [...rt.properties.document.keys()])
      if (k.startsWith("notice.memory.")) rt.properties.document.delete(k);
    // An email the earlier version journaled and had not yet copied: Tuesday's digest, sent at 00:20.
    const digest = `digest|2026-03-02|${STAFF.manager}`;
    rt.properties.document.set(
      "sent.journal.1772468400000.ab12cd34.0",
      JSON.stringify({
        at: "2026-03-02T16:20:00.000Z",
        subject: "【物业客服中心】投诉日报 2026-03-02",
        keys: [digest],
      }),
    );
    rt.run("runReminders");
    expect(rt.outbox).toHaveLength(before);
    const rows = readSheet(rt, "sent").rows;
    expect(rows.every((r) => !String(r["通知标识"]).startsWith("complaint|"))).toBe(true);
    expect(rows.find((r) => r["通知标识"] === digest)).toMatchObject({
      收件人: STAFF.manager,
      内容: "digest",
    });
    expect([...rt.properties.document.keys()].some((k) => k.startsWith("sent.journal."))).toBe(false);
    rt.advanceTo(at("2026-03-03T12:30:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(0);
    expect(rt.outbox).toHaveLength(before);
  });
});

describe("notices without growth", () => {
  it("keeps one Sent row, with its recipient, for a call-back reminded daily for ten days", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(readSheet(rt, "callbacks").rows[0]?.["回访编号"]);
    rt.advanceTo(at("2026-03-13T10:00:00"));
    const reminders = rt.outbox.filter((m) => m.subject.includes("回访到期"));
    // Due Tuesday 09:00 and never called back: one reminder a day, Tuesday to the next Friday.
    expect(reminders).toHaveLength(11);
    expect(new Set(reminders.map((m) => m.to))).toEqual(new Set([OWNER]));
    const rows = sentRows(rt).filter((r) => r["编号"] === cb);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ 收件人: OWNER, 内容: "callback" });
    expect(String(rows[0]?.["通知标识"])).toBe(`callback|${cb}|2026-03-13|${OWNER}`);
    const last = rows[0]?.["发送时间"] as Date;
    expect(last.getTime()).toBeGreaterThanOrEqual(at("2026-03-13T00:00:00").getTime());
  });
});

describe("the digest when the workbook is busy at its hour", () => {
  it("is sent by the next hourly run that same day, once", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    rt.advanceTo(at("2026-03-03T07:59:00"));
    // Someone holds the document lock from 07:59 to 08:40: the digest trigger and the hourly run
    // of that hour both find the workbook busy.
    rt.holdLock("document", { releaseAfterMs: 41 * 60_000 });
    rt.advanceTo(at("2026-03-03T08:40:00"));
    expect(rt.meter.executions.some((e) => e.label === "runDailyDigest")).toBe(true);
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(0);
    rt.advanceTo(at("2026-03-03T09:30:00"));
    const digests = rt.outbox.filter((m) => m.subject.includes("投诉日报"));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toContain("2026-03-02");
    expect(digests[0]?.to).toBe(STAFF.manager);
    expect(sentRows(rt).filter((r) => r["内容"] === "digest")).toHaveLength(1);
    rt.advanceTo(at("2026-03-03T23:30:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(1);
  });

  it("is not sent on the day the desk is set up, after its hour", async () => {
    const rt = await staffedOffice();
    rt.advanceTo(at("2026-03-02T23:30:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(0);
    rt.advanceTo(at("2026-03-03T08:30:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("投诉日报"))).toHaveLength(1);
  });
});

describe("what an email may carry", () => {
  it("masks phone numbers written inside complaint text and cuts a long subject", async () => {
    const rt = await staffedOffice();
    setSetting(rt, "office.name", "绿".repeat(300));
    submit(
      rt,
      noise({ content: "楼下夜里施工，请回电13912345678或 021-6234 5678，业主手机 +86 137 0000 1111" }),
    );
    rt.advanceTo(at("2026-03-02T14:10:00"));
    expect(rt.failures).toEqual([]);
    expect(rt.outbox.length).toBeGreaterThan(0);
    for (const mail of rt.outbox) {
      expect(mail.subject.length).toBeLessThanOrEqual(250);
      for (const text of [mail.htmlBody, mail.body, mail.subject]) {
        expect(text).not.toMatch(/13912345678|6234\s?5678|137\s?0000\s?1111/);
      }
    }
    expect(rt.outbox[0]?.htmlBody).toContain("139****5678");
  });
});
