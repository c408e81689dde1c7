// What Sheets makes of typed text, and how dates read in a time zone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, offsetMinutes, zonedTime } from "../../../local/emu/dateformat";
import { parseTyped } from "../../../local/emu/typing";

const now = Date.parse("2026-03-02T01:00:00Z");
const typed = (s: string, format = "General") => parseTyped(s, format, "Asia/Shanghai", now);

describe("typing into a cell", () => {
  it("turns = + - @ into formulas that fail, unless the cell is plain text", () => {
    expect(typed("=1+1")).toEqual({ value: "#ERROR!", formula: "=1+1" });
    expect(typed("+86 138")).toMatchObject({ value: "#ERROR!" });
    expect(typed("-保安")).toMatchObject({ value: "#ERROR!" });
    expect(typed("@物业")).toMatchObject({ value: "#ERROR!" });
    for (const s of ["=1+1", "+86 138", "-保安", "@物业"]) expect(typed(s, "@")).toEqual({ value: s });
  });

  it("reads numbers, booleans and dates the way Sheets does", () => {
    expect(typed("00123")).toEqual({ value: 123 });
    expect(typed("-5")).toEqual({ value: -5 });
    expect(typed("1,234.5")).toEqual({ value: 1234.5 });
    expect(typed("TRUE")).toEqual({ value: true });
    expect((typed("2026-3-5").value as Date).toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect((typed("2026/03/05 14:30").value as Date).toISOString()).toBe("2026-03-05T06:30:00.000Z");
    expect((typed("3-2").value as Date).toISOString()).toBe("2026-03-01T16:00:00.000Z");
    expect(typed("2026-13-45")).toEqual({ value: "2026-13-45" });
  });

  it("strips the apostrophe that forces text", () => {
    expect(typed("'00123")).toEqual({ value: "00123" });
  });

  it("refuses more than 50,000 characters", () => {
    expect(() => typed("x".repeat(50_001))).toThrow(/50000 characters/);
  });

  it("keeps any text exactly in a plain-text cell (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(typed(s, "@")).toEqual({ value: s });
      }),
    );
  });
});

describe("dates in time zones", () => {
  it("formats Java patterns in the given zone", () => {
    const d = new Date("2026-03-02T01:05:09Z");
    expect(formatDate(d, "Asia/Shanghai", "yyyy-MM-dd HH:mm:ss Z")).toBe("2026-03-02 09:05:09 +0800");
    expect(formatDate(d, "America/New_York", "EEE d MMM yyyy h:mm a")).toBe("Sun 1 Mar 2026 8:05 PM");
    expect(formatDate(d, "UTC", "'Q' yy")).toBe("Q 26");
  });

  it("finds the instant of a wall-clock time across daylight saving", () => {
    expect(new Date(zonedTime("America/New_York", 2026, 7, 1, 9)).toISOString()).toBe(
      "2026-07-01T13:00:00.000Z",
    );
    expect(offsetMinutes(Date.parse("2026-01-01T00:00:00Z"), "America/New_York")).toBe(-300);
  });
});
