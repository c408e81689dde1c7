// The yearly archive, on the built bundle: closed complaints past archive.afterMonths leave the
// workbook with their call-back, Log and Sent rows only after a file in Drive holds them and
// read back whole; their figures stay in the Stats sheet; a unit's history still shows them; a
// run cut anywhere resumes with nothing lost or twice; open items are scored as before.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../local/emu/runtime";
import { type Row, readSheet, setSetting, typeInto } from "../../sim/workbook";
import { callbacks, record } from "./callbackHarness";
import { form, staffedOffice, submit } from "./harness";

const at = (iso: string) => Date.parse(`${iso}+08:00`);
/** Thirteen months on: everything closed in March 2026 is past the default 12 months, and a week more. */
const NEXT_YEAR = at("2027-04-06T10:00:00");

const idOf = (r: Row) => String(r["编号"] ?? "");
const cbIdOf = (r: Row) => String(r["回访编号"] ?? "");

interface Office {
  rt: Runtime;
  closed: string[];
  /** Call-backs of the closed complaints. */
  closedCallbacks: string[];
  /** Resolved, its call-back not made yet. */
  resolved: string;
  /** Still being worked on. */
  open: string;
}

function newComplaint(rt: Runtime, unit: string, location: string): string {
  const saved = submit(
    rt,
    form({ unit, category: "噪音扰民", severity: "normal", location, content: `${location}噪音` }),
  );
  if (!saved.ok) throw new Error(saved.message);
  return saved.id;
}

/**
 * Three complaints reminded about, resolved, called back the next day (after a call-back
 * reminder) and closed; one resolved whose call-back is still to make; one open.
 */
async function yearOldOffice(settings: Record<string, string> = {}, distDir?: string): Promise<Office> {
  const rt = await staffedOffice(distDir ? { distDir } : {});
  for (const [k, v] of Object.entries(settings)) setSetting(rt, k, v);
  const closed = [
    newComplaint(rt, "3栋2单元1201", "中心广场"),
    newComplaint(rt, "5栋1单元0502", "5号楼大堂"),
    newComplaint(rt, "7栋1单元0301", "地下车库"),
  ];
  const resolved = newComplaint(rt, "8栋2单元0101", "8号楼门口");
  const open = newComplaint(rt, "9栋1单元0909", "9号楼电梯厅");
  // First-response reminders go out in the afternoon: Sent rows about each complaint.
  rt.advanceTo(at("2026-03-02T14:10:00"));
  for (const id of [...closed, resolved])
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, id, ["状态"], s);
  typeInto(rt, open, ["状态"], "已响应");
  // Call-backs fall due the next day, and are reminded about.
  rt.advanceTo(at("2026-03-03T15:10:00"));
  const closedCallbacks = closed.map((id) => cbIdOf(callbacks(rt).find((r) => r["关联单号"] === id) ?? {}));
  for (const cb of closedCallbacks) expect(record(rt, cb, { satisfaction: "satisfied" }).ok).toBe(true);
  rt.advanceTo(at("2026-03-03T16:10:00"));
  return { rt, closed, closedCallbacks, resolved, open };
}

/** The hourly run at `when` (the clock jumps there: a year of hourly runs is not the point here). */
function hourlyAt(rt: Runtime, when: number) {
  rt.clock.set(when);
  try {
    rt.run("runReminders");
  } catch {
    // Recorded in rt.failures, as Google records a trigger's failure.
  }
}

const sheetRows = (rt: Runtime, key: "complaints" | "callbacks" | "log" | "sent") => readSheet(rt, key).rows;
const about = (rows: Row[], items: readonly string[]) =>
  rows.filter((r) => items.includes(String(r["编号"] ?? r["关联单号"] ?? "")) || items.includes(cbIdOf(r)));

function statsRows(rt: Runtime): Row[] {
  return rt.meter.quietly(() => {
    const sheet = rt.sheets.spreadsheet.getSheetByName("归档统计");
    if (!sheet) return [];
    const [header = [], ...rows] = sheet.getDataRange().getDisplayValues();
    return rows
      .filter((r) => r.some((c) => c !== ""))
      .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  });
}

const archiveFiles = (rt: Runtime) =>
  [...rt.drive.files.values()].filter((f) => f.mimeType === "application/json");

function fileContent(rt: Runtime, name: string) {
  const file = archiveFiles(rt).find((f) => f.name === name);
  if (!file?.content) throw new Error(`no archive file ${name}`);
  return JSON.parse(file.content) as {
    complaints: string[];
    sheets: Record<string, { header: string[]; rows: unknown[][] }>;
  };
}

/** Someone's cut: the run stops at its next service call after the nth matching one (6-minute limit). */
function cutAfter(rt: Runtime, call: string, nth = 1) {
  rt.interleave({ call, nth, during: "runReminders" }, () => {
    rt.interleave({ call: /.*/, during: "runReminders" }, () => rt.meter.charge(rt.quotas.executionMs));
  });
}

describe("archiving closed complaints", () => {
  it("moves the old closed complaints with their call-back, Log and Sent rows to a file in the year's folder, and keeps the rest", async () => {
    const { rt, closed, closedCallbacks, resolved, open } = await yearOldOffice();
    const items = [...closed, ...closedCallbacks];
    const before = {
      log: about(sheetRows(rt, "log"), items),
      sent: sheetRows(rt, "sent").filter((r) => items.includes(String(r["编号"]))),
      others: {
        log: sheetRows(rt, "log").length,
        callbacks: sheetRows(rt, "callbacks").length,
      },
      grid: rt.sheets.gridCells(),
    };
    expect(before.log.length).toBeGreaterThan(9);
    expect(before.sent.length).toBeGreaterThanOrEqual(3);

    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures).toEqual([]);

    // The live workbook keeps what is not done: the resolved one (call-back pending) and the open one.
    expect(sheetRows(rt, "complaints").map(idOf)).toEqual([resolved, open]);
    expect(sheetRows(rt, "callbacks").map((r) => r["关联单号"])).toEqual([resolved]);
    expect(about(sheetRows(rt, "log"), items)).toEqual([]);
    expect(sheetRows(rt, "sent").filter((r) => items.includes(String(r["编号"])))).toEqual([]);
    expect(about(sheetRows(rt, "log"), [resolved, open]).length).toBeGreaterThan(0);
    expect(sheetRows(rt, "log").length).toBeGreaterThanOrEqual(before.others.log - before.log.length);

    // One file in one folder for 2026, holding exactly the rows that left.
    const folders = [...rt.drive.files.values()].filter((f) => f.mimeType.endsWith("folder"));
    expect(folders.map((f) => f.name)).toEqual(["物业客服中心 归档 2026"]);
    expect(archiveFiles(rt).map((f) => [f.name, f.parents])).toEqual([
      ["物业客服中心 归档 2026 第1批.json", [folders[0]?.id]],
    ]);
    const file = fileContent(rt, "物业客服中心 归档 2026 第1批.json");
    expect(file.complaints.sort()).toEqual([...closed].sort());
    expect(file.sheets.complaints?.rows).toHaveLength(3);
    expect(file.sheets.callbacks?.rows).toHaveLength(3);
    expect(file.sheets.log?.rows).toHaveLength(before.log.length);
    expect(file.sheets.sent?.rows).toHaveLength(before.sent.length);
    expect(file.sheets.complaints?.header).toContain("状态轨迹");

    // Their figures stay in the Stats sheet, with a link to the file.
    const stats = statsRows(rt);
    expect(stats.map((r) => r["编号"]).sort()).toEqual([...closed].sort());
    const fileId = archiveFiles(rt)[0]?.id;
    for (const r of stats) {
      expect(r).toMatchObject({
        类别: "噪音扰民",
        时效: "按时完成",
        重开次数: "0",
        归档时间: "2027-04-06 10:00",
      });
      expect(r["归档文件"]).toBe(`https://drive.google.com/file/d/${fileId}/view`);
      expect(Number(r["首次响应（分钟）"])).toBeGreaterThan(0);
      expect(r["受理时间"]).toMatch(/^2026-03-02 09:0\d$/);
    }
    expect(stats.find((r) => r["编号"] === closed[0])?.["房号"]).toBe("3栋2单元1201");

    // The grid shrank by the rows that left (the Stats sheet adds a few cells).
    const after = rt.sheets.gridCells();
    expect(after.sheets["投诉"]).toBe((before.grid.sheets["投诉"] ?? 0) - 3 * 41);
    expect(after.sheets["日志"]).toBeLessThan(before.grid.sheets["日志"] ?? 0);
    expect(after.total).toBeLessThan(before.grid.total);
    expect(rt.properties.document.get("archive.journal")).toBeUndefined();
  });

  it("leaves everything in place while archive.afterMonths is 0, or the complaints are not old enough", async () => {
    const off = await yearOldOffice({ "archive.afterMonths": "0" });
    hourlyAt(off.rt, NEXT_YEAR);
    expect(sheetRows(off.rt, "complaints")).toHaveLength(5);
    expect(off.rt.drive.files.size).toBe(0);

    const young = await yearOldOffice();
    hourlyAt(young.rt, at("2027-03-05T10:00:00"));
    expect(sheetRows(young.rt, "complaints")).toHaveLength(5);
    expect(statsRows(young.rt)).toEqual([]);
  });

  it("re-scores and reminds about the open items exactly as in a workbook that keeps everything", async () => {
    const archived = await yearOldOffice();
    const kept = await yearOldOffice({ "archive.afterMonths": "0" });
    for (const o of [archived, kept]) {
      hourlyAt(o.rt, NEXT_YEAR);
      hourlyAt(o.rt, NEXT_YEAR + 3_600_000);
    }
    expect(sheetRows(archived.rt, "complaints")).toHaveLength(2);
    const live = (o: Office) =>
      sheetRows(o.rt, "complaints").filter((r) => [o.resolved, o.open].includes(idOf(r)));
    expect(live(archived)).toEqual(live(kept));
    expect(live(archived).find((r) => idOf(r) === archived.open)?.["时效"]).toBe("已超时");
    const mails = (o: Office) => o.rt.outbox.filter((m) => m.at >= NEXT_YEAR).map((m) => [m.to, m.subject]);
    expect(mails(archived)).toEqual(mails(kept));
    expect(mails(archived).length).toBeGreaterThan(0);
  });
});

/** The built bundle under another manifest: what an office gets when the script's settings differ. */
const bundles: string[] = [];
afterAll(() => {
  for (const dir of bundles.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function bundleWith(change: (manifest: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "desk-manifest-"));
  bundles.push(dir);
  cpSync("dist", dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8")) as Record<string, unknown>;
  change(manifest);
  writeFileSync(join(dir, "appsscript.json"), JSON.stringify(manifest));
  return dir;
}

describe("without Drive", () => {
  it("keeps everything in the workbook when the Drive service is not enabled, and the hourly run goes on", async () => {
    const dir = bundleWith((m) => {
      delete m.dependencies;
    });
    const { rt } = await yearOldOffice({}, dir);
    const mails = rt.outbox.length;
    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures).toEqual([]);
    expect(sheetRows(rt, "complaints")).toHaveLength(5);
    expect(rt.outbox.length).toBeGreaterThan(mails);
  });

  it("stops the archive, not the hourly run, when the manifest lacks the drive.file scope", async () => {
    const dir = bundleWith((m) => {
      m.oauthScopes = (m.oauthScopes as string[]).filter((s) => !s.endsWith("/drive.file"));
    });
    const { rt } = await yearOldOffice({}, dir);
    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures).toEqual([]);
    expect(sheetRows(rt, "complaints")).toHaveLength(5);
    expect(statsRows(rt)).toEqual([]);
    expect(rt.properties.document.get("lastRun.runReminders")).toBe(new Date(NEXT_YEAR).toISOString());
  });
});

describe("a unit whose history spans the archive", () => {
  it("lists the archived complaint and its call-back beside this year's, newest first", async () => {
    const { rt, closed } = await yearOldOffice();
    hourlyAt(rt, NEXT_YEAR);
    const unit = "3栋2单元1201";
    const fresh = newComplaint(rt, unit, "3号楼门口");
    const view = rt.callFromDialog("getUnitHistory", "3-2-1201") as {
      lines: { at: string; kind: string; id: string; text: string; status: string }[];
    };
    expect(view.lines.map((l) => [l.id, l.kind])).toEqual([
      [fresh, "投诉"],
      [expect.stringMatching(/^HF-2026-/), "投诉（已归档）"],
      [closed[0], "投诉（已归档）"],
    ]);
    expect(view.lines[2]).toMatchObject({ text: "噪音扰民: 中心广场噪音", status: "已关闭" });
    expect(view.lines[1]).toMatchObject({ status: "已回访" });
    expect(view.lines[1]?.text).toContain("满意");
  });

  it("still lists an archived complaint from its Stats row when the archive file was deleted", async () => {
    const { rt, closed } = await yearOldOffice();
    hourlyAt(rt, NEXT_YEAR);
    for (const f of archiveFiles(rt)) rt.drive.userDelete(f.id);
    const view = rt.callFromDialog("getUnitHistory", "5栋1单元0502") as {
      lines: { id: string; kind: string; text: string; status: string; at: string }[];
    };
    expect(view.lines).toEqual([
      {
        id: closed[1],
        kind: "投诉（已归档）",
        text: "噪音扰民",
        status: "已关闭",
        at: expect.stringMatching(/^2026-03-02/),
      },
    ]);
  });
});

describe("an interrupted archive", () => {
  it("resumes after a cut between the copy and the deletes: nothing removed before, one file and one Stats row each after", async () => {
    const { rt, closed } = await yearOldOffice();
    cutAfter(rt, "Drive.Files.create", 2);
    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures.map((f) => f.message)).toContain("Exceeded maximum execution time");
    // The file was written; nothing left the workbook.
    expect(archiveFiles(rt)).toHaveLength(1);
    expect(sheetRows(rt, "complaints")).toHaveLength(5);
    expect(statsRows(rt)).toEqual([]);
    expect(rt.properties.document.get("archive.journal")).toContain('"phase":"copy"');

    hourlyAt(rt, NEXT_YEAR + 3_600_000);
    expect(sheetRows(rt, "complaints").map(idOf)).not.toContain(closed[0]);
    expect(sheetRows(rt, "complaints")).toHaveLength(2);
    expect(archiveFiles(rt)).toHaveLength(1);
    expect(
      statsRows(rt)
        .map((r) => r["编号"])
        .sort(),
    ).toEqual([...closed].sort());
    expect(rt.properties.document.get("archive.journal")).toBeUndefined();
  });

  it("resumes after a cut between two deletes: the rest goes next hour, the Stats rows are not written twice", async () => {
    const { rt, closed, closedCallbacks } = await yearOldOffice();
    const items = [...closed, ...closedCallbacks];
    const logBefore = sheetRows(rt, "log").length;
    const logOfBatch = about(sheetRows(rt, "log"), items).length;
    // Set-up made the Stats sheet already: the 1st deleteRows deletes the complaints' block.
    cutAfter(rt, "SpreadsheetApp.Sheet.deleteRows", 1);
    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures.map((f) => f.message)).toContain("Exceeded maximum execution time");
    expect(sheetRows(rt, "complaints")).toHaveLength(2);
    // Their call-backs and Log rows are still there, and they are in the file and in Stats.
    expect(sheetRows(rt, "callbacks").length).toBe(4);
    expect(about(sheetRows(rt, "log"), items).length).toBe(logOfBatch);
    expect(statsRows(rt)).toHaveLength(3);
    expect(rt.properties.document.get("archive.journal")).toContain('"phase":"delete"');

    hourlyAt(rt, NEXT_YEAR + 3_600_000);
    expect(sheetRows(rt, "callbacks").length).toBe(1);
    expect(about(sheetRows(rt, "log"), items)).toEqual([]);
    expect(sheetRows(rt, "log").length).toBeGreaterThanOrEqual(logBefore - logOfBatch);
    expect(
      statsRows(rt)
        .map((r) => r["编号"])
        .sort(),
    ).toEqual([...closed].sort());
    expect(archiveFiles(rt)).toHaveLength(1);
    expect(rt.properties.document.get("archive.journal")).toBeUndefined();
  });

  it("keeps a complaint someone reopened after its copy was made, with its call-back and Log rows", async () => {
    const { rt, closed } = await yearOldOffice();
    const [reopened = ""] = closed;
    // While the file is being written, the owner calls again and the complaint is reopened.
    const edit = rt.interleave({ call: "Drive.Files.create", nth: 2, during: "runReminders" }, () => {
      typeInto(rt, reopened, ["状态"], "重新打开");
    });
    hourlyAt(rt, NEXT_YEAR);
    expect(edit.fired).toBe(true);
    expect(rt.failures).toEqual([]);
    expect(sheetRows(rt, "complaints").find((r) => idOf(r) === reopened)?.["状态"]).toBe("重新打开");
    expect(
      statsRows(rt)
        .map((r) => r["编号"])
        .sort(),
    ).toEqual(closed.slice(1).sort());
    expect(callbacks(rt).some((r) => r["关联单号"] === reopened)).toBe(true);
    expect(about(sheetRows(rt, "log"), [reopened]).length).toBeGreaterThan(3);
    // The file holds its copy too, but nothing points at it: the Stats sheet names only what left.
    expect(fileContent(rt, "物业客服中心 归档 2026 第1批.json").complaints).toContain(reopened);
  });

  it("archives a complaint changed after its copy was made as it is now, in a file of its own", async () => {
    const { rt, closed } = await yearOldOffice();
    const [changed = ""] = closed;
    // While the file is being written, the manager adds a lesson to the first complaint.
    rt.interleave({ call: "Drive.Files.create", nth: 2, during: "runReminders" }, () => {
      typeInto(rt, changed, ["经验教训"], "夜间巡逻加一班");
    });
    hourlyAt(rt, NEXT_YEAR);
    expect(rt.failures).toEqual([]);
    expect(sheetRows(rt, "complaints").map(idOf)).not.toContain(changed);
    const first = fileContent(rt, "物业客服中心 归档 2026 第1批.json");
    const second = fileContent(rt, "物业客服中心 归档 2026 第2批.json");
    expect(JSON.stringify(first.sheets.complaints?.rows)).not.toContain("夜间巡逻加一班");
    expect(second.complaints).toEqual([changed]);
    expect(JSON.stringify(second.sheets.complaints?.rows)).toContain("夜间巡逻加一班");
    const stats = statsRows(rt);
    expect(stats.map((r) => r["编号"]).sort()).toEqual([...closed].sort());
    const part2 = archiveFiles(rt).find((f) => f.name.endsWith("第2批.json"))?.id ?? "?";
    expect(stats.find((r) => r["编号"] === changed)?.["归档文件"]).toContain(part2);
    expect(stats.filter((r) => String(r["归档文件"]).includes(part2))).toHaveLength(1);
  });
});
