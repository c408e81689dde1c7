// Set-up creates the workbook's sheets, repairs damage without losing rows, and is idempotent.
import { describe, expect, it } from "vitest";
import { cellOf, columnLetter, readSheet, setSetting } from "../../sim/workbook";
import { COMPLAINT_COLUMNS } from "../../src/sheets/schema";
import { SETTINGS } from "../../src/sheets/settingList";
import { alertsSince, complaints, form, newOffice, staffedOffice, submit } from "./harness";

const SHEETS = ["投诉", "设置", "投诉类别", "部门", "节假日", "日志", "发送记录"];

function snapshot(rt: Awaited<ReturnType<typeof newOffice>>) {
  return rt.meter.quietly(() =>
    rt.sheets.spreadsheet.getSheets().map((s) => {
      const all = s.getRange(1, 1, s.getMaxRows(), s.getMaxColumns());
      return {
        name: s.getName(),
        values: JSON.stringify(s.getDataRange().getValues()),
        formats: JSON.stringify(all.getNumberFormats()),
        validations: all.getDataValidations().flat().filter(Boolean).length,
        frozen: s.getFrozenRows(),
        rules: s.getConditionalFormatRules().length,
      };
    }),
  );
}

describe("set-up", () => {
  it("creates every sheet with headers, a frozen header row, plain-text columns and dropdowns", async () => {
    const rt = await newOffice();
    const ss = rt.sheets.spreadsheet;
    const names = ss.getSheets().map((s) => s.getName());
    for (const name of SHEETS) expect(names).toContain(name);
    expect(names).not.toContain("Sheet1");
    const view = readSheet(rt, "complaints");
    expect(view.header).toEqual(COMPLAINT_COLUMNS.map((c) => c.zh));
    const sheet = ss.getSheetByName("投诉");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getFrozenRows()).toBe(1);
    for (const header of ["编号", "房号", "联系电话", "投诉内容"]) {
      const col = view.header.indexOf(header) + 1;
      expect(sheet.getRange(2, col).getNumberFormat(), header).toBe("@");
      expect(sheet.getRange(sheet.getMaxRows(), col).getNumberFormat(), header).toBe("@");
    }
    const status = sheet.getRange(cellOf(view, 5, "状态")).getDataValidation();
    expect(status?.getCriteriaValues()[0]).toEqual([
      "新登记",
      "已响应",
      "处理中",
      "暂停",
      "已解决",
      "已关闭",
      "重新打开",
    ]);
    expect(
      sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]),
    ).toEqual(['=$T2="已超时"', '=$T2="即将到期"', '=$T2="暂停计时"']);
    const callbackRules = ss.getSheetByName("回访")?.getConditionalFormatRules() ?? [];
    expect(callbackRules[0]?.getBooleanCondition()?.getCriteriaValues()[0]).toBe(
      '=AND($T2="待回访",$K2<>"",$K2<NOW())',
    );
    const handlers = rt
      .triggers()
      .map((t) => t.getHandlerFunction())
      .sort();
    expect(handlers).toEqual(["runDailyDigest", "runReminders"]);
    const holidays = readSheet(rt, "holidays").rows.map((r) => Object.values(r)[2]);
    expect(holidays).toContain("国庆节");
  });

  it("seeds every declared setting with its note, and puts back one deleted later without touching the rest", async () => {
    const rt = await staffedOffice();
    const settings = () => readSheet(rt, "settings", true).rows.map((r) => Object.values(r).map(String));
    expect(settings().map(([key]) => key)).toEqual(SETTINGS.map((s) => s.key));
    expect(settings().find(([key]) => key === "units.match")?.[2]).toContain("只比对数字");
    setSetting(rt, "digest.hour", "9");
    const view = readSheet(rt, "settings");
    const at = view.rowNumber(view.rows.findIndex((r) => Object.values(r)[0] === "callback.maxAttempts"));
    rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName(view.name)?.deleteRow(at));
    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    expect(alertsSince(rt, alerts).join("\n")).toContain("callback.maxAttempts");
    const after = settings();
    expect(after.find(([key]) => key === "digest.hour")?.[1]).toBe("9");
    expect(after.find(([key]) => key === "manager.email")?.[1]).not.toBe("");
    expect(after.find(([key]) => key === "callback.maxAttempts")?.slice(1)).toEqual([
      "3",
      "联系不上业主时最多尝试几次后可按“无法联系”结案。",
    ]);
    expect(after).toHaveLength(SETTINGS.length);
  });

  it("changes nothing when run a second time", async () => {
    const rt = await staffedOffice();
    submit(rt, form());
    const before = snapshot(rt);
    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    expect(alertsSince(rt, alerts).join("\n")).toContain("一切就绪，没有改动");
    expect(snapshot(rt)).toEqual(before);
    expect(rt.triggers()).toHaveLength(2);
  });

  it("repairs renamed, reordered and deleted columns and a deleted sheet, keeping every row", async () => {
    const rt = await staffedOffice();
    const first = submit(rt, form({ unit: "1栋1单元0101" }));
    const second = submit(rt, form({ unit: "2栋1单元0202", category: "噪音扰民", severity: "normal" }));
    if (!first.ok || !second.ok) throw new Error("intake failed");
    const ss = rt.sheets.spreadsheet;
    const view = readSheet(rt, "complaints");
    const unitCol = view.header.indexOf("房号") + 1;
    const locationCol = view.header.indexOf("地点") + 1;
    rt.sheets.userEdit("投诉", `${cellOf(view, 1, "房号")}`, "房间编号"); // renamed to a name the desk doesn't know
    rt.sheets.userEdit("投诉", `${cellOf(view, 1, "业主")}`, "Owner"); // the other language's header
    rt.meter.quietly(() => ss.getSheetByName("投诉")?.deleteColumn(locationCol)); // a deleted column
    rt.sheets.userDeleteSheet("发送记录");
    expect(unitCol).toBeGreaterThan(0);

    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    const report = alertsSince(rt, alerts).join("\n");
    expect(report).toContain("列“房间编号”已改回“房号”");
    expect(report).toContain("列“Owner”已改回“业主”");
    expect(report).toContain("缺少的列“地点”已添加在末尾");
    expect(report).toContain("已创建工作表“发送记录”");

    const rows = complaints(rt);
    expect(rows.map((r) => r["编号"])).toEqual([first.id, second.id]);
    expect(rows.map((r) => r["房号"])).toEqual(["1栋1单元0101", "2栋1单元0202"]);
    expect(rows.map((r) => r["业主"])).toEqual(["王先生", "王先生"]);
    // The repaired sheet works again: a new complaint lands under the right headers.
    const third = submit(rt, form({ unit: "3栋1单元0303", location: "大堂" }));
    expect(third.ok).toBe(true);
    const last = complaints(rt).at(-1);
    expect(last?.["房号"]).toBe("3栋1单元0303");
    expect(last?.["地点"]).toBe("大堂");
  });

  it("keeps columns the office added and reports a changed order", async () => {
    const rt = await staffedOffice();
    submit(rt, form());
    const view = readSheet(rt, "complaints");
    const width = view.header.length;
    const sheet = rt.sheets.spreadsheet.getSheetByName("投诉");
    if (!sheet) throw new Error("no sheet");
    // The office swaps Owner and Contact (header and data) and adds its own column.
    const owner = view.header.indexOf("业主") + 1;
    rt.meter.quietly(() => {
      const a = sheet.getRange(1, owner, 2, 1).getValues();
      const b = sheet.getRange(1, owner + 1, 2, 1).getValues();
      sheet.getRange(1, owner, 2, 1).setValues(b);
      sheet.getRange(1, owner + 1, 2, 1).setValues(a);
    });
    rt.meter.quietly(() => sheet.insertColumnAfter(width));
    rt.sheets.userEdit("投诉", `${columnLetter(width + 1)}1:${columnLetter(width + 1)}2`, [
      ["回访备注"],
      ["业主很满意"],
    ]);
    const alerts = rt.ui.alerts.length;
    rt.run("setupWorkbook");
    const report = alertsSince(rt, alerts).join("\n");
    expect(report).toContain("列顺序与默认不同");
    expect(report).toContain(`列“回访备注 (${width + 1})”不是系统列，保持原样`);
    const rows = complaints(rt);
    expect(rows[0]?.["业主"]).toBe("王先生");
    expect(rows[0]?.["联系电话"]).toBe("13812345678");
    expect(rows[0]?.["回访备注"]).toBe("业主很满意");
  });
});

describe("lean sheets", () => {
  it("set-up leaves each sheet at its schema's width and a little typing room, and the health check shows the cells", async () => {
    const rt = await newOffice();
    const ss = rt.sheets.spreadsheet;
    const grid = (name: string) =>
      rt.meter.quietly(() => {
        const s = ss.getSheetByName(name);
        return s ? [s.getMaxRows(), s.getMaxColumns()] : [];
      });
    expect(grid("投诉")).toEqual([201, COMPLAINT_COLUMNS.length]);
    expect(grid("日志")).toEqual([2, 7]);
    expect(grid("发送记录")).toEqual([2, 7]);
    expect(grid("设置")[1]).toBe(3);
    const report = rt.callFromDialog("getHealthReport") as { info: string[]; problems: string[] };
    expect(report.info).toContain(
      `“投诉”：201 行 × ${COMPLAINT_COLUMNS.length} 列 = ${(201 * COMPLAINT_COLUMNS.length).toLocaleString("en-US")} 个单元格。`,
    );
    expect(report.info).toContain("“日志”：2 行 × 7 列 = 14 个单元格。");
    const total = rt.meter.quietly(() =>
      ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0),
    );
    expect(total).toBeLessThan(40_000);
    expect(report.info).toContain(
      `工作簿共有 ${total.toLocaleString("en-US")} 个单元格，占表格上限 1000 万个的 ${((total / 1e7) * 100).toFixed(1)}%。`,
    );
  });

  it("repair trims a padded sheet again, keeping every row and the office's own column", async () => {
    const rt = await staffedOffice();
    submit(rt, form());
    const log = rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName("日志"));
    if (!log) throw new Error("no log");
    const logRows = readSheet(rt, "log").rows.length;
    rt.meter.quietly(() => {
      log.insertColumnsAfter(7, 19);
      log.insertRowsAfter(log.getMaxRows(), 998);
      log.getRange(1, 9).setValue("审核人");
    });
    const report = rt.callFromDialog("getHealthReport") as { problems: string[]; repairable: boolean };
    expect(report.problems.join("\n")).toContain("“日志”：17 个空列和");
    expect(report.repairable).toBe(true);
    const lines = rt.callFromDialog("repairWorkbook") as string[];
    expect(lines.join("\n")).toMatch(/“日志”：已删除 17 个空列和 \d+ 个空行/);
    expect(rt.meter.quietly(() => [log.getMaxRows(), log.getMaxColumns()])).toEqual([logRows + 2, 9]);
    expect(readSheet(rt, "log").rows).toHaveLength(logRows);
    expect(readSheet(rt, "log").header[8]).toBe("审核人");
  });

  it("gives a typed sheet its empty rows back when people have used them up", async () => {
    const rt = await newOffice();
    const sheet = rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName("投诉"));
    if (!sheet) throw new Error("no sheet");
    // 170 rows typed since set-up left 200 empty ones.
    rt.meter.quietly(() =>
      sheet.getRange(2, 5, 170, 1).setValues(Array.from({ length: 170 }, (_, i) => [`1栋1单元${1000 + i}`])),
    );
    const report = rt.callFromDialog("getHealthReport") as { problems: string[]; repairable: boolean };
    expect(report.problems).toContain("“投诉”：只剩 30 个空行可供录入。");
    const lines = rt.callFromDialog("repairWorkbook") as string[];
    expect(lines).toContain("“投诉”：已添加 170 个空行供录入。");
    expect(rt.meter.quietly(() => sheet.getMaxRows())).toBe(371);
    // The new rows carry the sheet's formats and dropdowns.
    expect(rt.meter.quietly(() => sheet.getRange(371, 5).getNumberFormat())).toBe("@");
    expect((rt.callFromDialog("getHealthReport") as { repairable: boolean }).repairable).toBe(false);
  });

  it("warns from 60 % of the 10 M-cell limit, and more strongly from 80 %", async () => {
    const rt = await newOffice();
    const ss = rt.sheets.spreadsheet;
    const archive = rt.meter.quietly(() => ss.insertSheet("2024 存档"));
    rt.meter.quietly(() => archive.insertRowsAfter(1000, 249_000));
    const high = rt.callFromDialog("getHealthReport") as { problems: string[] };
    expect(high.problems.join("\n")).toMatch(/已占表格上限 1000 万个的 6\d\.\d%：请计划移出旧记录。/);
    rt.meter.quietly(() => archive.insertRowsAfter(250_000, 80_000));
    const critical = rt.callFromDialog("getHealthReport") as { problems: string[] };
    expect(critical.problems.join("\n")).toMatch(
      /已占表格上限 1000 万个的 8\d\.\d%：达到上限后将无法再保存任何内容/,
    );
  });
});

describe("menu", () => {
  it("offers every desk action in the office's language, each calling a function the bundle declares", async () => {
    const rt = await newOffice();
    rt.open();
    const menu = rt.ui.menus.find((m) => m.title === "物业客服");
    const items = (menu?.items ?? []).filter((i) => i.functionName);
    expect(items.map((i) => i.caption)).toEqual([
      "登记投诉…",
      "登记维修服务…",
      "登记回访…",
      "房号服务记录…",
      "导入业主档案…",
      "立即发送到期提醒",
      "立即发送经理日报",
      "重新计算时限",
      "确认我的身份…",
      "健康检查…",
      "初始化 / 修复工作簿",
    ]);
    for (const item of items) expect(rt.entryPoints()).toContain(item.functionName);
  });

  it("speaks English to an English-speaking office", async () => {
    const rt = await newOffice({ locale: "en_US" });
    rt.open();
    expect(rt.ui.menus.map((m) => m.title)).toContain("Property desk");
    expect(rt.sheets.spreadsheet.getSheets().map((s) => s.getName())).toEqual(
      expect.arrayContaining(["Complaints", "Call-backs", "Owners", "Settings", "Holidays", "Log", "Sent"]),
    );
  });
});
