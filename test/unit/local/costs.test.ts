// The cost model the bench and the 6-minute limit rely on.
import { describe, expect, it } from "vitest";
import { CALIBRATED, callMs, flushMs, pessimisticMs } from "../../../local/costs";
import { Meter } from "../../../local/meter";

describe("Meter executions", () => {
  it("charges an execution started inside another to the inner one, then resumes the outer", () => {
    const meter = new Meter();
    meter.beginExecution("outer", 0, 360_000);
    meter.charge(100);
    meter.beginExecution("inner", 0, 30_000);
    meter.charge(40);
    expect(meter.elapsedMs).toBe(40);
    const inner = meter.endExecution();
    expect(inner?.label).toBe("inner");
    expect(inner?.modelledMs).toBe(40);
    expect(meter.elapsedMs).toBe(100);
    meter.charge(5);
    expect(meter.endExecution()?.modelledMs).toBe(105);
    expect(meter.elapsedMs).toBe(0);
    expect(meter.running).toBe(false);
  });

  it("stops the inner execution at its own limit, not the outer one's", () => {
    const meter = new Meter();
    meter.beginExecution("run", 0, 360_000);
    meter.beginExecution("dialog", 0, 1_000);
    expect(() => meter.charge(1_500)).toThrow("Exceeded maximum execution time");
  });
});

describe("calibrated cost model", () => {
  const run = (calls: (m: Meter) => void) => {
    const meter = new Meter();
    meter.beginExecution("test", 0, 360_000);
    calls(meter);
    const record = meter.endExecution();
    if (!record) throw new Error("no record");
    return record;
  };
  const range = (m: Meter, member: string, cells: number) =>
    m.record("SpreadsheetApp", `Range.${member}`, cells);

  it("makes a read after an unflushed write pay for the flush first", () => {
    const clean = run((m) => {
      range(m, "getValues", 10);
      range(m, "setValues", 10);
    });
    const dirty = run((m) => {
      range(m, "setValues", 10);
      range(m, "getValues", 10);
    });
    // Same calls; in `clean` the write is committed at the end instead, so both pay one flush.
    expect(dirty.flushes).toBe(1);
    expect(clean.flushes).toBe(1);
    const interleaved = run((m) => {
      for (let i = 0; i < 10; i++) {
        range(m, "setValues", 10);
        range(m, "getValues", 10);
      }
    });
    const batched = run((m) => {
      for (let i = 0; i < 10; i++) range(m, "getValues", 10);
      for (let i = 0; i < 10; i++) range(m, "setValues", 10);
    });
    expect(interleaved.flushes).toBe(10);
    expect(batched.flushes).toBe(1);
    // Ten small commits instead of one commit of the same cells: nine extra flush bases.
    expect(interleaved.modelledMs - batched.modelledMs).toBeCloseTo(
      10 * flushMs(CALIBRATED, 10) - flushMs(CALIBRATED, 100),
      6,
    );
  });

  it("does not charge a second flush for a read right after an explicit flush", () => {
    const r = run((m) => {
      range(m, "setValues", 100);
      m.record("SpreadsheetApp", "SpreadsheetApp.flush");
      range(m, "getValues", 100);
    });
    expect(r.flushes).toBe(1);
  });

  it("prices a 4,000-cell setValues at about 50 ms and its flush at about 610 ms, as published", () => {
    const write = callMs(CALIBRATED, "SpreadsheetApp.Range.setValues", 4000);
    expect(write).toBeGreaterThan(40);
    expect(write).toBeLessThan(55);
    const withFlush = run((m) => {
      range(m, "setValues", 4000);
      m.record("SpreadsheetApp", "SpreadsheetApp.flush");
    });
    expect(withFlush.modelledMs).toBeGreaterThan(610 * 0.9);
    expect(withFlush.modelledMs).toBeLessThan(610 * 1.1);
  });

  it("prices 400 ten-cell rows written one by one with a flush each at about 12 s, as published", () => {
    const r = run((m) => {
      for (let i = 0; i < 400; i++) {
        range(m, "setValues", 10);
        m.record("SpreadsheetApp", "SpreadsheetApp.flush");
      }
    });
    expect(r.modelledMs / 1000).toBeGreaterThan(11);
    expect(r.modelledMs / 1000).toBeLessThan(13.5);
  });

  it("counts cells read and written per execution, by any family", () => {
    const r = run((m) => {
      range(m, "getValues", 1000);
      range(m, "getDisplayValues", 20);
      range(m, "setValues", 30);
      range(m, "setNumberFormats", 30);
      range(m, "setDataValidations", 5);
      m.record("SpreadsheetApp", "Sheet.getLastRow");
    });
    expect(r.cellsRead).toBe(1020);
    expect(r.cellsWritten).toBe(65);
  });

  it("charges display values, validation writes and TextFinder scans by their own per-cell costs", () => {
    const values = callMs(CALIBRATED, "SpreadsheetApp.Range.getValues", 10_000);
    expect(callMs(CALIBRATED, "SpreadsheetApp.Range.getDisplayValues", 10_000)).toBeGreaterThan(values);
    expect(callMs(CALIBRATED, "SpreadsheetApp.Range.setDataValidations", 1000)).toBeGreaterThan(
      callMs(CALIBRATED, "SpreadsheetApp.Range.setValues", 1000),
    );
    const small = callMs(CALIBRATED, "SpreadsheetApp.TextFinder.findAll", 1000);
    const large = callMs(CALIBRATED, "SpreadsheetApp.TextFinder.findAll", 1_000_000);
    expect(large - small).toBeCloseTo(999_000 * CALIBRATED.scanPerCellMs, 6);
  });

  it("prices properties, cache and mail at their published averages", () => {
    expect(callMs(CALIBRATED, "PropertiesService.Properties.getProperty")).toBe(30);
    expect(callMs(CALIBRATED, "PropertiesService.Properties.setProperty")).toBe(62);
    expect(callMs(CALIBRATED, "CacheService.Cache.get")).toBe(3);
    expect(callMs(CALIBRATED, "CacheService.Cache.put")).toBe(93);
    expect(callMs(CALIBRATED, "MailApp.MailApp.sendEmail")).toBeLessThanOrEqual(1200);
  });

  it("lets a per-call figure override the model, as tests do to force the time limit", () => {
    const meter = new Meter();
    meter.costs.perCallMs["MailApp.MailApp.sendEmail"] = 300_000;
    meter.beginExecution("run", 0, 360_000);
    meter.record("MailApp", "MailApp.sendEmail");
    expect(() => meter.record("MailApp", "MailApp.sendEmail")).toThrow("Exceeded maximum execution time");
  });

  it("puts the pessimistic band at the multiplier times the calibrated time, waits unscaled", () => {
    expect(CALIBRATED.pessimisticMultiplier).toBe(3);
    const r = run((m) => {
      range(m, "getValues", 50_000);
      m.charge(1_000); // a held lock waited for
    });
    expect(r.waitedMs).toBe(1_000);
    expect(pessimisticMs(CALIBRATED, r.modelledMs, r.waitedMs)).toBeCloseTo(
      (r.modelledMs - 1_000) * 3 + 1_000,
      6,
    );
    expect(pessimisticMs(CALIBRATED, 2_000)).toBe(6_000);
  });
});
