// The five handling steps and the status workflow, as people type them into the sheet.
import { describe, expect, it } from "vitest";
import { complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { form, logRows, shanghaiMinute, staffedOffice, submit } from "./harness";

const ID = "TS-2026-000001";
const HANDLER = "repairs@greenwood-pm.example";

async function officeWithOne() {
  const rt = await staffedOffice();
  const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
  if (!saved.ok) throw new Error(saved.message);
  return rt;
}
const record = (rt: Awaited<ReturnType<typeof officeWithOne>>) => complaintRow(rt, ID).record;
const lastToast = (rt: Awaited<ReturnType<typeof officeWithOne>>) => rt.sheets.toasts.at(-1)?.message ?? "";

describe("workflow", () => {
  it("undoes an impossible status change and says which moves are possible", async () => {
    const rt = await officeWithOne();
    typeInto(rt, ID, ["状态"], "已关闭");
    expect(record(rt)["状态"]).toBe("新登记");
    expect(lastToast(rt)).toContain("修改已撤销");
    expect(lastToast(rt)).toContain("已响应");
    expect(logRows(rt).filter((r) => r["变更项"] === "status")).toHaveLength(0);
  });

  it("stamps each step with who and when and logs status and hand-offs", async () => {
    const rt = await officeWithOne();
    rt.advanceBy(30 * 60_000);
    const acknowledgedAt = rt.clock.now();
    typeInto(rt, ID, ["状态"], "已响应");
    rt.setUser(HANDLER);
    // Google hides a consumer editor's email from onEdit: the handler confirms who they are once.
    rt.callFromDialog("identifyMe");
    typeInto(rt, ID, ["处理人"], HANDLER);
    typeInto(rt, ID, ["状态"], "处理中");
    typeInto(rt, ID, ["原因调查"], "晨练团体音响音量过大");
    typeInto(rt, ID, ["处理措施"], "与晨练团体约定 7 点后开始、音量降低");
    const row = readSheet(rt, "complaints", true).rows[0] ?? {};
    expect(row["响应人"]).toBe("li.na@greenwood-pm.example");
    expect(row["响应时间"]).toBe(shanghaiMinute(acknowledgedAt));
    expect(row["调查人"]).toBe(HANDLER);
    expect(row["措施执行人"]).toBe(HANDLER);
    expect(row["首问责任人"]).toBe("li.na@greenwood-pm.example");
    expect(row["时效"]).toBe("正常");
    const log = logRows(rt).map((r) => [r["变更项"], r["原值"], r["新值"], r["操作人"]]);
    expect(log).toEqual(
      expect.arrayContaining([
        ["status", "新登记", "已响应", "li.na@greenwood-pm.example"],
        ["assignee", "", HANDLER, HANDLER],
        ["status", "已响应", "处理中", HANDLER],
      ]),
    );
  });

  it("requires a pause kind and reason, and stops the clock while paused", async () => {
    const rt = await officeWithOne();
    typeInto(rt, ID, ["状态"], "已响应");
    typeInto(rt, ID, ["状态"], "处理中");
    typeInto(rt, ID, ["状态"], "暂停");
    expect(record(rt)["状态"]).toBe("处理中");
    expect(lastToast(rt)).toContain("暂停类别");
    const dueBefore = readSheet(rt, "complaints", true).rows[0]?.["解决时限"];
    typeInto(rt, ID, ["暂停类别"], "等待第三方");
    typeInto(rt, ID, ["暂停原因"], "等待燃气公司上门");
    typeInto(rt, ID, ["状态"], "暂停");
    expect(record(rt)["状态"]).toBe("暂停");
    expect(record(rt)["时效"]).toBe("暂停计时");
    rt.advanceBy(24 * 3_600_000); // Tuesday 09:00: nine business hours paused
    typeInto(rt, ID, ["状态"], "处理中");
    const dueAfter = readSheet(rt, "complaints", true).rows[0]?.["解决时限"];
    // Wednesday 15:00 (plus the seconds the edits themselves took), then one business day later.
    expect(String(dueBefore)).toMatch(/^2026-03-04 15:0\d$/);
    const shift = Date.parse(`${dueAfter}:00+08:00`) - Date.parse(`${dueBefore}:00+08:00`);
    expect(Math.abs(shift - 24 * 3_600_000)).toBeLessThanOrEqual(5 * 60_000);
  });

  it("refuses to resolve a repeat complaint without a root cause, then reopens and re-targets", async () => {
    const rt = await officeWithOne();
    const again = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!again.ok) throw new Error(again.message);
    const id = again.id;
    for (const s of ["已响应", "处理中"]) typeInto(rt, id, ["状态"], s);
    typeInto(rt, id, ["状态"], "已解决");
    expect(complaintRow(rt, id).record["状态"]).toBe("处理中");
    expect(lastToast(rt)).toContain("根本原因");
    typeInto(rt, id, ["根本原因"], "晨练无固定时段约定");
    typeInto(rt, id, ["状态"], "已解决");
    expect(complaintRow(rt, id).record["状态"]).toBe("已解决");
    rt.advanceBy(2 * 86_400_000);
    typeInto(rt, id, ["状态"], "重新打开");
    const row = complaintRow(rt, id).record;
    expect(row["状态"]).toBe("重新打开");
    expect(row["时效"]).toBe("正常");
  });

  it("undoes an edit of a computed column", async () => {
    const rt = await officeWithOne();
    const { view, row } = complaintRow(rt, ID);
    const col = view.header.indexOf("编号");
    rt.edit(view.name, `${String.fromCharCode(65 + col)}${row}`, "TS-2026-999999");
    expect(complaintRow(rt, ID).record["编号"]).toBe(ID);
  });
});
