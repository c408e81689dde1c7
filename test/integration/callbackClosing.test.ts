// Closing a complaint waits for a satisfied owner: a neutral answer asks for another call (or
// the manager's written reason), and the latest call-back is the newest, whatever the sort.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { callbacks, managerClose, record, resolvedComplaint } from "./callbackHarness";
import { logRows } from "./harness";

type DialogData = {
  selected: { id: string; followUp: boolean; lastAnswer: string } | null;
  isManager: boolean;
};

describe("a neutral answer (一般)", () => {
  it("keeps the complaint resolved and makes the call-back due again a business day after the call", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    rt.advanceBy(3_600_000);
    const neutral = record(rt, cb, { satisfaction: "neutral", remarks: "还行吧，再看看" });
    expect(neutral).toMatchObject({ ok: true, consequence: "followUpCallback" });
    expect(neutral.message).toContain(`投诉 ${id} 保持“已解决”`);
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    const row = callbacks(rt)[0] ?? {};
    expect(row).toMatchObject({
      回访状态: "待回访",
      满意度: "一般",
      回访次数: "1",
      业主意见: "还行吧，再看看",
    });
    expect(row["回访时限"]).toBe(String(row["回访时间"]).replace("2026-03-02", "2026-03-03"));

    // Typing 已关闭 is refused: the owner has not said they are satisfied.
    typeInto(rt, id, ["状态"], "已关闭");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("须回访业主满意");

    // The dialog shows the last answer and asks for another call.
    const data = rt.callFromDialog("getCallbackDialogData", cb) as DialogData;
    expect(data.selected).toMatchObject({ id: cb, followUp: true });
    expect(data.selected?.lastAnswer).toContain("一般 还行吧，再看看");

    // The follow-up call finds the owner satisfied: the complaint closes.
    rt.advanceBy(20 * 3_600_000);
    const happy = record(rt, cb, { satisfaction: "satisfied", remarks: "问题已解决" });
    expect(happy).toMatchObject({ ok: true, consequence: "closeComplaint" });
    expect(callbacks(rt)[0]).toMatchObject({ 回访状态: "已回访", 满意度: "满意", 回访次数: "2" });
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
    expect(callbacks(rt)).toHaveLength(1);
  });

  it("lets the manager close it with a written reason, which is logged; nobody else, and not without a reason", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    record(rt, cb, { satisfaction: "neutral", remarks: "无所谓" });

    const asAssistant = managerClose(rt, cb, "业主已搬离，无法再回访");
    expect(asAssistant.ok).toBe(false);
    expect(asAssistant.errors?.[0]?.message).toContain(`只有经理（${STAFF.manager}`);
    expect((rt.callFromDialog("getCallbackDialogData", cb) as DialogData).isManager).toBe(false);

    rt.setUser(STAFF.manager);
    expect((rt.callFromDialog("getCallbackDialogData", cb) as DialogData).isManager).toBe(true);
    expect(managerClose(rt, cb, "   ").errors?.[0]).toEqual({
      field: "reason",
      message: "请填写不再回访即结案的理由。",
    });
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");

    const closed = managerClose(rt, cb, "业主已搬离，无法再回访");
    expect(closed).toMatchObject({ ok: true, consequence: "managerClosed" });
    expect(closed.message).toContain("业主已搬离，无法再回访");
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
    expect(logRows(rt).at(-1)).toMatchObject({ 编号: id, 新值: "已关闭", 操作人: STAFF.manager });
    expect(logRows(rt).at(-1)?.["备注"]).toContain("业主已搬离，无法再回访");
    const row = callbacks(rt)[0] ?? {};
    expect(row["回访状态"]).toBe("已回访");
    expect(row["跟进措施"]).toMatch(
      new RegExp(
        `^经理结案（${STAFF.manager.replace(/\./g, "\\.")}，2026-03-02 \\d\\d:\\d\\d）：业主已搬离，无法再回访$`,
      ),
    );
    // Done is done: a second close is refused.
    expect(managerClose(rt, cb, "再次结案").ok).toBe(false);
  });
});

describe("the latest call-back is the newest", () => {
  it("does not let a complaint close while its newest call-back is pending, when the sheet is sorted newest-first", async () => {
    const { rt, id } = await resolvedComplaint();
    const first = String(callbacks(rt)[0]?.["回访编号"]);
    expect(record(rt, first, { satisfaction: "satisfied" }).consequence).toBe("closeComplaint");
    // The owner calls again: reopened, fixed, resolved: a new call-back is due.
    rt.advanceBy(3_600_000);
    typeInto(rt, id, ["状态"], "重新打开");
    typeInto(rt, id, ["状态"], "已解决");
    expect(callbacks(rt).map((c) => c["回访状态"])).toEqual(["已回访", "待回访"]);

    const view = readSheet(rt, "callbacks");
    rt.sheets.userSort(view.name, view.header.indexOf("回访编号") + 1, false);
    expect(callbacks(rt).map((c) => c["回访状态"])).toEqual(["待回访", "已回访"]);

    typeInto(rt, id, ["状态"], "已关闭");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("须回访业主满意");

    const second = String(callbacks(rt)[0]?.["回访编号"]);
    expect(record(rt, second, { satisfaction: "very_satisfied" }).consequence).toBe("closeComplaint");
    expect(complaintRow(rt, id).record["状态"]).toBe("已关闭");
  });
});

describe("a complaint that moved on meanwhile", () => {
  it("is left as it is by a satisfied call-back, with a warning beside the saved call", async () => {
    const { rt, id } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    typeInto(rt, id, ["状态"], "重新打开");
    const done = record(rt, cb, { satisfaction: "satisfied" });
    expect(done).toMatchObject({ ok: true, consequence: "closeComplaint" });
    expect(done.warnings).toEqual([
      `投诉 ${id} 保持不变：它已不处于本次回访所针对的状态（请查看该投诉行）。`,
    ]);
    expect(complaintRow(rt, id).record["状态"]).toBe("重新打开");
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("已回访");
  });
});
