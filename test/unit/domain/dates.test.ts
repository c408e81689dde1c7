// When something happened at the office: times that cannot be true are refused, not believed.
import { describe, expect, it } from "vitest";
import { formatLocal, isTimeOnly, parseLocalDateTime, recordTimeProblem } from "../../../src/domain/dates";

const now = Date.parse("2026-03-02T10:00:00+08:00");
const at = (local: string) => parseLocalDateTime(local, 480) ?? Number.NaN;

describe("record times", () => {
  it("takes times from 2000 up to now (with a few minutes of clock skew)", () => {
    expect(recordTimeProblem(at("2000-01-01 00:00"), now, 480)).toBeNull();
    expect(recordTimeProblem(at("2026-03-02 10:05"), now, 480)).toBeNull();
  });

  it("refuses a time Sheets dated to its day zero because it was typed without a date", () => {
    expect(recordTimeProblem(at("1899-12-30 14:30"), now, 480)).toBe("timeOnly");
    // Google and Node date 1899 in local mean time (+08:05:43 in Shanghai): minutes off, same day.
    const sheetsValue = Date.UTC(1899, 11, 30, 14, 30) - (8 * 3600 + 5 * 60 + 43) * 1000;
    expect(formatLocal(sheetsValue, 480)).toBe("1899-12-30 14:24");
    expect(recordTimeProblem(sheetsValue, now, 480)).toBe("timeOnly");
  });

  it("refuses years before the office could have records, and the future", () => {
    expect(recordTimeProblem(at("1900-01-01 09:00"), now, 480)).toBe("tooEarly");
    expect(recordTimeProblem(at("1999-12-31 23:59"), now, 480)).toBe("tooEarly");
    expect(recordTimeProblem(at("2026-03-02 10:11"), now, 480)).toBe("future");
  });

  it("knows a time of day written alone", () => {
    for (const t of ["14:30", "9:05", " 14：30 ", "14:30:00"]) expect(isTimeOnly(t)).toBe(true);
    for (const t of ["2026-03-05 14:30", "1430", "14.30", ""]) expect(isTimeOnly(t)).toBe(false);
  });
});
