// Business-hours arithmetic on the office's calendar: weekends and statutory holidays are
// closed, make-up workdays (调休) are open. Pure: times are epoch milliseconds and the
// office's zone is a fixed UTC offset (China has no daylight saving).

/** "business" counts only opening hours on workdays; "24/7" counts every minute. */
export type Clock = "business" | "24/7";

export interface BusinessCalendar {
  utcOffsetMinutes: number;
  /** Opening and closing time, minutes after local midnight. */
  dayStartMinutes: number;
  dayEndMinutes: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekendDays: readonly number[];
  /** Local dates "YYYY-MM-DD" that are closed although they fall on a weekday. */
  holidays: ReadonlySet<string>;
  /** Local dates that are open although they fall on a weekend. */
  makeupWorkdays: ReadonlySet<string>;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** More closed days in a row than any real calendar has: the settings must be wrong. */
const MAX_CLOSED_RUN = 400;

export function defaultCalendar(overrides: Partial<BusinessCalendar> = {}): BusinessCalendar {
  return {
    utcOffsetMinutes: 480,
    dayStartMinutes: 9 * 60,
    dayEndMinutes: 18 * 60,
    weekendDays: [0, 6],
    holidays: new Set(),
    makeupWorkdays: new Set(),
    ...overrides,
  };
}

function dayIndex(cal: BusinessCalendar, ms: number): number {
  return Math.floor((ms + cal.utcOffsetMinutes * MINUTE) / DAY);
}

function dayKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The office-local date of an instant, "YYYY-MM-DD". */
export function localDateKey(cal: BusinessCalendar, ms: number): string {
  return dayKey(dayIndex(cal, ms));
}

/** Workday answers per calendar, by day number: deadlines for thousands of rows ask about the same days. */
const workdayCache = new WeakMap<BusinessCalendar, Map<number, boolean>>();

function isWorkdayIndex(cal: BusinessCalendar, day: number): boolean {
  let cache = workdayCache.get(cal);
  if (!cache) {
    cache = new Map();
    workdayCache.set(cal, cache);
  }
  const known = cache.get(day);
  if (known !== undefined) return known;
  const key = dayKey(day);
  // Day 0 (1970-01-01) was a Thursday.
  const open =
    cal.makeupWorkdays.has(key) ||
    (!cal.holidays.has(key) && !cal.weekendDays.includes((((day + 4) % 7) + 7) % 7));
  cache.set(day, open);
  return open;
}

/** Whether the office is open on the local date of `ms`. */
export function isWorkday(cal: BusinessCalendar, ms: number): boolean {
  return isWorkdayIndex(cal, dayIndex(cal, ms));
}

/** Opening hours of a local day as epoch milliseconds. */
function window(cal: BusinessCalendar, day: number): [number, number] {
  const midnight = day * DAY - cal.utcOffsetMinutes * MINUTE;
  return [midnight + cal.dayStartMinutes * MINUTE, midnight + cal.dayEndMinutes * MINUTE];
}

/** The instant `minutes` of opening hours after `start`. */
export function addBusinessMinutes(cal: BusinessCalendar, start: number, minutes: number): number {
  if (minutes <= 0) return start;
  let remaining = minutes * MINUTE;
  let day = dayIndex(cal, start);
  let closedRun = 0;
  for (;;) {
    if (isWorkdayIndex(cal, day)) {
      closedRun = 0;
      const [open, close] = window(cal, day);
      const from = Math.max(start, open);
      if (from < close) {
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
      }
    } else if (++closedRun > MAX_CLOSED_RUN) {
      throw new Error(
        "The calendar has no working day for more than a year; check Holidays and opening hours.",
      );
    }
    day += 1;
  }
}

/** Minutes of opening hours between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  for (let day = dayIndex(cal, from), last = dayIndex(cal, to); day <= last; day++) {
    if (!isWorkdayIndex(cal, day)) continue;
    const [open, close] = window(cal, day);
    const overlap = Math.min(close, to) - Math.max(open, from);
    if (overlap > 0) total += overlap;
  }
  return total / MINUTE;
}

export function addClockMinutes(cal: BusinessCalendar, start: number, minutes: number, clock: Clock): number {
  return clock === "24/7" ? start + Math.max(0, minutes) * MINUTE : addBusinessMinutes(cal, start, minutes);
}

export function minutesBetween(cal: BusinessCalendar, from: number, to: number, clock: Clock): number {
  if (clock === "24/7") return Math.max(0, (to - from) / MINUTE);
  return businessMinutesBetween(cal, from, to);
}

/** "9:00", "09:30", "18:00" → minutes after midnight; null when not a time of day. */
export function parseTimeOfDay(text: string): number | null {
  const m = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}
