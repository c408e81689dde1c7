// Logging complaints by the dialog and by typing into the sheet.
import { describe, expect, it } from "vitest";
import { cellOf, readSheet } from "../../sim/workbook";
import { complaints, form, logRows, shanghaiMinute, staffedOffice, submit } from "./harness";

const DERIVED = [
  "受理时间",
  "首问责任人",
  "渠道",
  "房号",
  "业主",
  "联系电话",
  "类别",
  "严重程度",
  "地点",
  "投诉内容",
  "状态",
  "责任部门",
  "响应时限",
  "解决时限",
  "时效",
];

describe("intake", () => {
  it("saves a dialog submission with an ID, its owner, department and deadlines", async () => {
    const rt = await staffedOffice();
    const result = submit(rt, form());
    expect(result).toMatchObject({ ok: true, id: "TS-2026-000001" });
    const [row] = complaints(rt);
    expect(row?.["编号"]).toBe("TS-2026-000001");
    expect(row?.["首问责任人"]).toBe("li.na@greenwood-pm.example");
    expect(row?.["责任部门"]).toBe("工程维修");
    expect(row?.["状态"]).toBe("新登记");
    // An urgent leak runs on the 24/7 clock: first response within 30 minutes.
    const due = readSheet(rt, "complaints", true).rows[0]?.["响应时限"];
    const received = row?.["受理时间"] as Date;
    expect(due).toBe(shanghaiMinute(received.getTime() + 30 * 60_000));
    expect(logRows(rt).map((r) => [r["编号"], r["变更项"]])).toEqual([["TS-2026-000001", "created"]]);
  });

  it("completes a row typed into the sheet into the same record as the dialog's", async () => {
    const rt = await staffedOffice();
    const fields = form({
      receivedAt: "2026-03-02 08:40",
      category: "噪音扰民",
      severity: "normal",
      unit: "00123",
    });
    const viaDialog = submit(rt, fields);
    expect(viaDialog.ok).toBe(true);
    const view = readSheet(rt, "complaints");
    const from = cellOf(view, 3, "受理时间");
    const to = cellOf(view, 3, "投诉内容");
    const edit = rt.edit("投诉", `${from}:${to}`, [
      [
        "2026-03-02 08:40",
        "",
        "电话",
        "00123",
        "王先生",
        "13812345678",
        "噪音扰民",
        "一般",
        "卫生间天花板",
        "卫生间天花板漏水",
      ],
    ]);
    expect(edit.accepted).toBe(true);
    const [a, b] = readSheet(rt, "complaints", true).rows;
    expect(b?.["编号"]).toBe("TS-2026-000002");
    for (const key of DERIVED) expect(b?.[key], key).toEqual(a?.[key]);
    expect(b?.["房号"]).toBe("00123");
    expect(logRows(rt).filter((r) => r["变更项"] === "created")).toHaveLength(2);
  });

  it("leaves an incomplete typed row alone and says what is missing", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "complaints");
    rt.edit("投诉", cellOf(view, 2, "房号"), "5栋1单元0501");
    const row = readSheet(rt, "complaints").rows[0];
    expect(row?.["编号"] ?? "").toBe("");
    expect(row?.["房号"]).toBe("5栋1单元0501");
    expect(rt.sheets.toasts.at(-1)?.message).toMatch(/尚未登记|Not logged/);
  });

  it("rejects bad input with a message per field and writes nothing", async () => {
    const rt = await staffedOffice();
    const result = submit(rt, form({ unit: " ", category: "火灾", receivedAt: "2026-13-45 25:00" }));
    if (result.ok) throw new Error("accepted bad input");
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField.unit).toBe("请填写房号。");
    expect(byField.category).toContain("“火灾”不在投诉类别表中");
    expect(byField.receivedAt).toContain("不是有效日期");
    const future = submit(rt, form({ receivedAt: "2026-03-05 10:00" }));
    expect(future.ok).toBe(false);
    expect(complaints(rt)).toHaveLength(0);
  });

  it("stores text that looks like a formula, a number or a date exactly as the owner said it", async () => {
    const rt = await staffedOffice();
    const tricky = {
      content: '=HYPERLINK("http://x.example","点我")',
      owner: "+86 王",
      contact: "+86 138 1234 5678",
      location: "@物业",
      unit: "3-2",
      peopleInvolved: "-保安",
    };
    expect(submit(rt, form(tricky)).ok).toBe(true);
    const row = complaints(rt)[0];
    expect(row?.["投诉内容"]).toBe(tricky.content);
    expect(row?.["业主"]).toBe(tricky.owner);
    expect(row?.["联系电话"]).toBe(tricky.contact);
    expect(row?.["地点"]).toBe(tricky.location);
    expect(row?.["房号"]).toBe("3-2");
    expect(row?.["涉及人员"]).toBe("-保安");
    const formulas = rt.meter.quietly(() =>
      rt.sheets.spreadsheet.getSheetByName("投诉")?.getDataRange().getFormulas(),
    );
    expect(formulas?.flat().filter(Boolean)).toEqual([]);
  });

  it("saves a double-clicked submission once", async () => {
    const rt = await staffedOffice();
    const first = submit(rt, form(), "same-click");
    const again = submit(rt, form(), "same-click");
    expect(again).toEqual(first);
    expect(complaints(rt)).toHaveLength(1);
  });

  it("keeps both of two people's complaints with distinct IDs, waiting for the lock", async () => {
    const rt = await staffedOffice();
    rt.setUser("zhou.min@greenwood-pm.example");
    const a = submit(rt, form({ unit: "1栋1单元0101" }));
    rt.setUser("li.na@greenwood-pm.example");
    const b = submit(rt, form({ unit: "2栋1单元0101" }));
    expect(a.ok && b.ok).toBe(true);
    const rows = complaints(rt);
    expect(new Set(rows.map((r) => r["编号"])).size).toBe(2);
    expect(rows.map((r) => r["首问责任人"])).toEqual([
      "zhou.min@greenwood-pm.example",
      "li.na@greenwood-pm.example",
    ]);

    // While someone else holds the document lock the save waits, then reports "busy": nothing half-written.
    const release = rt.holdLock("document");
    const busy = submit(rt, form({ unit: "3栋1单元0101" }), "busy-1");
    expect(busy).toMatchObject({ ok: false, message: "其他同事正在保存，请稍后再试。" });
    expect(complaints(rt)).toHaveLength(2);
    release();
    const retried = submit(rt, form({ unit: "3栋1单元0101" }), "busy-1");
    expect(retried).toMatchObject({ ok: true, id: "TS-2026-000003" });
  });

  it("never reuses an ID, even after the last row is deleted", async () => {
    const rt = await staffedOffice();
    submit(rt, form());
    submit(rt, form());
    rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName("投诉")?.deleteRows(3, 1));
    const next = submit(rt, form());
    expect(next).toMatchObject({ ok: true, id: "TS-2026-000003" });
  });

  it("flags a repeat at the same unit within the window", async () => {
    const rt = await staffedOffice();
    const first = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    rt.advanceBy(3 * 86_400_000);
    const again = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!first.ok || !again.ok) throw new Error("intake failed");
    expect(again.recurrenceOf).toBe(first.id);
    expect(complaints(rt)[1]?.["重复投诉"]).toBe(first.id);
  });
});

describe("intake on a damaged workbook", () => {
  it("says which sheet is missing and saves nothing", async () => {
    const rt = await staffedOffice();
    rt.sheets.userRenameSheet("投诉", "投诉（旧）");
    const result = submit(rt, form());
    // The renamed sheet is recognised by its header row, and the fix named.
    expect(result.ok).toBe(false);
    expect(result.message).toContain("投诉（旧）");
    expect(result.message).toContain("初始化 / 修复工作簿");
    expect(readSheet(rt, "log").rows).toHaveLength(0);
  });

  it("says which columns are missing, and a typed row is left as typed", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "complaints");
    rt.sheets.userEdit("投诉", cellOf(view, 1, "类别"), "问题类型");
    const result = submit(rt, form());
    expect(result.ok).toBe(false);
    expect(result.message).toContain("缺少列 类别");
    rt.edit("投诉", cellOf(view, 2, "房号"), "3栋2单元1201");
    expect(rt.sheets.toasts.at(-1)?.message).toContain("缺少列 类别");
    expect(readSheet(rt, "complaints").rows[0]?.["房号"]).toBe("3栋2单元1201");
  });
});
