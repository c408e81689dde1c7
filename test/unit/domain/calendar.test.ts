// Business hours on China's calendar: weekends and holidays closed, make-up days open.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  addClockMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  defaultCalendar,
  isWorkday,
  localDateKey,
  parseTimeOfDay,
} from "../../../src/domain/calendar";
import { seedDays } from "../../../src/sheets/holidaySeed";

const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const show = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

function chinaCalendar(): BusinessCalendar {
  const days = seedDays(2025, "zh-CN");
  return defaultCalendar({
    holidays: new Set(days.filter((d) => d.type === "holiday").map((d) => d.date)),
    makeupWorkdays: new Set(days.filter((d) => d.type === "workday").map((d) => d.date)),
  });
}

describe("business calendar", () => {
  const cal = chinaCalendar();

  it("carries a Friday-evening complaint over the weekend", () => {
    // Friday 2026-03-06 17:00 + 8 business hours (09:00–18:00): 1 h Friday, 7 h Monday.
    expect(show(addBusinessMinutes(cal, shanghai("2026-03-06T17:00"), 8 * 60))).toBe("2026-03-09 16:00");
  });

  it("skips the National Day week and opens on its make-up Saturday", () => {
    expect(show(addBusinessMinutes(cal, shanghai("2026-09-30T17:00"), 8 * 60))).toBe("2026-10-08 16:00");
    expect(isWorkday(cal, shanghai("2026-10-03T12:00"))).toBe(false);
    expect(isWorkday(cal, shanghai("2026-10-10T12:00"))).toBe(true); // Saturday, 调休
    // Friday 2026-10-09 17:00 + 4 h: 1 h Friday, 3 h on the make-up Saturday.
    expect(show(addBusinessMinutes(cal, shanghai("2026-10-09T17:00"), 4 * 60))).toBe("2026-10-10 12:00");
  });

  it("starts counting at opening time for complaints logged at night", () => {
    expect(show(addBusinessMinutes(cal, shanghai("2026-03-03T22:30"), 60))).toBe("2026-03-04 10:00");
  });

  it("counts 24/7 categories through holidays", () => {
    expect(show(addClockMinutes(cal, shanghai("2026-10-01T03:00"), 30, "24/7"))).toBe("2026-10-01 03:30");
  });

  it("measures business minutes between two instants", () => {
    expect(businessMinutesBetween(cal, shanghai("2026-09-30T17:00"), shanghai("2026-10-08T10:00"))).toBe(120);
    expect(businessMinutesBetween(cal, shanghai("2026-03-09T10:00"), shanghai("2026-03-09T09:00"))).toBe(0);
  });

  it("reads the office-local date, not the UTC one", () => {
    expect(localDateKey(cal, Date.parse("2026-03-01T17:30:00Z"))).toBe("2026-03-02");
  });

  it("parses opening hours and refuses what is not a time", () => {
    expect(parseTimeOfDay("9:00")).toBe(540);
    expect(parseTimeOfDay("18：30")).toBe(1110);
    expect(parseTimeOfDay("25:00")).toBeNull();
    expect(parseTimeOfDay("nine")).toBeNull();
  });

  it("refuses a calendar with no working day instead of looping forever", () => {
    const closed = defaultCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] });
    expect(() => addBusinessMinutes(closed, shanghai("2026-03-02T09:00"), 60)).toThrow(/no working day/);
  });

  // Any millisecond, and whole minutes as typed times are, so budgets that end exactly at
  // closing time (the boundary between two days) come up often.
  const anyMs = fc.integer({ min: shanghai("2025-01-01T00:00"), max: shanghai("2026-12-31T00:00") });
  const instant = fc.oneof(
    anyMs,
    anyMs.map((ms) => ms - (ms % 60_000)),
  );
  const minutes = fc.integer({ min: 1, max: 20_000 });

  it("adds exactly the business minutes it later measures (property)", () => {
    fc.assert(
      fc.property(instant, minutes, (start, m) => {
        const due = addBusinessMinutes(cal, start, m);
        expect(businessMinutesBetween(cal, start, due)).toBeCloseTo(m, 6);
      }),
    );
  });

  // A deadline is never exactly at opening time: business time that runs out at closing is
  // due at closing (18:00), not at the next opening, and any time left over is counted after
  // opening. So a deadline lies in (opening, closing], measured to the millisecond.
  const msOfLocalDay = (ms: number) => (ms + 8 * 3_600_000) % 86_400_000;
  function expectInsideOpeningHours(due: number): void {
    expect(isWorkday(cal, due)).toBe(true);
    expect(msOfLocalDay(due)).toBeGreaterThan(9 * 3_600_000);
    expect(msOfLocalDay(due)).toBeLessThanOrEqual(18 * 3_600_000);
  }

  it("lands a millisecond after opening, not at it, when the start was a millisecond past a minute", () => {
    // The counterexample a property once found: the old property rounded 09:00:00.001 to
    // 09:00 and called it outside opening hours.
    const start = 1_793_786_220_001; // Wednesday 2026-11-04 17:57:00.001
    const due = addBusinessMinutes(cal, start, 7023);
    expect(new Date(due + 8 * 3_600_000).toISOString()).toBe("2026-11-24T09:00:00.001Z");
    expectInsideOpeningHours(due);
    expect(businessMinutesBetween(cal, start, due)).toBeCloseTo(7023, 6);
    // From the whole minute, the same budget runs out at the close of the day before.
    expect(show(addBusinessMinutes(cal, start - 1, 7023))).toBe("2026-11-23 18:00");
  });

  it("lands only inside opening hours of a working day (property)", () => {
    fc.assert(
      fc.property(instant, minutes, (start, m) => {
        expectInsideOpeningHours(addBusinessMinutes(cal, start, m));
      }),
    );
  });

  it("never moves a deadline earlier when more time is allowed (property)", () => {
    fc.assert(
      fc.property(instant, minutes, minutes, (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessMinutes(cal, start, lo)).toBeLessThanOrEqual(addBusinessMinutes(cal, start, hi));
      }),
    );
  });

  it("respects any set of extra holidays and make-up days (property)", () => {
    const day = fc
      .integer({ min: 0, max: 59 })
      .map((n) => new Date(Date.UTC(2026, 2, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { maxLength: 10 }),
        fc.uniqueArray(day, { maxLength: 5 }),
        minutes,
        (closed, open, m) => {
          const custom = defaultCalendar({ holidays: new Set(closed), makeupWorkdays: new Set(open) });
          const start = shanghai("2026-03-01T00:00");
          const due = addBusinessMinutes(custom, start, m);
          const key = localDateKey(custom, due);
          expect(!closed.includes(key) || open.includes(key)).toBe(true);
          expect(businessMinutesBetween(custom, start, due)).toBeCloseTo(m, 6);
        },
      ),
    );
  });
});
