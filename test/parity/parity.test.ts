// The parity suite against the local runtime: every check passes here, and what a check
// times is exactly what the cost model charges here, so a run on Google (npm run parity)
// prints real times beside the model's for the same operations.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRuntime, type Runtime } from "../../local/emu/runtime";
import { buildParity } from "./build";
import { lineText, modelMs, type ParityGlobals, Recorder, timingTable } from "./report";
import { CHECKS, type CheckResult, runCheck } from "./suite";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const NOW = "2026-03-02T01:00:00Z";

/** The checks' globals: the runtime's own, its moving clock, and a second lock holder. */
function globalsOf(rt: Runtime, g: Readonly<Record<string, unknown>>): ParityGlobals {
  return {
    SpreadsheetApp: g.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    LockService: g.LockService as GoogleAppsScript.Lock.LockService,
    ScriptApp: g.ScriptApp as GoogleAppsScript.Script.ScriptApp,
    Utilities: g.Utilities as GoogleAppsScript.Utilities.Utilities,
    now: () => rt.clock.now(),
    otherHolds: (kind) => rt.holdLock(kind),
  };
}

async function runLocally(name: string): Promise<{ rt: Runtime; result: CheckResult }> {
  const check = CHECKS.find((c) => c.name === name);
  if (!check) throw new Error(`no check ${name}`);
  const rt = await createRuntime({ now: NOW });
  const result = rt.runWithGlobals(`parity: ${name}`, (g) => runCheck(globalsOf(rt, g), check));
  return { rt, result };
}

describe.each(CHECKS.map((c) => c.name))("parity check %s, on the local runtime", (name) => {
  it("passes every line, skips none, and leaves the workbook and triggers as they were", async () => {
    const { rt, result } = await runLocally(name);
    expect(result.lines.length).toBeGreaterThan(0);
    expect(result.lines.filter((l) => l.ok !== true).map(lineText)).toEqual([]);
    expect(rt.sheets.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect(rt.triggers()).toEqual([]);
  });

  it("times its operations exactly as the cost model charges them here", async () => {
    const { result } = await runLocally(name);
    expect(result.timings.length).toBeGreaterThan(0);
    for (const t of result.timings)
      expect(t.ms, `${t.op} × ${t.calls}, ${t.cells} cells`).toBeCloseTo(modelMs(t), 2);
  });
});

describe("the parity bundle (what npm run parity pushes)", () => {
  it("runs on the local runtime as it would on Google: all lines pass, contention skipped, a timing table", async () => {
    const dir = mkdtempSync(join(tmpdir(), "desk-parity-"));
    dirs.push(dir);
    await buildParity(dir);
    const rt = await createRuntime({ distDir: dir, now: NOW });
    expect(rt.entryPoints().sort()).toEqual(["parityNoop", "runParity"]);
    const text = String(rt.run("runParity"));
    expect(text.split("\n").filter((l) => l.startsWith("FAIL"))).toEqual([]);
    expect(text).toContain(
      "SKIP locks: contention (tryLock false, waitLock throws) — needs a second execution",
    );
    expect(text).toMatch(/0 failed/);
    expect(text).toContain("| check | operation | calls | cells | ms | model ms |");
    expect(text).toContain("| setValues sizes | SpreadsheetApp.Range.setValues | 1 | 10000 |");
    expect(rt.logs.join("\n")).toContain(text);
    expect(rt.triggers()).toEqual([]);
  });
});

describe("a parity report", () => {
  it("says what failed, with what came back and what was expected", () => {
    const r = new Recorder("typing", () => 0);
    r.same('"00123" loses its zeros', "00123", 123);
    r.throws("a ragged array is refused", () => undefined, /number of columns/);
    r.ok('"3-2" becomes a date', false, 'got "3-2"');
    expect(r.lines.map(lineText)).toEqual([
      'FAIL typing: "00123" loses its zeros — got "00123", expected 123',
      "FAIL typing: a ragged array is refused — did not throw",
      'FAIL typing: "3-2" becomes a date — got "3-2"',
    ]);
  });

  it("turns a check that throws into a failed line and still removes its scratch sheets", async () => {
    const rt = await createRuntime({ now: NOW });
    const result = rt.runWithGlobals("parity: broken", (g) =>
      runCheck(globalsOf(rt, g), {
        name: "broken",
        run: (_g, _r, scratch) => scratch().getRange(0, 1),
      }),
    );
    expect(result.lines.map(lineText)).toEqual([
      "FAIL broken: ran to the end — The starting row of the range is too small.",
    ]);
    expect(rt.sheets.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
  });

  it("prints timings as the cost model keys them, with the model's figure beside", () => {
    const table = timingTable([
      { check: "sizes", op: "SpreadsheetApp.Range.setValues", calls: 1, cells: 4000, ms: 48 },
      {
        check: "triggers",
        op: "ScriptApp.ScriptApp.newTrigger + ScriptApp.ClockTriggerBuilder.create",
        calls: 20,
        cells: 0,
        ms: 4100,
      },
    ]);
    expect(table.split("\n")).toEqual([
      "| check | operation | calls | cells | ms | model ms |",
      "|---|---|---|---|---|---|",
      "| sizes | SpreadsheetApp.Range.setValues | 1 | 4000 | 48 | 50 |",
      "| triggers | ScriptApp.ScriptApp.newTrigger + ScriptApp.ClockTriggerBuilder.create | 20 | 0 | 4100 | 800 |",
    ]);
  });
});
