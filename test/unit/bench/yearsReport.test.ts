// How the five-year benchmark turns a few measured runs into a day's trigger time: an hourly run
// that happened to archive a batch must not count as if every hour did.
import { describe, expect, it } from "vitest";
import { archivePerComplaint, dailyTriggerTime, median, spread } from "../../../bench/years/report";
import type { RunFigures } from "../../../bench/years/sampleDay";

const run = (calibratedMs: number, archived = 0): RunFigures => ({
  calibratedMs,
  pessimisticMs: 3 * calibratedMs,
  calls: 0,
  cellsRead: 0,
  cellsWritten: 0,
  archived,
});

describe("a day's trigger time from the measured runs", () => {
  it("counts 24 plain hourly runs, the digest, and the archive's cost for a day's complaints", () => {
    const hourly = [run(40_000), run(44_000), run(190_000, 100), run(36_000)];
    const day = dailyTriggerTime(hourly, [run(9_000)], hourly, 30);
    // The plain runs' mean is 40 s; the archiving run cost 150 s more for 100 complaints.
    expect(day.base.calibratedMs).toBe(40_000);
    expect(day.perComplaint?.calibratedMs).toBe(1_500);
    expect(day.total.calibratedMs).toBe(24 * 40_000 + 9_000 + 30 * 1_500);
    expect(day.total.pessimisticMs).toBe(3 * day.total.calibratedMs);
  });

  it("takes the archive's cost from every run that archived, the catch-up runs included", () => {
    const base = run(40_000);
    const per = archivePerComplaint([run(160_000, 100), run(40_000), run(280_000, 200)], base);
    expect(per?.calibratedMs).toBe((120_000 + 240_000) / 300);
    expect(archivePerComplaint([run(50_000)], base)).toBeNull();
  });

  it("falls back to every measured run when each of them archived something", () => {
    const day = dailyTriggerTime([run(100_000, 100), run(120_000, 100)], [], [], 30);
    expect(day.base.calibratedMs).toBe(110_000);
  });

  it("reports the middle and the largest run", () => {
    expect(median([5, 1, 3, 2])).toBe(2);
    const s = spread([run(10), run(30), run(20)]);
    expect(s.median.calibratedMs).toBe(20);
    expect(s.max.pessimisticMs).toBe(90);
  });
});
