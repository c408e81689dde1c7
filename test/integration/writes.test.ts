// Nothing lost under real use: people sort, delete, insert and type while the desk's code runs,
// and other executions overlap. Each test makes that happen between an execution's read and
// its write (the runtime's interleave hook) on the built bundle.
import { describe, expect, it } from "vitest";
import type { Runtime } from "../../local/emu/runtime";
import { cellOf, complaintRow, readSheet, sheetName, typeInto } from "../../sim/workbook";
import { form, logRows, staffedOffice, submit } from "./harness";

const HOUR = 3_600_000;
const lastToast = (rt: Runtime) => rt.sheets.toasts.at(-1)?.message ?? "";

/** Three complaints with different deadlines: a leak (24/7, urgent), noise and parking. */
async function officeWithThree() {
  const rt = await staffedOffice();
  const ids: string[] = [];
  for (const f of [
    form({ unit: "1栋1单元101", category: "漏水", severity: "urgent", content: "厨房漏水" }),
    form({ unit: "2栋1单元202", category: "噪音扰民", severity: "normal", content: "楼上噪音" }),
    form({ unit: "3栋1单元303", category: "停车", severity: "normal", content: "车位被占" }),
  ]) {
    const saved = submit(rt, f);
    if (!saved.ok) throw new Error(saved.message);
    ids.push(saved.id);
  }
  return { rt, ids };
}

/** Each complaint's computed cells, by ID, as displayed. */
function computedById(rt: Runtime): Record<string, { response: unknown; resolution: unknown; sla: unknown }> {
  const view = readSheet(rt, "complaints", true);
  return Object.fromEntries(
    view.rows.map((r) => [r["编号"], { response: r["响应时限"], resolution: r["解决时限"], sla: r["时效"] }]),
  );
}

/** Right after the hourly run has read the sheet: the lease is taken, the first write section begins. */
const betweenReadAndWrite = {
  call: "LockService.LockService.getDocumentLock",
  nth: 2,
  during: "runReminders",
};

describe("the hourly run while people work", () => {
  it("puts deadlines and SLA states on the right complaints when someone sorts mid-run", async () => {
    const control = await officeWithThree();
    control.rt.advanceBy(5 * HOUR);
    const expected = computedById(control.rt);

    const { rt } = await officeWithThree();
    const complaints = sheetName(rt, "complaints");
    const unitCol = readSheet(rt, "complaints").header.indexOf("房号") + 1;
    const sorted = rt.interleave(betweenReadAndWrite, () => rt.sheets.userSort(complaints, unitCol, false));
    rt.advanceBy(5 * HOUR);
    expect(sorted.fired).toBe(true);
    expect(readSheet(rt, "complaints").rows.map((r) => r["房号"])).toEqual([
      "3栋1单元303",
      "2栋1单元202",
      "1栋1单元101",
    ]);
    expect(computedById(rt)).toEqual(expected);
    expect(Object.values(expected).map((e) => e.sla)).toContain("已超时");
  });

  it("never writes SLA labels into a neighbouring column when a column is deleted mid-run", async () => {
    const { rt, ids } = await officeWithThree();
    typeInto(rt, ids[1] ?? "", ["状态"], "已响应");
    const acknowledged = complaintRow(rt, ids[1] ?? "").record["响应时间"];
    const complaints = sheetName(rt, "complaints");
    const locationCol = readSheet(rt, "complaints").header.indexOf("地点") + 1;
    const deleted = rt.interleave(betweenReadAndWrite, () =>
      rt.sheets.userDeleteColumns(complaints, locationCol, 1),
    );
    rt.advanceBy(5 * HOUR);
    expect(deleted.fired).toBe(true);
    const after = readSheet(rt, "complaints", true);
    expect(after.header).not.toContain("地点");
    expect(complaintRow(rt, ids[1] ?? "").record["响应时间"]).toEqual(acknowledged);
    expect(after.rows.map((r) => r["时效"])).toContain("已超时");
  });

  it("leaves a complaint resolved mid-run resolved, with its own SLA state and no false deadline moves", async () => {
    const { rt, ids } = await officeWithThree();
    const leak = ids[0] ?? "";
    typeInto(rt, leak, ["状态"], "已响应");
    const resolved = rt.interleave(betweenReadAndWrite, () => {
      typeInto(rt, leak, ["根本原因"], "");
      typeInto(rt, leak, ["状态"], "已解决");
    });
    rt.advanceBy(5 * HOUR);
    expect(resolved.fired).toBe(true);
    const row = complaintRow(rt, leak).record;
    expect(row["状态"]).toBe("已解决");
    expect(["按时完成", "超时完成"]).toContain(complaintRow(rt, leak).record["时效"]);
    expect(String(row["状态轨迹"])).toContain("已解决");
    const moves = logRows(rt).filter((r) => r["编号"] === leak && r["备注"] === "重新计算（日历或时限变更）");
    expect(moves).toHaveLength(0);
  });

  it("puts deadlines on the right complaints when someone inserts rows above them mid-run", async () => {
    const control = await officeWithThree();
    control.rt.advanceBy(5 * HOUR);
    const expected = computedById(control.rt);

    const { rt } = await officeWithThree();
    const complaints = sheetName(rt, "complaints");
    const inserted = rt.interleave(betweenReadAndWrite, () => rt.sheets.userInsertRows(complaints, 3, 2));
    rt.advanceBy(5 * HOUR);
    expect(inserted.fired).toBe(true);
    expect(computedById(rt)).toEqual(expected);
    // The two new rows stay empty: nothing computed landed in them.
    const view = readSheet(rt, "complaints");
    expect(view.rows).toHaveLength(3);
  });

  it("leaves no ghost row of deadline cells when a row is deleted mid-run", async () => {
    const { rt } = await officeWithThree();
    const complaints = sheetName(rt, "complaints");
    const deleted = rt.interleave(betweenReadAndWrite, () => rt.sheets.userDeleteRows(complaints, 4, 1));
    rt.advanceBy(5 * HOUR);
    expect(deleted.fired).toBe(true);
    const view = readSheet(rt, "complaints");
    expect(view.rows).toHaveLength(2);
    expect(view.rows.every((r) => r["编号"] && r["房号"])).toBe(true);
  });
});

describe("edits while the desk is busy or people keep typing", () => {
  it("keeps what a person types into the row while onEdit completes it", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "complaints");
    const name = view.name;
    const typing = rt.interleave({ call: "SpreadsheetApp.Range.setValues", during: "onEdit" }, () =>
      rt.sheets.userEdit(name, cellOf(view, 2, "地点"), "大堂"),
    );
    rt.edit(name, `${cellOf(view, 2, "房号")}:${cellOf(view, 2, "投诉内容")}`, [
      ["5栋1单元501", "赵女士", "13900001111", "噪音扰民", "一般", "", "夜间装修噪音"],
    ]);
    expect(typing.fired).toBe(true);
    const row = readSheet(rt, "complaints").rows[0] ?? {};
    expect(row["编号"]).toMatch(/^TS-2026-/);
    expect(row["地点"]).toBe("大堂");
    expect(row["投诉内容"]).toBe("夜间装修噪音");
  });

  it("tells the person in their language when the lock is busy, and the hourly sweep completes the row", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "complaints");
    const release = rt.holdLock("document");
    rt.edit(view.name, `${cellOf(view, 2, "房号")}:${cellOf(view, 2, "投诉内容")}`, [
      ["5栋1单元501", "赵女士", "13900001111", "噪音扰民", "一般", "", "夜间装修噪音"],
    ]);
    expect(lastToast(rt)).toContain("下一次整点运行");
    expect(readSheet(rt, "complaints").rows[0]?.["编号"]).toBe("");
    release();
    rt.advanceBy(HOUR);
    const row = readSheet(rt, "complaints").rows[0] ?? {};
    expect(row["编号"]).toMatch(/^TS-2026-/);
    expect(row["响应时限"]).toBeInstanceOf(Date);
    expect(logRows(rt).some((r) => r["编号"] === row["编号"] && r["变更项"] === "created")).toBe(true);
  });

  it("records a status change an edit could not settle at the next hourly run", async () => {
    const { rt, ids } = await officeWithThree();
    const release = rt.holdLock("document");
    typeInto(rt, ids[1] ?? "", ["状态"], "已响应");
    release();
    expect(logRows(rt).some((r) => r["编号"] === ids[1] && r["新值"] === "已响应")).toBe(false);
    rt.advanceBy(HOUR);
    expect(logRows(rt).some((r) => r["编号"] === ids[1] && r["新值"] === "已响应")).toBe(true);
    expect(String(complaintRow(rt, ids[1] ?? "").record["状态轨迹"])).toContain("已响应");
  });
});

describe("the record's identity survives what people do to the sheet", () => {
  it("puts back an ID cleared with Delete, instead of registering a new complaint", async () => {
    const { rt, ids } = await officeWithThree();
    const { view, row } = complaintRow(rt, ids[1] ?? "");
    typeInto(rt, ids[1] ?? "", ["状态"], "已响应");
    rt.edit(view.name, cellOf(view, row, "编号"), "");
    const after = readSheet(rt, "complaints").rows;
    expect(after.map((r) => r["编号"])).toEqual(ids);
    expect(after[1]?.["状态"]).toBe("已响应");
    expect(lastToast(rt)).toContain(ids[1]);
  });

  it("does not re-register rows whose IDs were pasted over, nor act on a pasted copy's duplicate ID", async () => {
    const { rt, ids } = await officeWithThree();
    const view = readSheet(rt, "complaints");
    rt.edit(view.name, `${cellOf(view, 3, "编号")}:${cellOf(view, 4, "编号")}`, [[""], [""]]);
    expect(readSheet(rt, "complaints").rows.map((r) => r["编号"])).toEqual([ids[0], "", ""]);
    expect(lastToast(rt)).toContain("编号被清除");
    rt.advanceBy(HOUR);
    expect(readSheet(rt, "complaints").rows.map((r) => r["编号"])).toEqual([ids[0], "", ""]);

    rt.edit(view.name, `${cellOf(view, 3, "编号")}:${cellOf(view, 4, "编号")}`, [[ids[0]], [ids[0]]]);
    expect(lastToast(rt)).toContain("重复");
  });

  it("keeps a resolved complaint resolved when old Log rows are trimmed away", async () => {
    const { rt, ids } = await officeWithThree();
    const noise = ids[1] ?? "";
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, noise, ["状态"], s);
    const log = sheetName(rt, "log");
    const rows = logRows(rt).length;
    rt.sheets.userDeleteRows(log, 2, rows);
    expect(logRows(rt)).toHaveLength(0);
    typeInto(rt, noise, ["经验教训"], "提前告知装修时间");
    expect(complaintRow(rt, noise).record["状态"]).toBe("已解决");
    typeInto(rt, noise, ["状态"], "处理中");
    expect(complaintRow(rt, noise).record["状态"]).toBe("已解决");
    expect(lastToast(rt)).toContain("修改已撤销");
  });

  it("keeps closed and resolved complaints as they are when the Log is deleted", async () => {
    const { rt, ids } = await officeWithThree();
    const noise = ids[1] ?? "";
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, noise, ["状态"], s);
    rt.sheets.userDeleteSheet(sheetName(rt, "log"));
    rt.run("setupWorkbook");
    const sentBefore = rt.outbox.length;
    rt.advanceBy(3 * 24 * HOUR);
    typeInto(rt, noise, ["跟踪反馈"], "业主表示满意");
    expect(complaintRow(rt, noise).record["状态"]).toBe("已解决");
    // Its call-back is due and reminded; the complaint itself is never chased again.
    const aboutNoise = rt.outbox
      .slice(sentBefore)
      .filter((m) => m.htmlBody.includes(noise) && !/回访|日报/.test(m.subject));
    expect(aboutNoise).toHaveLength(0);
  });
});

describe("values the desk cannot read", () => {
  it("keeps text typed into a date cell, says so, and notes the cell until it is a date", async () => {
    const { rt, ids } = await officeWithThree();
    const id = ids[1] ?? "";
    typeInto(rt, id, ["承诺完成时间"], "下周五前");
    const { view, row, record } = complaintRow(rt, id);
    expect(record["承诺完成时间"]).toBe("下周五前");
    expect(lastToast(rt)).toContain("下周五前");
    const note = () =>
      rt.meter.quietly(() =>
        rt.sheets.spreadsheet
          .getSheetByName(view.name)
          ?.getRange(cellOf(view, row, "承诺完成时间"))
          .getNote(),
      );
    expect(note()).toContain("下周五前");
    typeInto(rt, id, ["承诺完成时间"], "2026-03-06 17:00");
    expect(complaintRow(rt, id).record["承诺完成时间"]).toBeInstanceOf(Date);
    expect(note()).toBe("");
  });

  it("refuses a received time typed without a date, instead of a complaint received in 1899", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "complaints");
    rt.edit(view.name, `${cellOf(view, 2, "受理时间")}:${cellOf(view, 2, "投诉内容")}`, [
      ["14:30", "", "电话", "5栋1单元501", "赵女士", "13900001111", "噪音扰民", "一般", "", "夜间装修噪音"],
    ]);
    expect(readSheet(rt, "complaints").rows[0]?.["编号"]).toBe("");
    expect(lastToast(rt)).toContain("尚未登记");
    expect(lastToast(rt)).toContain("受理时间");
  });
});
