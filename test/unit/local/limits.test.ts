// Limits Google enforces and the runtime now does too: malformed addresses and long subjects
// in MailApp, 100 KB cache values, unknown time zones meaning GMT, the 10-million-cell
// workbook, and a user's daily trigger time.
import { afterAll, describe, expect, it } from "vitest";
import { removeScripts, scriptRuntime } from "./script";

afterAll(removeScripts);

const CODE = `
function mail(message) { MailApp.sendEmail(Object.assign({ subject: "报修进度", body: "好" }, message)); }
function quota() { return MailApp.getRemainingDailyQuota(); }
function mailReplyTo(to, replyTo, subject, body) { MailApp.sendEmail(to, replyTo, subject, body); }
function cache(size) {
  var c = CacheService.getScriptCache();
  c.put("receipt", new Array(size + 1).join("x"), 600);
  return c.get("receipt").length;
}
function cached() { return CacheService.getScriptCache().get("receipt"); }
function format(zone) { return Utilities.formatDate(new Date("2026-03-02T01:30:00Z"), zone, "yyyy-MM-dd HH:mm"); }
function scriptZone() { return format(Session.getScriptTimeZone()); }
function sheetZone(zone) {
  var ss = SpreadsheetApp.getActive();
  ss.setSpreadsheetTimeZone(zone);
  var cell = ss.getSheets()[0].getRange("A1");
  cell.setNumberFormat("yyyy-mm-dd hh:mm");
  cell.setValue(new Date("2026-03-02T01:30:00Z"));
  return cell.getDisplayValue();
}
function grow(rows) { SpreadsheetApp.getActive().getSheets()[0].insertRowsAfter(1000, rows); }
function widen(columns) { SpreadsheetApp.getActive().getSheets()[0].insertColumnsAfter(26, columns); }
function addSheet(name) { SpreadsheetApp.getActive().insertSheet(name); }
function heavy() { for (var i = 0; i < 300; i++) SpreadsheetApp.flush(); }
function install() { ScriptApp.newTrigger("heavy").timeBased().everyHours(1).create(); }
`;

describe("MailApp", () => {
  it.each([
    ["to", { to: "wang@example.com, li@example..com" }, "li@example..com"],
    ["to", { to: "zhang@example.com。" }, "zhang@example.com。"],
    ["cc", { to: "wang@example.com", cc: "no-at-sign" }, "no-at-sign"],
    ["bcc", { to: "wang@example.com", bcc: "a b@example.com" }, "a b@example.com"],
    ["replyTo", { to: "wang@example.com", replyTo: "desk@" }, "desk@"],
  ])("refuses a malformed address in %s and sends nothing", async (_field, message, bad) => {
    const rt = await scriptRuntime(CODE);
    const before = rt.run("quota");
    expect(() => rt.run("mail", message)).toThrow(`Invalid email: ${bad}`);
    expect(rt.outbox).toHaveLength(0);
    expect(rt.run("quota")).toBe(before);
  });

  it("refuses a subject over 250 characters", async () => {
    const rt = await scriptRuntime(CODE);
    rt.run("mail", { to: "wang@example.com", subject: "投".repeat(250) });
    expect(() => rt.run("mail", { to: "wang@example.com", subject: "投".repeat(251) })).toThrow(
      "Argument too large: subject",
    );
    expect(rt.outbox.map((m) => m.subject.length)).toEqual([250]);
  });

  it("reads four strings as (to, replyTo, subject, body), and checks the reply-to address", async () => {
    const rt = await scriptRuntime(CODE);
    rt.run("mailReplyTo", "wang@example.com", "desk@example.com", "报修进度", "已派工");
    expect(rt.outbox.map((m) => [m.to, m.replyTo, m.subject, m.body])).toEqual([
      ["wang@example.com", "desk@example.com", "报修进度", "已派工"],
    ]);
    expect(() => rt.run("mailReplyTo", "wang@example.com", "desk@", "报修进度", "已派工")).toThrow(
      "Invalid email: desk@",
    );
  });

  it("accepts ordinary addresses, several at once", async () => {
    const rt = await scriptRuntime(CODE);
    rt.run("mail", {
      to: "wang.wei@greenwood-pm.example, li_na+desk@mail.example.cn",
      cc: "王经理 <m@example.com>",
    });
    expect(rt.outbox).toHaveLength(1);
  });
});

describe("CacheService", () => {
  it("refuses values over 100 KB and keeps nothing", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.run("cache", 100 * 1024)).toBe(100 * 1024);
    rt.advanceBy(601_000);
    expect(() => rt.run("cache", 100 * 1024 + 1)).toThrow("Argument too large: value");
    expect(rt.run("cached")).toBeNull();
  });
});

describe("time zones", () => {
  it("formats in GMT when the zone ID is unknown, as Java does", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.run("format", "Asia/Shanghai")).toBe("2026-03-02 09:30");
    expect(rt.run("format", "Beijing")).toBe("2026-03-02 01:30");
    expect(rt.run("format", "UTC+8")).toBe("2026-03-02 01:30");
    expect(rt.run("format", "GMT+8")).toBe("2026-03-02 09:30");
  });

  it("reads the spreadsheet in GMT when its zone was set to an unknown ID", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.run("sheetZone", "Asia/Shanghai")).toBe("2026-03-02 09:30");
    expect(rt.run("sheetZone", "Beijing")).toBe("2026-03-02 01:30");
  });

  it("runs a bundle whose script zone is unknown, in GMT, instead of crashing", async () => {
    const rt = await scriptRuntime(CODE, { timeZone: "UTC+8" });
    expect(rt.run("scriptZone")).toBe("2026-03-02 01:30");
  });
});

describe("the 10-million-cell workbook", () => {
  const message =
    "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";

  it("refuses rows, columns, sheets and pastes that would take the grid past 10 million cells", async () => {
    const rt = await scriptRuntime(CODE);
    expect(rt.sheets.gridCells()).toEqual({ sheets: { Sheet1: 26_000 }, total: 26_000, limit: 10_000_000 });
    // 384,615 rows × 26 columns = 9,999,990 cells: the most this sheet can have.
    rt.run("grow", 384_615 - 1000);
    expect(rt.sheets.gridCells().total).toBe(9_999_990);
    expect(() => rt.run("grow", 1)).toThrow(message);
    expect(() => rt.run("widen", 1)).toThrow(message);
    expect(() => rt.run("addSheet", "Log")).toThrow(message);
    expect(() => rt.sheets.userEdit("Sheet1", "A384615", [["a"], ["b"]])).toThrow(message);
    expect(() => rt.sheets.userInsertRows("Sheet1", 2, 1)).toThrow(message);
    expect(rt.sheets.gridCells().total).toBe(9_999_990);
    rt.sheets.userDeleteRows("Sheet1", 2, 1000);
    rt.run("addSheet", "Log");
    expect(rt.sheets.gridCells().sheets).toEqual({ Sheet1: 9_973_990, Log: 26_000 });
  });
});

describe("daily trigger time", () => {
  const heavy = { costs: { perCallMs: { "SpreadsheetApp.SpreadsheetApp.flush": 1000 } } };

  it("fails a user's trigger runs past 90 minutes a day on a consumer account", async () => {
    const rt = await scriptRuntime(CODE, heavy);
    rt.run("install");
    rt.advanceBy(20 * 3_600_000);
    // Each run models 5 minutes: 18 of them use the 90 minutes, the 19th and 20th fail.
    const runs = rt.meter.executions.filter((e) => e.label === "heavy");
    expect(runs).toHaveLength(20);
    expect(rt.failures.map((f) => f.message)).toEqual([
      "Service using too much computer time for one day.",
      "Service using too much computer time for one day.",
    ]);
    expect(rt.triggerTime().usedMs).toBeGreaterThanOrEqual(90 * 60_000);
    // The runs at hours 21 to 24 fail too; the quota resets 24 hours after its first use.
    rt.advanceBy(5 * 3_600_000);
    expect(rt.failures).toHaveLength(6);
    expect(rt.meter.executions.at(-1)?.error).toBeUndefined();
  });

  it("allows six hours on a Workspace account", async () => {
    const rt = await scriptRuntime(CODE, { ...heavy, account: "workspace", user: "desk@greenwood.example" });
    rt.run("install");
    rt.advanceBy(20 * 3_600_000);
    expect(rt.failures).toHaveLength(0);
    expect(rt.triggerTime().limitMs).toBe(6 * 3_600_000);
  });
});
