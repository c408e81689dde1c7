// Executions that overlap: a person's edit, sort, row or column insert, a deleted sheet, or
// another execution landing between an execution's read and its write; locks as on Google;
// a clock that moves while a run works.
import { afterAll, describe, expect, it } from "vitest";
import { removeScripts, scriptRuntime } from "./script";

afterAll(removeScripts);

const CODE = `
var seen = [];
function sheet() { return SpreadsheetApp.getActive().getSheetByName("Sheet1"); }
// Reads a block, then writes it back by position: the pattern issue 8 forbids.
function stampByPosition() {
  var s = sheet();
  var ids = s.getRange(2, 1, 3, 1).getValues();
  s.getRange(2, 2, 3, 1).setValues(ids.map(function (r) { return ["for " + r[0]]; }));
}
function rewriteRow() {
  var s = sheet();
  var row = s.getRange(2, 1, 1, 3).getValues();
  row[0][0] = "computed";
  s.getRange(2, 1, 1, 3).setValues(row);
}
function onEdit(e) {
  seen.push({ running: e.range.getA1Notation(), value: e.value });
}
function holdThen(kind) {
  var lock = kind === "script" ? LockService.getScriptLock() : LockService.getDocumentLock();
  var got = lock.tryLock(1000);
  SpreadsheetApp.flush();
  return got;
}
function tryFor(kind, ms) {
  var lock = kind === "script" ? LockService.getScriptLock() : LockService.getDocumentLock();
  return lock.tryLock(ms);
}
function waitFor(kind, ms) {
  var lock = kind === "script" ? LockService.getScriptLock() : LockService.getDocumentLock();
  lock.waitLock(ms);
  return true;
}
function budgeted() {
  var start = Date.now();
  for (var i = 0; i < 10000; i++) {
    if (Date.now() - start > 270000) return i;
    SpreadsheetApp.flush();
  }
  return -1;
}
function now() { return new Date().toISOString(); }
function twoFlushes() { SpreadsheetApp.flush(); SpreadsheetApp.flush(); SpreadsheetApp.getActive().getName(); }
`;

async function seeded(options = {}) {
  const rt = await scriptRuntime(CODE, options);
  rt.sheets.userEdit("Sheet1", "A1", [
    ["ID", "Note", "Where"],
    ["C", "", "3楼"],
    ["A", "", "1楼"],
    ["B", "", "2楼"],
  ]);
  rt.meter.quietly(() => sheet(rt).setFrozenRows(1));
  return rt;
}

const sheet = (rt: Awaited<ReturnType<typeof seeded>>, name = "Sheet1") => {
  const s = rt.sheets.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no ${name}`);
  return s;
};
const values = (rt: Awaited<ReturnType<typeof seeded>>, a1: string) =>
  rt.meter.quietly(() => sheet(rt).getRange(a1).getValues());

describe("interleaving", () => {
  it("lands a person's edit, as its own onEdit execution, between a run's read and write", async () => {
    const rt = await seeded();
    const during: string[][] = [];
    const hit = rt.interleave({ call: "SpreadsheetApp.Range.setValues", during: "rewriteRow" }, () => {
      rt.edit("Sheet1", "C2", "3楼东侧");
      during.push(rt.running());
    });
    rt.run("rewriteRow");
    expect(hit.fired).toBe(true);
    expect(rt.context.seen).toEqual([{ running: "C2", value: "3楼东侧" }]);
    // The edit ran inside the run, and the run's write-back of its old read erased it.
    expect(rt.meter.executions.map((e) => e.label)).toEqual(["onEdit", "rewriteRow"]);
    expect(values(rt, "A2:C2")).toEqual([["computed", "", "3楼"]]);
    expect(during).toEqual([["rewriteRow"]]);
  });

  it("moves rows under a run when a person sorts, so writes by position land on other records", async () => {
    const rt = await seeded();
    rt.meter.quietly(() => sheet(rt).getRange("A2").setNote("first complaint"));
    rt.interleave({ call: "SpreadsheetApp.Range.setValues" }, () => rt.sheets.userSort("Sheet1", 1));
    rt.run("stampByPosition");
    expect(values(rt, "A1:B4")).toEqual([
      ["ID", "Note"],
      ["A", "for C"],
      ["B", "for A"],
      ["C", "for B"],
    ]);
    expect(rt.meter.quietly(() => sheet(rt).getRange("A4").getNote())).toBe("first complaint");
  });

  it("shifts the rows or columns a run addresses when a person inserts or deletes them", async () => {
    const rows = await seeded();
    rows.interleave({ call: "SpreadsheetApp.Range.setValues" }, () =>
      rows.sheets.userInsertRows("Sheet1", 3, 1),
    );
    rows.run("stampByPosition");
    expect(values(rows, "A2:B5")).toEqual([
      ["C", "for C"],
      ["", "for A"],
      ["A", "for B"],
      ["B", ""],
    ]);

    const columns = await seeded();
    columns.interleave({ call: "SpreadsheetApp.Range.setValues" }, () =>
      columns.sheets.userDeleteColumns("Sheet1", 2, 1),
    );
    columns.run("stampByPosition");
    // The Note column is gone: the stamps overwrote the neighbouring Where column.
    expect(values(columns, "A1:B4")).toEqual([
      ["ID", "Where"],
      ["C", "for C"],
      ["A", "for A"],
      ["B", "for B"],
    ]);
  });

  it("fails a run whose sheet a person deleted between two of its calls", async () => {
    const rt = await seeded();
    rt.sheets.spreadsheet.insertSheet("Other");
    rt.interleave({ call: "SpreadsheetApp.Range.setValues" }, () => rt.sheets.userDeleteSheet("Sheet1"));
    expect(() => rt.run("stampByPosition")).toThrow(/setValues/);
    expect(rt.failures.at(-1)?.name).toBe("stampByPosition");
  });

  it("fires once, at the nth matching call", async () => {
    const rt = await seeded();
    const at: string[] = [];
    rt.interleave({ call: "SpreadsheetApp.Range.getValues", nth: 2 }, () => at.push("second read"));
    rt.run("stampByPosition");
    expect(at).toEqual([]);
    rt.run("stampByPosition");
    rt.run("stampByPosition");
    expect(at).toEqual(["second read"]);
  });
});

describe("locks as on Google", () => {
  it("keeps the script lock and the document lock apart: holding one does not exclude the other", async () => {
    const rt = await seeded();
    const inner: unknown[] = [];
    rt.interleave({ call: "SpreadsheetApp.SpreadsheetApp.flush", during: "holdThen" }, () => {
      inner.push(rt.run("tryFor", "document", 1000));
    });
    expect(rt.run("holdThen", "script")).toBe(true);
    expect(inner).toEqual([true]);
  });

  it("makes an overlapping run wait its whole timeout for a lock an outer run holds, then fail", async () => {
    const rt = await seeded();
    const inner: unknown[] = [];
    rt.interleave({ call: "SpreadsheetApp.SpreadsheetApp.flush", during: "holdThen" }, () => {
      inner.push(rt.run("tryFor", "document", 5000));
      try {
        rt.run("waitFor", "document", 2000);
      } catch (e) {
        inner.push((e as Error).message);
      }
    });
    rt.run("holdThen", "document");
    expect(inner).toEqual([false, "Lock timeout: another process was holding the lock for too long."]);
    const [tried, waited] = rt.meter.executions.filter((e) => e.label !== "holdThen");
    expect(tried?.modelledMs).toBeGreaterThanOrEqual(5000);
    expect(waited?.modelledMs).toBeGreaterThanOrEqual(2000);
    expect(rt.failures.map((f) => f.name)).toEqual(["waitFor"]);
    // The outer run's lock goes with its end.
    expect(rt.run("tryFor", "document", 0)).toBe(true);
  });

  it("lets a wait take a lock its holder frees part-way through, charging only the wait", async () => {
    const rt = await seeded();
    rt.holdLock("document", { releaseAfterMs: 3000 });
    expect(rt.run("tryFor", "document", 1000)).toBe(false);
    expect(rt.meter.executions.at(-1)?.modelledMs).toBeGreaterThanOrEqual(1000);
    expect(rt.run("tryFor", "document", 10_000)).toBe(true);
    const waited = rt.meter.executions.at(-1)?.modelledMs ?? 0;
    expect(waited).toBeGreaterThan(1500);
    expect(waited).toBeLessThan(2500);
  });
});

describe("the clock during a run", () => {
  const slowFlush = { costs: { perCallMs: { "SpreadsheetApp.SpreadsheetApp.flush": 1000 } } };

  it("moves with modelled time, so a run's own time budget can stop it", async () => {
    const rt = await seeded(slowFlush);
    const start = rt.clock.now();
    const steps = rt.run("budgeted") as number;
    expect(steps).toBeGreaterThan(200);
    expect(steps).toBeLessThan(300);
    const modelled = rt.meter.executions.at(-1)?.modelledMs ?? 0;
    expect(modelled).toBeGreaterThan(270_000);
    expect(rt.clock.now()).toBe(start + Math.ceil(modelled));
  });

  it("starts an overlapping execution at the time the outer one has reached", async () => {
    const rt = await seeded(slowFlush);
    const start = rt.clock.now();
    let inner = "";
    rt.interleave({ call: "SpreadsheetApp.Spreadsheet.getName", during: "twoFlushes" }, () => {
      inner = rt.run("now") as string;
    });
    rt.run("twoFlushes");
    expect(Date.parse(inner) - start).toBeGreaterThanOrEqual(2000);
    expect(Date.parse(inner) - start).toBeLessThan(3000);
  });
});
