// The runtime shell: executions, quotas, triggers, locks, properties, cache, dialogs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRuntime } from "../../../local/emu/runtime";

const dist = mkdtempSync(join(tmpdir(), "desk-dist-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
writeFileSync(
  join(dist, "Code.js"),
  `var global = this;
function now() {}
function mail() {}
function tick() {}
function install() {}
function lockIt() {}
function remember() {}
function cached() {}
function slow() {}
function echo() {}
function page() {}
function onEdit() {}
(() => {
  global.now = () => new Date().toISOString();
  global.mail = (to) => MailApp.sendEmail({ to, subject: "报修进度", htmlBody: "<b>好</b>", body: "好" });
  global.tick = () => Logger.log("tick " + new Date().toISOString());
  global.install = (h) => ScriptApp.newTrigger(h).timeBased().everyHours(h === "tick" ? 1 : 2).create();
  global.lockIt = () => LockService.getDocumentLock().tryLock(1000);
  global.remember = (v) => PropertiesService.getDocumentProperties().setProperty("k", v);
  global.cached = (v) => { const c = CacheService.getScriptCache(); if (v) c.put("k", v, 60); return c.get("k"); };
  global.slow = () => { for (let i = 0; i < 100; i++) SpreadsheetApp.flush(); return "done"; };
  global.echo = (x) => ({ got: x, at: new Date().toISOString() });
  global.page = (who) => { const t = HtmlService.createTemplateFromFile("page"); t.who = who; return t.evaluate().getContent(); };
  global.onEdit = (e) => MailApp.sendEmail("a@x.example", "edit", String(e.value));
})();
`,
);
writeFileSync(join(dist, "page.html"), "<p>Hello <?= who ?> / <?!= who ?></p>");

const runtime = (extra = {}) =>
  createRuntime({ distDir: dist, now: "2026-03-02T01:00:00Z", user: "a@x.example", ...extra });

describe("local runtime", () => {
  it("lists the bundle's entry points and runs them on the simulated clock", async () => {
    const rt = await runtime();
    expect(rt.entryPoints()).toEqual(expect.arrayContaining(["now", "mail", "onEdit"]));
    expect(rt.run("now")).toBe("2026-03-02T01:00:00.000Z");
    rt.advanceBy(3_600_000);
    expect(String(rt.run("now"))).toMatch(/^2026-03-02T02:00:00/);
  });

  it("enforces the daily email quota and writes the outbox as .eml", async () => {
    const rt = await runtime({ quotas: { emailRecipientsPerDay: 2 } });
    rt.run("mail", "b@x.example");
    rt.run("mail", "c@x.example, d@x.example".split(",")[0]);
    expect(() => rt.run("mail", "e@x.example")).toThrow("Service invoked too many times for one day: email.");
    expect(rt.outbox.map((m) => m.to)).toEqual(["b@x.example", "c@x.example"]);
    rt.advanceBy(24 * 3_600_000);
    rt.run("mail", "e@x.example");
    const out = join(dist, "outbox");
    rt.writeOutbox(out);
    const eml = readFileSync(join(out, "001-报修进度.eml"), "utf8");
    expect(eml).toContain(`Subject: =?UTF-8?B?${Buffer.from("报修进度").toString("base64")}?=`);
    expect(eml).toContain("Content-Type: text/html; charset=UTF-8");
    expect(readFileSync(join(out, "index.md"), "utf8")).toContain("e@x.example");
  });

  it("forbids email from a simple onEdit trigger", async () => {
    const rt = await runtime();
    rt.sheets.userEdit("Sheet1", "A1", "x");
    rt.edit("Sheet1", "A1", "y");
    expect(rt.outbox).toHaveLength(0);
    expect(rt.failures[0]?.message).toMatch(/permission to call MailApp.sendEmail/);
  });

  it("fires time-driven triggers in order and limits them to 20 per user", async () => {
    const rt = await runtime();
    rt.run("install", "tick");
    rt.run("install", "now");
    rt.advanceBy(4 * 3_600_000 + 1000);
    expect(rt.meter.executions.slice(2).map((e) => e.label)).toEqual([
      "tick",
      "tick",
      "now",
      "tick",
      "tick",
      "now",
    ]);
    for (let i = 0; i < 18; i++) rt.run("install", "now");
    expect(() => rt.run("install", "now")).toThrow(/too many triggers/);
  });

  it("makes tryLock fail while someone else holds the lock", async () => {
    const rt = await runtime();
    const release = rt.holdLock("document");
    expect(rt.run("lockIt")).toBe(false);
    release();
    expect(rt.run("lockIt")).toBe(true);
  });

  it("limits property values to 9 KB and lets the cache expire on the clock", async () => {
    const rt = await runtime();
    expect(() => rt.run("remember", "x".repeat(10_000))).toThrow("Argument too large: value");
    expect(rt.run("cached", "v")).toBe("v");
    rt.advanceBy(61_000);
    expect(rt.run("cached")).toBeNull();
  });

  it("stops an execution that runs past the 6-minute limit", async () => {
    const rt = await runtime({ costs: { perCallMs: { "SpreadsheetApp.SpreadsheetApp.flush": 5_000 } } });
    expect(() => rt.run("slow")).toThrow("Exceeded maximum execution time");
    expect(rt.failures.at(-1)?.name).toBe("slow");
  });

  it("passes dialog calls as JSON and refuses Dates, like google.script.run", async () => {
    const rt = await runtime();
    expect(rt.callFromDialog("echo", { a: [1, "二"] })).toEqual({
      got: { a: [1, "二"] },
      at: "2026-03-02T01:00:00.000Z",
    });
    expect(() => rt.callFromDialog("echo", new Date())).toThrow(/illegal value/);
  });

  it("escapes <?= ?> in templates and not <?!= ?>", async () => {
    const rt = await runtime();
    expect(rt.run("page", "<i>王</i>")).toBe("<p>Hello &lt;i&gt;王&lt;/i&gt; / <i>王</i></p>");
  });
});
