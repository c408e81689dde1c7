// What people do to the workbook's structure: a deleted header row, a renamed sheet, a
// deleted Settings sheet. The desk recognises each, says so in the office's language, and
// repairs without taking a record for a header or losing a row.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { readSheet, typeInto } from "../../sim/workbook";
import { COMPLAINT_COLUMNS } from "../../src/sheets/schema";
import { alertsSince, complaints, form, type newOffice, staffedOffice, submit } from "./harness";

type Rt = Awaited<ReturnType<typeof newOffice>>;
type Report = { ok: boolean; problems: string[]; info: string[]; repairable: boolean };
const health = (rt: Rt) => rt.callFromDialog("getHealthReport") as Report;
const sheet = (rt: Rt, name: string) => {
  const s = rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName(name));
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

async function twoComplaints() {
  const rt = await staffedOffice();
  const a = submit(rt, form({ unit: "1栋1单元0101", channel: "phone" }));
  const b = submit(
    rt,
    form({ unit: "2栋1单元0202", channel: "wechat", category: "噪音扰民", severity: "normal" }),
  );
  if (!a.ok || !b.ok) throw new Error("intake failed");
  return { rt, ids: [a.id, b.id] };
}

describe("a deleted header row", () => {
  it("is reported, and repair inserts a header row above the records without renaming any value", async () => {
    const { rt, ids } = await twoComplaints();
    const width = readSheet(rt, "complaints").header.length;
    rt.meter.quietly(() => sheet(rt, "投诉").deleteRow(1));

    const report = health(rt);
    expect(report.problems.join("\n")).toContain(`“投诉”：第 1 行是一条记录而不是列名（开头为“${ids[0]}`);
    expect(report.problems.join("\n")).not.toContain("联系电话");
    expect(report.repairable).toBe(true);

    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    const done = alertsSince(rt, alerts).join("\n");
    expect(done).toContain("“投诉”：表头行缺失，已在第一条记录");
    expect(done).not.toContain("已改回");
    expect(done).not.toContain("已添加在末尾");

    const view = readSheet(rt, "complaints");
    expect(view.header).toEqual(COMPLAINT_COLUMNS.map((c) => c.zh));
    expect(view.header).toHaveLength(width);
    const rows = complaints(rt);
    expect(rows.map((r) => r["编号"])).toEqual(ids);
    expect(rows.map((r) => r["渠道"])).toEqual(["电话", "微信"]);
    expect(rows.map((r) => r["房号"])).toEqual(["1栋1单元0101", "2栋1单元0202"]);
    // The desk finds its complaints by ID again: a status typed into the first one is acted on.
    typeInto(rt, ids[0] ?? "", ["状态"], "已响应");
    expect(complaints(rt)[0]?.["响应人"]).toBe(STAFF.assistants[0]);
    expect(health(rt).repairable).toBe(false);
  });

  it("puts back the office's own column order remembered at set-up", async () => {
    const { rt, ids } = await twoComplaints();
    const s = sheet(rt, "投诉");
    const view = readSheet(rt, "complaints");
    const owner = view.header.indexOf("业主") + 1;
    // The office swaps Owner and Contact (headers and data), then runs set-up.
    rt.meter.quietly(() => {
      const a = s.getRange(1, owner, 3, 1).getValues();
      const b = s.getRange(1, owner + 1, 3, 1).getValues();
      s.getRange(1, owner, 3, 1).setValues(b);
      s.getRange(1, owner + 1, 3, 1).setValues(a);
    });
    rt.run("setupWorkbook");
    rt.meter.quietly(() => s.deleteRow(1));
    rt.run("setupWorkbook");
    const rows = complaints(rt);
    expect(rows.map((r) => r["编号"])).toEqual(ids);
    expect(rows[0]?.["业主"]).toBe("王先生");
    expect(rows[0]?.["联系电话"]).toBe("13812345678");
  });

  it("with column names lower down (a title row above), says what to tidy and takes no value for a header", async () => {
    const { rt, ids } = await twoComplaints();
    rt.meter.quietly(() => {
      const s = sheet(rt, "投诉");
      s.insertRowsBefore(1, 1);
      s.getRange(1, 1).setValue("绿城花园 投诉登记表");
    });
    const advice =
      "“投诉”：列名在第 2 行而不在第 1 行，系统无法读取该表：请删除或移走其上方的 1 行，然后运行初始化。";
    const report = health(rt);
    expect(report.problems).toContain(advice);
    expect(report.repairable).toBe(false);
    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    expect(alertsSince(rt, alerts).join("\n")).toContain(advice);
    expect(rt.meter.quietly(() => sheet(rt, "投诉").getRange(1, 1, 1, 3).getValues()[0])).toEqual([
      "绿城花园 投诉登记表",
      "",
      "",
    ]);
    rt.meter.quietly(() => sheet(rt, "投诉").deleteRow(1));
    expect(health(rt).repairable).toBe(false);
    expect(complaints(rt).map((r) => r["编号"])).toEqual(ids);
  });
});

describe("a renamed sheet", () => {
  it("is named by the health check and renamed back by the repair, with the office's emails", async () => {
    const rt = await staffedOffice();
    rt.sheets.userRenameSheet("部门", "部门 (old)");
    const report = health(rt);
    const text = report.problems.join("\n");
    expect(text).toContain("工作表“部门”被改名为“部门 (old)”；修复时将改回原名。");
    expect(text).not.toContain("缺少工作表“部门”");
    expect(report.repairable).toBe(true);

    rt.run("setupWorkbook");
    const names = rt.meter.quietly(() => rt.sheets.spreadsheet.getSheets().map((s) => s.getName()));
    expect(names).toContain("部门");
    expect(names).not.toContain("部门 (old)");
    const heads = readSheet(rt, "departments").rows.map((r) => r["负责人邮箱"]);
    expect(heads).toEqual(STAFF.departments.map((d) => d.headEmail));
    expect(health(rt).problems.join("\n")).not.toContain("邮箱");
  });

  it("left beside a new sheet of the same name (an older repair), is pointed out, never overwritten", async () => {
    const rt = await staffedOffice();
    rt.sheets.userRenameSheet("部门", "部门 (old)");
    rt.meter.quietly(() => rt.sheets.spreadsheet.insertSheet("部门"));
    rt.run("setupWorkbook");
    const info = (rt.callFromDialog("getHealthReport") as Report).info;
    expect(info).toContain(
      "工作表“部门 (old)”的列与“部门”相同（可能是改名前的原表或副本）；系统只读取“部门”，如有需要请把其中的内容复制过去。",
    );
    const old = rt.meter.quietly(() => sheet(rt, "部门 (old)").getDataRange().getValues());
    expect(old.slice(1).map((r) => r[2])).toEqual(STAFF.departments.map((d) => d.headEmail));
  });

  it("a dialog saving into it says where the sheet went and how to put it back", async () => {
    const rt = await staffedOffice();
    rt.sheets.userRenameSheet("投诉", "投诉（旧）");
    const result = submit(rt, form());
    expect(result).toMatchObject({
      ok: false,
      message:
        "缺少工作表“投诉”：它似乎被改名为“投诉（旧）”。请运行 物业客服 → 初始化 / 修复工作簿，把它改回原名。",
    });
  });

  it("in English names the sheet the same way", async () => {
    const rt = await staffedOffice({ locale: "en_US" });
    rt.sheets.userRenameSheet("Departments", "Departments (old)");
    expect(health(rt).problems).toContain(
      'The Departments sheet was renamed to "Departments (old)"; repair renames it back.',
    );
  });
});

describe("a deleted Settings sheet", () => {
  it("is explained in the edit toast in Chinese with the fix, not as a raw error", async () => {
    const { rt, ids } = await twoComplaints();
    rt.sheets.userDeleteSheet("设置");
    const before = rt.sheets.toasts.length;
    typeInto(rt, ids[0] ?? "", ["状态"], "已响应");
    const toasts = rt.sheets.toasts.slice(before).map((t) => t.message);
    expect(toasts).toContain("缺少工作表“设置”：请运行 物业客服 → 初始化 / 修复工作簿。");
    expect(toasts.join("\n")).not.toMatch(/MissingSheetError|Missing sheet/);
  });

  it("is explained by the menu runs, and set-up brings it back", async () => {
    const rt = await staffedOffice();
    rt.sheets.userDeleteSheet("设置");
    const alerts = rt.ui.alerts.length;
    rt.run("rescoreDeadlines");
    expect(alertsSince(rt, alerts).join("\n")).toBe(
      "缺少工作表“设置”：请运行 物业客服 → 初始化 / 修复工作簿。",
    );
    rt.run("setupWorkbook");
    expect(readSheet(rt, "settings").rows.length).toBeGreaterThan(5);
  });
});
