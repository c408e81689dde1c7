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
