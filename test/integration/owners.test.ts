// The owner registry: importing a list with a preview, flagging unknown units, a unit's history.
import { describe, expect, it } from "vitest";
import { readSheet, typeInto } from "../../sim/workbook";
import { form, staffedOffice, submit } from "./harness";

type Report = {
  ok: boolean;
  message: string;
  rows: { line: number; unit: string; action: string; problem: string }[];
  counts: { add: number; update: number; same: number; rejected: number };
};
const LIST = [
  "房号\t业主/住户\t联系电话\t首选联系方式\t重点业主\t服务需求备注",
  "3栋2单元1201\t王先生\t+86 138 0013 8000\t微信\t是\t=老人独居，<b>优先</b>上门",
  "5栋1单元0502\t李女士\t0571-8877 6655\t电话\t否\t",
  "\t无名\t139\t\t\t",
  "3-2-1201\t王先生（重复）\t\t\t\t",
  "6栋1单元0101\t赵\t\t飞鸽传书\t\t",
].join("\n");

describe("owner registry", () => {
  it("previews an import without writing, then imports only the rows that passed, phones kept as text", async () => {
    const rt = await staffedOffice();
    const preview = rt.callFromDialog("previewOwners", LIST) as Report;
    expect(preview.counts).toEqual({ add: 2, update: 0, same: 0, rejected: 3 });
    expect(preview.rows.filter((r) => r.problem).map((r) => r.problem)).toEqual([
      "第 4 行：没有房号",
      "第 5 行：房号 3-2-1201 与第 2 行重复",
      "第 6 行：首选联系方式“飞鸽传书”应为电话、微信、短信、上门或邮件",
    ]);
    expect(readSheet(rt, "owners").rows).toHaveLength(0);

    const done = rt.callFromDialog("importOwners", LIST, "imp-1") as Report;
    expect(done.message).toBe(
      "已导入：新增 2 户，更新 0 户，0 户无变化；3 行被拒绝，未导入。没有删除任何记录。",
    );
    expect(done.rows.map((r) => r.line)).toEqual([4, 5, 6]);
    const owners = readSheet(rt, "owners").rows;
    expect(owners.map((o) => [o["房号"], o["联系电话"], o["首选联系方式"], o["重点业主"]])).toEqual([
      ["3栋2单元1201", "+86 138 0013 8000", "微信", "是"],
      ["5栋1单元0502", "0571-8877 6655", "电话", "否"],
    ]);
    expect(owners[0]?.["服务需求备注"]).toBe("=老人独居，<b>优先</b>上门");
    expect(rt.callFromDialog("importOwners", LIST, "imp-1")).toEqual(done);
    expect(readSheet(rt, "owners").rows).toHaveLength(2);

    const update = rt.callFromDialog("importOwners", "房号,联系电话\n5-1-502,13900001111", "imp-2") as Report;
    expect(update.counts).toEqual({ add: 0, update: 1, same: 0, rejected: 0 });
    expect(readSheet(rt, "owners").rows[1]).toMatchObject({
      房号: "5栋1单元0502",
      "业主/住户": "李女士",
      联系电话: "13900001111",
      首选联系方式: "电话",
    });
  });

  it("refuses a list without a unit column", async () => {
    const rt = await staffedOffice();
    const report = rt.callFromDialog("importOwners", "业主,电话\n王,139", "imp-3") as Report;
    expect(report).toMatchObject({ ok: false, message: "名单中没有“房号”列，无法导入。" });
  });

  it("flags an unknown unit with the registry's spelling, keeping what was typed", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog("importOwners", LIST, "imp-4");
    const near = submit(rt, form({ unit: "3-2-1201" }));
    expect(near.ok && near.message).toContain("房号“3-2-1201”不在业主档案中，是否为“3栋2单元1201”？");
    const unknown = submit(rt, form({ unit: "99栋9单元9999" }));
    expect(unknown.ok && unknown.message).toContain("房号“99栋9单元9999”不在业主档案中。");
    const known = submit(rt, form({ unit: "3栋2单元1201" }));
    expect(known.ok && known.message).not.toContain("业主档案");
    const notes = rt.meter.quietly(() =>
      rt.sheets.spreadsheet.getSheetByName("投诉")?.getRange("E2:E4").getNotes(),
    );
    expect(notes?.map((n) => n[0])).toEqual([
      "房号“3-2-1201”不在业主档案中，是否为“3栋2单元1201”？",
      "房号“99栋9单元9999”不在业主档案中。",
      "",
    ]);
    expect(readSheet(rt, "complaints").rows.map((r) => r["房号"])).toEqual([
      "3-2-1201",
      "99栋9单元9999",
      "3栋2单元1201",
    ]);
  });

  it("shows a unit's complaints and call-backs in time order, whatever the spelling", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog("importOwners", LIST, "imp-5");
    const first = submit(rt, form({ unit: "3栋2单元1201", category: "噪音扰民", severity: "normal" }));
    if (!first.ok) throw new Error(first.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, first.id, ["状态"], s);
    rt.advanceBy(3_600_000);
    submit(rt, form({ unit: "3-2-1201", content: "楼上漏水" }));
    const view = rt.callFromDialog("getUnitHistory", "3-2-1201") as {
      owner: { names: string } | null;
      lines: { id: string; kind: string }[];
    };
    expect(view.owner?.names).toBe("王先生");
    expect(view.lines.map((l) => l.id)).toEqual(["TS-2026-000002", "HF-2026-000001", first.id]);
  });
});

describe("flagging pasted rows", () => {
  it("flags every unknown unit of a pasted block with one read and one write of notes", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog("importOwners", LIST, "imp-6");
    const view = readSheet(rt, "complaints");
    const row = (unit: string) => ["电话", unit, "王先生", "13812345678", "噪音扰民", "一般", "广场", "太吵"];
    rt.meter.reset();
    rt.edit("投诉", `D2:K4`, [row("3-2-1201"), row("3栋2单元1201"), row("8-8-808")]);
    expect(rt.meter.snapshot()["SpreadsheetApp.Range.setNotes"]).toBe(1);
    const notes = rt.meter.quietly(() =>
      rt.sheets.spreadsheet.getSheetByName(view.name)?.getRange("E2:E4").getNotes(),
    );
    expect(notes?.map((n) => n[0])).toEqual([
      "房号“3-2-1201”不在业主档案中，是否为“3栋2单元1201”？",
      "",
      "房号“8-8-808”不在业主档案中。",
    ]);
    expect(rt.sheets.toasts.at(-1)?.message).toContain("房号“8-8-808”不在业主档案中。");
  });
});

describe("imports that keep the registry", () => {
  it("keeps owners without a unit, blank rows and the office's own columns; changes only the cells the list names", async () => {
    const rt = await staffedOffice();
    const view = readSheet(rt, "owners");
    // The office typed its registry by hand: an owner whose unit is not known yet, a blank
    // row, and a column of its own (车位) after ours.
    rt.sheets.userEdit(view.name, "G1", "车位");
    rt.sheets.userEdit(view.name, "A2:G5", [
      ["3栋2单元1201", "王先生", "13900000001", "电话", "否", "", "B-012"],
      ["", "刘女士", "13700001111", "", "", "房号待确认，新业主", ""],
      ["", "", "", "", "", "", ""],
      ["5栋1单元0502", "李女士", "", "", "", "老人独居", "C-101"],
    ]);
    const list =
      "房号\t联系电话\t服务需求备注\n3-2-1201\t13800138000\t\n5栋1单元0502\t\t老人独居\n8栋1单元0801\t13600000000\t新入住";
    const preview = rt.callFromDialog("previewOwners", list) as Report;
    expect(preview.counts).toEqual({ add: 1, update: 1, same: 1, rejected: 0 });
    expect(preview.rows.map((r) => r.action)).toEqual(["更新联系电话", "无变化", "新增"]);
    expect(preview.message).toContain("不会被删除");

    const done = rt.callFromDialog("importOwners", list, "keep-1") as Report;
    expect(done).toMatchObject({ ok: true, counts: { add: 1, update: 1, same: 1, rejected: 0 } });
    const after = readSheet(rt, "owners");
    expect(
      after.rows.map((r) => [r["房号"], r["业主/住户"], r["联系电话"], r["服务需求备注"], r["车位"]]),
    ).toEqual([
      ["3栋2单元1201", "王先生", "13800138000", "", "B-012"],
      ["", "刘女士", "13700001111", "房号待确认，新业主", ""],
      ["5栋1单元0502", "李女士", "", "老人独居", "C-101"],
      ["8栋1单元0801", "", "13600000000", "新入住", ""],
    ]);
    // The blank row stays where the office left it; the new owner goes after the last used row.
    expect(after.rowNumber(3)).toBe(6);
  });

  it("does not write over a row a person is typing at the bottom of the sheet", async () => {
    const rt = await staffedOffice();
    rt.callFromDialog("importOwners", LIST, "bottom-1");
    const view = readSheet(rt, "owners");
    rt.sheets.userEdit(view.name, "B4:C4", [["赵先生", "13500000000"]]);
    rt.callFromDialog("importOwners", "房号\n9栋9单元0909", "bottom-2");
    const rows = readSheet(rt, "owners").rows;
    expect(rows.map((r) => [r["房号"], r["业主/住户"]])).toEqual([
      ["3栋2单元1201", "王先生"],
      ["5栋1单元0502", "李女士"],
      ["", "赵先生"],
      ["9栋9单元0909", ""],
    ]);
  });

  it("imports 20,000 owners, reports them, and answers a repeated click with the same counts", async () => {
    const rt = await staffedOffice();
    const lines = ["房号\t业主/住户\t联系电话\t首选联系方式\t服务需求备注"];
    for (let i = 0; i < 20_000; i++) {
      const building = 1 + Math.floor(i / 400);
      const unit = 1 + Math.floor((i % 400) / 100);
      const room = 101 + (i % 100);
      lines.push(
        `${building}栋${unit}单元${room}\t业主${i}\t138${String(i).padStart(8, "0")}\t电话\t备注 ${i}`,
      );
    }
    lines.push("\t无房号\t139\t\t");
    const text = lines.join("\n");
    const done = rt.callFromDialog("importOwners", text, "big-1") as Report;
    expect(done).toMatchObject({ ok: true, counts: { add: 20_000, update: 0, same: 0, rejected: 1 } });
    expect(done.message).toBe(
      "已导入：新增 20000 户，更新 0 户，0 户无变化；1 行被拒绝，未导入。没有删除任何记录。",
    );
    expect(rt.failures).toEqual([]);
    const owners = readSheet(rt, "owners").rows;
    expect(owners).toHaveLength(20_000);
    expect(owners[19_999]).toMatchObject({ 房号: "50栋4单元200", 联系电话: "13800019999" });
    const again = rt.callFromDialog("importOwners", text, "big-1") as Report;
    expect(again).toMatchObject({ ok: true, message: done.message, counts: done.counts });
    expect(readSheet(rt, "owners").rows).toHaveLength(20_000);

    // The same list again, one phone changed: one update, the rest already up to date.
    const changed = text.replace("13800000007", "13999999999");
    const second = rt.callFromDialog("importOwners", changed, "big-2") as Report;
    expect(second.counts).toEqual({ add: 0, update: 1, same: 19_999, rejected: 1 });
    expect(readSheet(rt, "owners").rows[7]?.["联系电话"]).toBe("13999999999");
  }, 120_000);
});
