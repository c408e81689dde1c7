// Reminders, escalation, the Sent log and the manager's digest, driven by the triggers.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { readSheet } from "../../sim/workbook";
import { form, staffedOffice, submit } from "./harness";

const HANDLER = "security.desk@greenwood-pm.example";
const HEAD = "chen.gang@greenwood-pm.example";
const OWNER = STAFF.assistants[0] ?? "";
// Noise, normal, logged Monday just after 09:00: first response due just after 17:00, reminders
// from 4 h before; the hourly trigger runs on the hour.
const noise = () =>
  form({ category: "噪音扰民", severity: "normal", location: "中心广场", contact: "13812345678" });

const to = (rt: Awaited<ReturnType<typeof staffedOffice>>) => rt.outbox.map((m) => m.to).sort();
const at = (iso: string) => new Date(`${iso}+08:00`);

describe("reminders and escalation", () => {
  it("reminds the handler and the owner before the deadline, the head at the breach, the manager after", async () => {
    const rt = await staffedOffice();
    const saved = submit(rt, noise());
    if (!saved.ok) throw new Error(saved.message);

    rt.advanceTo(at("2026-03-02T13:30:00"));
    expect(rt.outbox).toHaveLength(0);

    rt.advanceTo(at("2026-03-02T14:30:00"));
    expect(to(rt)).toEqual([OWNER, HANDLER].sort());
    expect(rt.outbox[0]?.htmlBody).toContain(saved.id);

    rt.advanceTo(at("2026-03-02T17:30:00"));
    expect(to(rt).filter((x) => x === HEAD)).toHaveLength(0);
    rt.advanceTo(at("2026-03-02T18:30:00"));
    expect(to(rt).filter((x) => x === HEAD)).toHaveLength(1);
    expect(rt.outbox.filter((m) => m.to === STAFF.manager && /提醒|需要/.test(m.subject))).toHaveLength(0);

    rt.advanceTo(at("2026-03-02T22:30:00"));
    expect(rt.outbox.filter((m) => m.to === STAFF.manager)).toHaveLength(1);

    const sent = readSheet(rt, "sent").rows;
    expect(sent.map((r) => r["原因"])).toEqual(expect.arrayContaining(["handler", "head", "manager"]));
    expect(sent.every((r) => r["编号"] === saved.id)).toBe(true);
  });

  it("sends nothing new when the same run is repeated at the same moment", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    rt.advanceTo(at("2026-03-02T14:30:00"));
    const count = rt.outbox.length;
    expect(count).toBeGreaterThan(0);
    rt.run("runReminders");
    rt.run("runReminders");
    expect(rt.outbox).toHaveLength(count);
  });

  it("stops reminding once the item is acknowledged and paused", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    rt.advanceTo(at("2026-03-02T10:00:00"));
    const { typeInto } = await import("../../sim/workbook");
    const id = "TS-2026-000001";
    typeInto(rt, id, ["状态"], "已响应");
    typeInto(rt, id, ["暂停类别"], "等待业主");
    typeInto(rt, id, ["暂停原因"], "业主出差，下周一才能入户");
    typeInto(rt, id, ["状态"], "暂停");
    rt.advanceTo(at("2026-03-04T12:00:00"));
    expect(rt.outbox.filter((m) => /需要您处理/.test(m.subject))).toHaveLength(0);
  });

  it("marks nothing as sent that was not, when the email quota runs out, and sends it the next day", async () => {
    const rt = await staffedOffice();
    rt.quotas.emailRecipientsPerDay = 1;
    submit(rt, noise());
    rt.advanceTo(at("2026-03-02T14:30:00"));
    expect(rt.outbox).toHaveLength(1);
    const sentRows = readSheet(rt, "sent").rows;
    expect(sentRows).toHaveLength(1);
    expect(sentRows[0]?.["收件人"]).toBe(rt.outbox[0]?.to);
    rt.quotas.emailRecipientsPerDay = 100;
    rt.advanceTo(at("2026-03-03T00:30:00"));
    const sent = readSheet(rt, "sent").rows;
    const keys = sent.map((r) => r["通知标识"]);
    expect(new Set(keys).size).toBe(keys.length);
    // The notice the quota held back went out later, once.
    const handlerNotices = sent.filter((r) => r["原因"] === "handler").map((r) => r["收件人"]);
    expect(handlerNotices.sort()).toEqual([OWNER, HANDLER].sort());
    expect(rt.outbox.map((m) => m.to)).toEqual(expect.arrayContaining([OWNER, HANDLER, HEAD]));
  });
});

describe("manager digest", () => {
  it("sends yesterday's figures once a day with phones masked and owners' HTML escaped", async () => {
    const rt = await staffedOffice();
    submit(rt, noise());
    submit(rt, form({ content: "<script>alert('x')</script>楼上漏水", contact: "13998765432" }));
    rt.advanceTo(at("2026-03-03T09:30:00"));
    const digests = rt.outbox.filter((m) => m.to === STAFF.manager && /日报/.test(m.subject));
    expect(digests).toHaveLength(1);
    const digest = digests[0];
    expect(digest?.subject).toContain("2026-03-02");
    expect(digest?.htmlBody).toContain("138****5678");
    expect(digest?.htmlBody).not.toContain("13812345678");
    expect(digest?.htmlBody).not.toContain("13998765432");
    for (const mail of rt.outbox) expect(mail.htmlBody).not.toContain("<script>");
    rt.run("runDailyDigest");
    expect(rt.outbox.filter((m) => /日报/.test(m.subject))).toHaveLength(1);
  });
});
