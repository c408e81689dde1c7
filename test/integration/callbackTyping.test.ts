// Typing in the Call-backs sheet: computed cells put back, calls typed into a row recorded
// exactly as the dialog records them, and nothing a person types overwritten by the desk.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { cellOf, complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { callbackCell, callbacks, record, resolvedComplaint, typeIntoCallback } from "./callbackHarness";
import { logRows, staffedOffice } from "./harness";

const lastToast = (rt: Awaited<ReturnType<typeof staffedOffice>>) => rt.sheets.toasts.at(-1)?.message ?? "";

describe("computed cells of the Call-backs sheet", () => {
  it("puts back a state typed over (已回访), and the complaint still cannot close", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeIntoCallback(rt, cb, ["回访状态"], ["已回访"]);
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("待回访");
    expect(lastToast(rt)).toContain("“回访状态”由系统填写");
    typeInto(rt, id, ["状态"], "已关闭");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
  });

  it("puts back the attempts, the due time and the ID typed over", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const due = callbacks(rt)[0]?.["回访时限"];
    typeIntoCallback(rt, cb, ["回访次数"], ["3"]);
    expect(callbacks(rt)[0]?.["回访次数"]).toBe("");
    expect(lastToast(rt)).toContain("“回访次数”由系统填写");
    typeIntoCallback(rt, cb, ["回访时限"], ["2026-12-31 18:00"]);
    expect(callbacks(rt)[0]?.["回访时限"]).toBe(due);
    typeIntoCallback(rt, cb, ["回访编号"], ["HF-2026-999999"]);
    expect(callbacks(rt)[0]?.["回访编号"]).toBe(cb);
    // Delete on the ID cell: the call-back keeps its identity, not a new service.
    const { sheet, a1 } = callbackCell(rt, cb, "回访编号");
    rt.edit(sheet, a1, "");
    expect(callbacks(rt).map((c) => c["回访编号"])).toEqual([cb]);
    expect(lastToast(rt)).toContain(`编号 ${cb} 是该回访的身份标识，已恢复`);
  });
});

describe("a call typed straight into the row", () => {
  it("reopens the complaint when the owner is not satisfied, as the dialog does, and closes it when satisfied", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    rt.setUser(STAFF.assistants[1] ?? STAFF.manager);
    typeIntoCallback(rt, cb, ["回访方式", "回访结果", "满意度"], ["电话", "已联系", "不满意"]);
    expect(complaintRow(rt, id).record["状态"]).toBe("重新打开");
    const row = callbacks(rt)[0] ?? {};
    expect(row).toMatchObject({ 回访状态: "已回访", 回访次数: "1", 满意度: "不满意" });
    expect(row["回访时间"]).toMatch(/^2026-03-02 09:\d\d$/);
    expect(logRows(rt).at(-1)).toMatchObject({ 编号: id, 新值: "重新打开" });
    expect(lastToast(rt)).toContain(`投诉 ${id} 已重新打开`);
    expect(lastToast(rt)).toContain("下一次整点运行时收到邮件通知");

    // Worked on again and resolved: a new call-back; the owner is satisfied this time.
    typeInto(rt, id, ["状态"], "已解决");
    const second = String(callbacks(rt)[1]?.["回访编号"]);
    typeIntoCallback(rt, second, ["回访方式", "回访结果", "满意度"], ["上门", "已联系", "满意"]);
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
    expect(callbacks(rt)[1]).toMatchObject({ 回访状态: "已回访", 满意度: "满意" });
  });

  it("says what is missing from a call typed one cell at a time, and records it once complete", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeIntoCallback(rt, cb, ["满意度"], ["满意"]);
    expect(lastToast(rt)).toContain(`${cb}：回访尚未记录：请填写回访方式。`);
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "待回访", 回访次数: "" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    typeIntoCallback(rt, cb, ["回访方式"], ["微信"]);
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "已回访", 回访次数: "1", 回访方式: "微信" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
  });

  it("keeps the complaint resolved after a neutral answer typed in, with the call due again", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeIntoCallback(rt, cb, ["回访方式", "回访结果", "满意度"], ["电话", "已联系", "一般"]);
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    const row = callbacks(rt)[0] ?? {};
    expect(row).toMatchObject({ 回访状态: "待回访", 回访次数: "1" });
    expect(row["回访时限"]).toBe(String(row["回访时间"]).replace("2026-03-02", "2026-03-03"));
    expect(lastToast(rt)).toContain("请于 2026-03-03");
  });

  it("counts tries typed in until the owner is given up as unreachable, then closes", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeIntoCallback(rt, cb, ["回访方式", "回访结果"], ["电话", "未联系上"]);
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "待回访", 回访次数: "1" });
    for (let i = 0; i < 2; i++) {
      rt.advanceBy(3_600_000);
      typeIntoCallback(rt, cb, ["回访结果"], ["未联系上"]);
    }
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "无法联系", 回访次数: "3" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
  });

  it("refuses a second answer typed over a recorded call, and puts the first back", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    record(rt, cb, { satisfaction: "satisfied" });
    typeIntoCallback(rt, cb, ["满意度"], ["不满意"]);
    expect(callbacks(rt)[0]?.["满意度"]).toBe("满意");
    expect(lastToast(rt)).toContain(`${cb} 已回访（满意），不重复记录第二次结果。`);
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
  });

  it("opens follow-up work when an unsatisfied repair is typed in", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog(
      "submitService",
      { source: "repair", unit: "5栋1单元0502", content: "更换厨房水龙头", department: "工程维修" },
      "svc-t",
    );
    typeIntoCallback(
      rt,
      "HF-2026-000001",
      ["回访方式", "回访结果", "满意度", "业主意见"],
      ["电话", "已联系", "非常不满意", "还在滴水"],
    );
    expect(callbacks(rt)[1]).toMatchObject({ 关联单号: "HF-2026-000001", 回访状态: "待完工" });
    expect(callbacks(rt)[1]?.["服务内容"]).toContain("还在滴水");
    expect(lastToast(rt)).toContain("已开返修单 HF-2026-000002");
  });
});

describe("what a person types is theirs", () => {
  it("keeps a cell typed in the same row while the edit is being settled", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    const remarks = callbackCell(rt, cb, "业主意见");
    const meanwhile = rt.interleave({ call: "SpreadsheetApp.Range.setValues", during: "onEdit" }, () =>
      rt.sheets.userEdit(remarks.sheet, remarks.a1, "周末再来电确认"),
    );
    typeIntoCallback(rt, cb, ["回访方式", "回访结果", "满意度"], ["电话", "已联系", "满意"]);
    expect(meanwhile.fired).toBe(true);
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "已回访", 业主意见: "周末再来电确认" });
  });

  it("keeps the owner's name typed while a new service row gets its ID", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "callbacks");
    const owner = cellOf(view, 2, "业主");
    const meanwhile = rt.interleave({ call: "SpreadsheetApp.Range.setValues", during: "onEdit" }, () =>
      rt.sheets.userEdit(view.name, owner, "赵阿姨"),
    );
    rt.edit(view.name, `${cellOf(view, 2, "来源")}:${cellOf(view, 2, "房号")}`, [
      ["家政服务", "", "8栋2单元0801"],
    ]);
    expect(meanwhile.fired).toBe(false);
    rt.edit(view.name, cellOf(view, 2, "服务内容"), "深度保洁");
    expect(meanwhile.fired).toBe(true);
    expect(callbacks(rt)[0]).toMatchObject({
      回访编号: "HF-2026-000001",
      业主: "赵阿姨",
      回访状态: "待回访",
    });
  });

  it("writes nothing for an incomplete row", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "callbacks");
    rt.meter.reset();
    rt.edit(view.name, `${cellOf(view, 2, "来源")}:${cellOf(view, 2, "房号")}`, [
      ["维修", "", "8栋2单元0801"],
    ]);
    expect(rt.meter.snapshot()["SpreadsheetApp.Range.setValues"] ?? 0).toBe(0);
    expect(callbacks(rt)[0]).toMatchObject({ 回访编号: "", 回访状态: "", 登记人: "" });
    expect(lastToast(rt)).toContain("请填写服务内容");
  });
});

describe("what an edit could not finish, the hourly run does", () => {
  it("completes a service row typed while the desk was busy", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "callbacks");
    const release = rt.holdLock("document");
    rt.edit(view.name, `${cellOf(view, 2, "来源")}:${cellOf(view, 2, "服务内容")}`, [
      ["维修", "", "8栋2单元0801", "赵阿姨", "13700001111", "更换门锁"],
    ]);
    expect(lastToast(rt)).toContain("第 2 行已按您的输入保留");
    expect(callbacks(rt)[0]?.["回访编号"]).toBe("");
    release();
    rt.advanceBy(3_600_000);
    expect(callbacks(rt)[0]).toMatchObject({
      回访编号: "HF-2026-000001",
      回访状态: "待回访",
      服务内容: "更换门锁",
    });
  });

  it("emails the alert for an unsatisfied owner typed into the sheet with the next hourly run, once", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeIntoCallback(
      rt,
      cb,
      ["回访方式", "回访结果", "满意度", "业主意见"],
      ["电话", "已联系", "不满意", "还是吵"],
    );
    expect(complaintRow(rt, id).record["状态"]).toBe("重新打开");
    const alerts = () => rt.outbox.filter((m) => m.subject.includes("业主不满意"));
    expect(alerts()).toHaveLength(0);
    rt.advanceBy(3_600_000);
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]?.to).toContain(STAFF.manager);
    expect(alerts()[0]?.htmlBody).toContain("还是吵");
    rt.advanceBy(3_600_000);
    expect(alerts()).toHaveLength(1);
  });
});
