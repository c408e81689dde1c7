// Office-local date parsing: owners and assistants type local wall time, the record keeps instants.

const LOCAL_DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "2026-03-05 14:30", "2026/3/5", "2026-03-05T14:30" as office-local time; null when malformed. */
export function parseLocalDateTime(text: string, utcOffsetMinutes: number): number | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  if (year === undefined || month === undefined || day === undefined) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  return Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0) - utcOffsetMinutes * 60_000;
}

/** A Sheets cell holding only a time of day ("14:30") reads as that time on this date. */
const SHEETS_DAY_ZERO = Date.UTC(1899, 11, 30);
/** An office's records cannot be older than this year's first day (local time). */
const EARLIEST_RECORD_YEAR = 2000;
/** A few minutes of clock skew between the assistant's computer and Google's. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;

export type RecordTimeProblem = "timeOnly" | "tooEarly" | "future";

/** Text that is a time of day without a date: "14:30", "9:05:00", "14：30". */
export function isTimeOnly(text: string): boolean {
  return /^\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*$/.test(text);
}

/**
 * Why a time cannot be when something happened at the office (received, called back, done),
 * or null. A day near 1899-12-30 is a time typed alone, which Sheets dates to its day zero
 * (off by minutes there, as zones had local mean time then); before 2000 the year is wrong;
 * after now it has not happened yet.
 */
export function recordTimeProblem(
  ms: number,
  now: number,
  utcOffsetMinutes: number,
): RecordTimeProblem | null {
  const local = ms + utcOffsetMinutes * 60_000;
  if (Math.abs(local - SHEETS_DAY_ZERO) < 2 * 86_400_000) return "timeOnly";
  if (local < Date.UTC(EARLIEST_RECORD_YEAR, 0, 1)) return "tooEarly";
  if (ms > now + FUTURE_TOLERANCE_MS) return "future";
  return null;
}

/** True for Date objects from any realm (sheet values come from the Spreadsheet service). */
export function isDate(value: unknown): value is Date {
  return (
    Object.prototype.toString.call(value) === "[object Date]" && !Number.isNaN((value as Date).getTime())
  );
}

/** "YYYY-MM-DD HH:mm" in office-local time. */
export function formatLocal(ms: number, utcOffsetMinutes: number, withTime = true): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}
