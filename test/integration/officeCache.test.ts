// The office's settings, categories, departments and holidays are kept in the document cache
// for a few minutes, so an edit or a dialog does not read four sheets first. A person's edit in
// one of those sheets is seen by the very next action; a change no edit announces (a script's
// write, a deleted row) within the cache's five minutes; a deleted sheet at once.
import { describe, expect, it } from "vitest";
import { typeNewRow } from "../../bench/actions";
import type { Runtime } from "../../local/emu/runtime";
import { cellOf, readSheet } from "../../sim/workbook";
import { complaints, staffedOffice } from "./harness";

/** A person types a whole complaint (noise, normal) into the next empty row. */
function typeComplaint(rt: Runtime, unit: string) {
  typeNewRow(rt, unit, "2026-03-02 08:40");
  const typed = complaints(rt).find((r) => r["房号"] === unit);
  if (!typed) throw new Error(`no complaint for ${unit}`);
  return typed;
}

/** The Categories cell holding the department of noise complaints of normal severity. */
function noiseDepartmentCell(rt: Runtime): { sheet: string; a1: string } {
  const view = readSheet(rt, "categories");
  const i = view.rows.findIndex((r) => r["类别"] === "噪音扰民" && r["严重程度"] === "一般");
  if (i < 0) throw new Error("no noise/normal category");
  return { sheet: view.name, a1: cellOf(view, view.rowNumber(i), "责任部门") };
}

/** Reads of whole sheets in the last execution: loading the office's lists costs four. */
const sheetReads = (rt: Runtime, before: number) =>
  (rt.meter.snapshot()["SpreadsheetApp.Sheet.getDataRange"] ?? 0) - before;
const dataRangeCalls = (rt: Runtime) => rt.meter.snapshot()["SpreadsheetApp.Sheet.getDataRange"] ?? 0;

describe("the office's lists in the cache", () => {
  it("reads them once for a run of edits, and a person's edit of Categories is used by the next row at once", async () => {
    const rt = await staffedOffice();
    const first = typeComplaint(rt, "1栋1单元0101");
    const department = first["责任部门"];
    expect(department).not.toBe("");

    rt.meter.reset();
    const before = dataRangeCalls(rt);
    typeComplaint(rt, "1栋1单元0102");
    // The second edit found the lists in the cache: no configuration sheet was read.
    expect(sheetReads(rt, before)).toBe(0);

    const cell = noiseDepartmentCell(rt);
    const other = department === "安防" ? "客服" : "安防";
    expect(rt.edit(cell.sheet, cell.a1, other).accepted).toBe(true);
    expect(typeComplaint(rt, "1栋1单元0103")["责任部门"]).toBe(other);
  });

  it("sees a change no edit announced once the cache's five minutes are over", async () => {
    const rt = await staffedOffice();
    const department = typeComplaint(rt, "2栋1单元0201")["责任部门"];
    const cell = noiseDepartmentCell(rt);
    const other = department === "安防" ? "客服" : "安防";
    // Written without an onEdit (as a script or a sort would): the cache cannot know.
    rt.sheets.userEdit(cell.sheet, cell.a1, other);
    rt.advanceBy(5 * 60_000 + 1_000);
    expect(typeComplaint(rt, "2栋1单元0202")["责任部门"]).toBe(other);
  });

  it("works on, reading the lists each time, when they are too large for the cache", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "settings");
    // Three notes of 20,000 Chinese characters: 180 KB of UTF-8, past the cache's 100 KB.
    for (const i of [0, 1, 2])
      rt.edit(view.name, cellOf(view, view.rowNumber(i), view.header[2] ?? ""), "说明".repeat(10_000));
    expect(typeComplaint(rt, "4栋1单元0401")["编号"]).not.toBe("");
    expect(typeComplaint(rt, "4栋1单元0402")["编号"]).not.toBe("");
    expect(rt.failures).toEqual([]);
  });

  it("still explains a deleted Settings sheet at the next edit, cached or not", async () => {
    const rt = await staffedOffice();
    typeComplaint(rt, "3栋1单元0301");
    rt.sheets.userDeleteSheet("设置");
    const view = readSheet(rt, "complaints");
    const before = rt.sheets.toasts.length;
    rt.edit("投诉", cellOf(view, view.rowNumber(0), "地点"), "2栋大堂");
    expect(rt.sheets.toasts.slice(before).map((t) => t.message)).toContain(
      "缺少工作表“设置”：请运行 物业客服 → 初始化 / 修复工作簿。",
    );
  });
});
