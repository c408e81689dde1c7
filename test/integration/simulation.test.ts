// The office simulation behind `npm start`, shortened: both intake paths, triggers firing,
// and a workbook that survives the trip to .xlsx and back.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createRuntime } from "../../local/emu/runtime";
import { simulate } from "../../sim/simulate";
import { readSheet } from "../../sim/workbook";

const dir = mkdtempSync(join(tmpdir(), "desk-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("office simulation", () => {
  it("runs five days in English, leaving a workbook and an outbox", async () => {
    const result = await simulate({ start: "2026-09-28", days: 5, language: "en", seed: 3 });
    const { rt } = result;
    expect(result.logged.dialog).toBeGreaterThan(0);
    expect(result.logged.sheet).toBeGreaterThan(0);
    expect(rt.failures).toEqual([]);
    expect(result.emails.digests).toBeGreaterThanOrEqual(4);
    expect(result.emails.reminders).toBeGreaterThan(0);
    expect(result.services.dialog + result.services.sheet).toBeGreaterThan(0);
    expect(result.callbacks.done).toBeGreaterThan(0);
    expect(result.rejectedEdits).toEqual([]);
    const rows = readSheet(rt, "complaints").rows;
    expect(rows.length).toBe(result.logged.dialog + result.logged.sheet);
    expect(rows.every((r) => /^TS-2026-\d{6}$/.test(String(r.ID)))).toBe(true);

    const xlsx = join(dir, "workbook.xlsx");
    await rt.saveXlsx(xlsx);
    rt.writeOutbox(join(dir, "outbox"));
    const emls = readdirSync(join(dir, "outbox")).filter((f) => f.endsWith(".eml"));
    expect(emls).toHaveLength(rt.outbox.length);
    expect(readFileSync(join(dir, "outbox", emls[0] ?? ""), "utf8")).toMatch(
      /^Subject: \[Greenwood Gardens service desk\] /m,
    );

    const reopened = await createRuntime({ workbook: xlsx, now: new Date(rt.clock.now()) });
    const again = readSheet(reopened, "complaints");
    expect(again.rows.map((r) => r.ID)).toEqual(rows.map((r) => r.ID));
    expect(again.rows.map((r) => r.Unit)).toEqual(rows.map((r) => r.Unit));
    expect(again.rows.map((r) => String(r["Received at"]))).toEqual(
      rows.map((r) => String(r["Received at"])),
    );
  });
});
