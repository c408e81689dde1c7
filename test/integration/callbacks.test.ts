// Call-backs after resolved complaints and after repairs: the owner's word closes or reopens the work.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { cellOf, complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { callbacks, type Recorded, record, resolvedComplaint } from "./callbackHarness";
import { form, logRows, staffedOffice, submit } from "./harness";

describe("call-backs after complaints", () => {
  it("follows resolve → due → unsatisfied → reopened → fixed → satisfied → closed, with the emails", async () => {
    const { rt, id } = await resolvedComplaint();
    const [first] = callbacks(rt);
    expect(first).toMatchObject({
      来源: "投诉",
      关联单号: id,
      房号: "3栋2单元1201",
      回访状态: "待回访",
      登记人: STAFF.assistants[0],
    });
    // One business day after it was resolved, a minute or so after 09:00 Monday.
    expect(first?.["回访时限"]).toMatch(/^2026-03-03 09:0\d$/);

    typeInto(rt, id, ["状态"], "已关闭");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("须回访业主满意");

    rt.advanceBy(3_600_000);
    const unhappy = record(rt, String(first?.["回访编号"]), {
      satisfaction: "dissatisfied",
      remarks: "早上还是很吵",
    });
    expect(unhappy).toMatchObject({ ok: true, consequence: "reopenComplaint" });
    expect(complaintRow(rt, id).record["状态"]).toBe("重新打开");
    const alert = rt.outbox.find((m) => m.subject.includes("业主不满意"));
    expect(alert?.to.split(",").sort()).toEqual(
      ["chen.gang@greenwood-pm.example", "security.desk@greenwood-pm.example", STAFF.manager].sort(),
    );
    expect(alert?.htmlBody).toContain("早上还是很吵");
    expect(alert?.htmlBody).toContain("138****5678");
    expect(alert?.htmlBody).not.toContain("13812345678");
    expect(logRows(rt).at(-1)).toMatchObject({ 新值: "重新打开" });

    const again = record(rt, String(first?.["回访编号"]), { satisfaction: "satisfied" });
    expect(again.ok).toBe(false);
    expect(again.errors?.[0]?.message).toMatch(
      /已于 2026-03-02 10:0\d 由 li\.na@greenwood-pm\.example 回访：不满意。不重复记录/,
    );

    typeInto(rt, id, ["状态"], "已解决");
    const second = callbacks(rt)[1];
    expect(second).toMatchObject({ 关联单号: id, 回访状态: "待回访" });
    const happy = record(rt, String(second?.["回访编号"]), {
      satisfaction: "very_satisfied",
      remarks: "谢谢",
    });
    expect(happy).toMatchObject({ ok: true, consequence: "closeComplaint" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
    expect(complaintRow(rt, id).record["时效"]).toBe("按时完成");
    expect(logRows(rt).at(-1)?.["备注"]).toContain(String(second?.["回访编号"]));
  });

  it("refuses a satisfaction outside the list, a call before the work was done, and a missing method", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    expect(record(rt, cb, { satisfaction: "超级满意" }).errors?.[0]?.message).toContain(
      "“超级满意”不在列表中",
    );
    expect(
      record(rt, cb, { satisfaction: "satisfied", calledAt: "2026-03-01 10:00" }).errors?.[0]?.message,
    ).toContain("不能早于完成时间");
    expect(record(rt, cb, { satisfaction: "satisfied", method: "" }).errors?.[0]?.message).toBe(
      "请填写回访方式。",
    );
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("待回访");
  });

  it("closes the complaint as unreachable only after the office's number of tries", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    expect(record(rt, cb, { result: "unreachable" }).consequence).toBe("tryAgain");
    expect(record(rt, cb, { result: "unreachable" }).consequence).toBe("tryAgain");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    expect(record(rt, cb, { result: "unreachable" }).consequence).toBe("closeComplaint");
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "无法联系", 回访次数: "3" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
  });

  it("saves a double-clicked outcome once", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const a = record(rt, cb, { satisfaction: "satisfied" }, "same");
    const b = record(rt, cb, { satisfaction: "satisfied" }, "same");
    expect(b).toEqual(a);
  });
});

describe("repairs and services", () => {
  it("logs a repair by dialog, due three business days after it was done", async () => {
    const rt = await staffedOffice();
    const saved = rt.callFromDialog(
      "submitService",
      {
        source: "repair",
        unit: "5栋1单元0502",
        owner: "李女士",
        contact: "+86 139 0000 1111",
        content: "更换厨房水龙头",
        doneAt: "2026-03-02 08:00",
        handler: "repairs@greenwood-pm.example",
        department: "工程维修",
      },
      "svc-1",
    ) as { ok: boolean; id: string; dueAt: string };
    expect(saved).toMatchObject({ ok: true, id: "HF-2026-000001", dueAt: "2026-03-04 18:00" });
    expect(callbacks(rt)[0]).toMatchObject({
      来源: "维修",
      联系电话: "+86 139 0000 1111",
      回访状态: "待回访",
    });
  });

  it("opens a follow-up work item when the owner is not satisfied with a repair; it becomes due once done", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog(
      "submitService",
      { source: "repair", unit: "5栋1单元0502", content: "更换厨房水龙头", department: "工程维修" },
      "svc-2",
    );
    rt.advanceBy(3_600_000);
    const result = record(rt, "HF-2026-000001", { satisfaction: "very_dissatisfied", remarks: "还在滴水" });
    expect(result).toMatchObject({ ok: true, consequence: "followUpService", followUpId: "HF-2026-000002" });
    const follow = callbacks(rt)[1];
    expect(follow).toMatchObject({ 关联单号: "HF-2026-000001", 回访状态: "待完工", 回访时限: "" });
    expect(follow?.["服务内容"]).toContain("还在滴水");
    expect(rt.outbox.at(-1)?.to).toContain("zhao.lei@greenwood-pm.example");
    expect(record(rt, "HF-2026-000002", { satisfaction: "satisfied" }).errors?.[0]?.message).toContain(
      "尚未完成",
    );

    const view = readSheet(rt, "callbacks");
    rt.edit(view.name, cellOf(view, view.rowNumber(1), "完成时间"), "2026-03-02 11:00");
    expect(callbacks(rt)[1]).toMatchObject({ 回访状态: "待回访", 回访时限: "2026-03-05 11:00" });
  });

  it("completes a service typed into the sheet, and says what is missing from an incomplete one", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "callbacks");
    const from = cellOf(view, 2, "来源");
    const to = cellOf(view, 2, "服务内容");
    rt.edit(view.name, `${from}:${to}`, [
      ["家政服务", "", "8栋2单元0801", "赵阿姨", "13700001111", "=深度保洁"],
    ]);
    expect(callbacks(rt)[0]).toMatchObject({
      回访编号: "HF-2026-000001",
      来源: "家政服务",
      服务内容: "=深度保洁",
      回访状态: "待回访",
    });
    rt.edit(view.name, cellOf(view, 3, "房号"), "9栋1单元0901");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("请填写服务内容");
  });
});

describe("call-backs in reminders and the digest", () => {
  it("reminds the owner of a call-back on the day it is due, once a day, and reports rates to the manager", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    rt.advanceTo(new Date("2026-03-03T08:30:00+08:00"));
    const reminders = rt.outbox.filter((m) => m.subject.includes("项回访到期"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.to).toBe(STAFF.assistants[0]);
    expect(reminders[0]?.htmlBody).toContain(cb);
    expect(reminders[0]?.htmlBody).toContain("138****5678");
    rt.advanceTo(new Date("2026-03-03T12:30:00+08:00"));
    expect(rt.outbox.filter((m) => m.subject.includes("项回访到期"))).toHaveLength(1);
    const digest = rt.outbox.find((m) => m.subject.includes("投诉日报"));
    expect(digest?.htmlBody).toContain("今日到期 1 项，超时 0 项");

    record(rt, cb, { satisfaction: "satisfied" });
    rt.advanceTo(new Date("2026-03-04T09:30:00+08:00"));
    const next = rt.outbox.filter((m) => m.subject.includes("投诉日报")).at(-1);
    // Called back at 12:30, after the 09:00 deadline: late, but the owner was satisfied.
    expect(next?.htmlBody).toContain("回访率 0%，满意率 100%");
    expect(rt.outbox.filter((m) => m.subject.includes("项回访到期"))).toHaveLength(1);
  });
});

describe("owners' words in call-backs", () => {
  it("keeps formula-like text and HTML in remarks as text, escaped in the alert", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const remarks = '=IMPORTXML("http://x.example") <script>alert(1)</script>';
    expect(record(rt, cb, { satisfaction: "dissatisfied", remarks, followUp: "+再次上门" }).ok).toBe(true);
    expect(readSheet(rt, "callbacks").rows[0]).toMatchObject({ 业主意见: remarks, 跟进措施: "+再次上门" });
    const alert = rt.outbox.find((m) => m.subject.includes(id));
    expect(alert?.htmlBody).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(alert?.htmlBody).not.toContain("<script>");
  });
});

describe("a workbook whose Call-backs sheet is gone", () => {
  it("keeps complaint reminders going, says the call-back could not be scheduled, and refuses to close", async () => {
    const rt = await staffedOffice();
    const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!saved.ok) throw new Error(saved.message);
    rt.sheets.userDeleteSheet("回访");
    rt.advanceTo(new Date("2026-03-02T14:30:00+08:00"));
    expect(rt.failures).toEqual([]);
    expect(rt.outbox.some((m) => m.subject.includes("需要您处理"))).toBe(true);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("已解决");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("缺少工作表“回访”");
    typeInto(rt, saved.id, ["状态"], "已关闭");
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("已解决");
  });
});

describe("Record call-back dialog data", () => {
  it("finds a call-back by its ID, its complaint's ID, or its unit in another spelling, reading only those rows", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const find = (query: string) =>
      (rt.callFromDialog("getCallbackDialogData", query) as { matches: { id: string }[] }).matches.map(
        (m) => m.id,
      );
    expect(find(cb)).toEqual([cb]);
    expect(find(id)).toEqual([cb]);
    expect(find(id.toLowerCase())).toEqual([cb]);
    expect(find("3-2-1201")).toEqual([cb]);
    expect(find("3栋2单元")).toEqual([cb]);
    expect(find("9-9-999")).toEqual([]);

    // 3,000 more call-backs of other units (pasted, as from an old register): the search reads
    // the rows it finds, not the sheet.
    const view = readSheet(rt, "callbacks");
    const width = view.header.length;
    const rows = Array.from({ length: 3_000 }, (_, i) => {
      const row = Array.from({ length: width }, () => "");
      row[view.header.indexOf("回访编号")] = `HF-2025-${String(i + 1).padStart(6, "0")}`;
      row[view.header.indexOf("来源")] = "维修";
      row[view.header.indexOf("房号")] = `${10 + (i % 20)}栋1单元${101 + (i % 50)}`;
      row[view.header.indexOf("服务内容")] = "旧记录";
      return row;
    });
    rt.sheets.userEdit(view.name, `A${view.rowNumber(0) + 1}`, rows);
    rt.meter.reset();
    expect(find("3-2-1201")).toEqual([cb]);
    // Cells read, with those TextFinder searched on Google's side: well under one read of the sheet.
    const read = rt.meter.executions.at(-1)?.cellsRead ?? 0;
    expect(read).toBeLessThan((3_000 * width) / 3);
  });

  it("opens on the call-back selected in the sheet, with the unit's history", async () => {
    const { rt, id } = await resolvedComplaint();
    rt.callFromDialog(
      "submitService",
      { source: "repair", unit: "3-2-1201", content: "更换水龙头" },
      "svc-h",
    );
    const view = readSheet(rt, "callbacks");
    rt.sheets.select(view.name, `A${view.rowNumber(1)}`);
    const data = rt.callFromDialog("getCallbackDialogData", "") as {
      selected: { id: string; unit: string } | null;
      history: { id: string }[];
    };
    expect(data.selected).toMatchObject({ id: "HF-2026-000002", unit: "3-2-1201" });
    expect(data.history.map((h) => h.id)).toEqual(
      expect.arrayContaining([id, "HF-2026-000001", "HF-2026-000002"]),
    );
  });
});

describe("an alert email that cannot be sent", () => {
  it("leaves the call-back saved and reports success with a warning; the failure is logged", async () => {
    // Two recipients a day: the alert to the handler, the head and the manager is refused.
    const rt = await staffedOffice({ quotas: { emailRecipientsPerDay: 2 } });
    const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!saved.ok) throw new Error(saved.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const result = rt.callFromDialog(
      "recordCallback",
      cb,
      { method: "phone", satisfaction: "dissatisfied", remarks: "还是吵" },
      "alert-1",
    ) as Recorded;
    expect(result).toMatchObject({ ok: true, consequence: "reopenComplaint" });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings?.[0]).toContain("回访已保存，但发给");
    expect(result.warnings?.[0]).toContain("Service invoked too many times");
    expect(rt.outbox).toHaveLength(0);
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "已回访", 满意度: "不满意", 业主意见: "还是吵" });
    expect(complaintRow(rt, saved.id).record["状态"]).toBe("重新打开");
    expect(logRows(rt).find((r) => r["编号"] === cb && r["变更项"] === "email")?.["备注"]).toContain(
      "Service invoked too many times",
    );
    expect(rt.failures).toEqual([]);
    // A double click gets the same answer, and nothing is recorded twice.
    expect(
      rt.callFromDialog("recordCallback", cb, { method: "phone", satisfaction: "dissatisfied" }, "alert-1"),
    ).toEqual(result);
    expect(callbacks(rt)[0]?.["回访次数"]).toBe("1");
  });
});
