// Time-zone arithmetic and Java SimpleDateFormat patterns, as Utilities.formatDate uses them.

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** A zone as Java's TimeZone.getTimeZone sees it: a tz database ID, or a fixed offset. */
type Zone = { id: string } | { offsetMinutes: number };

const zoneCache = new Map<string, Zone>();
const GMT: Zone = { offsetMinutes: 0 };
// Java's custom IDs: GMT+8, GMT+08:00, GMT-0530 (hours 0-23, minutes 00-59).
const CUSTOM = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;

function knownId(id: string): boolean {
  // Offsets such as "+08:00" and odd cases such as "asia/shanghai" pass Intl but not Java.
  if (/^[+-]\d/.test(id)) return false;
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: id }).resolvedOptions().timeZone;
    return canonical === id || canonical.toLowerCase() !== id.toLowerCase();
  } catch {
    return false;
  }
}

/** Resolves a zone ID like Java: an ID it does not know silently means GMT (no error). */
function zone(timeZone: string): Zone {
  let z = zoneCache.get(timeZone);
  if (z) return z;
  const custom = CUSTOM.exec(timeZone);
  if (custom) {
    const [h, m] = [Number(custom[2]), Number(custom[3] ?? 0)];
    z = h <= 23 && m <= 59 ? { offsetMinutes: (custom[1] === "-" ? -1 : 1) * (h * 60 + m) } : GMT;
  } else z = knownId(timeZone) ? { id: timeZone } : GMT;
  zoneCache.set(timeZone, z);
  return z;
}

/** Whether Java (and so Apps Script) knows `timeZone`, rather than falling back to GMT. */
export function isKnownTimeZone(timeZone: string): boolean {
  return zone(timeZone) !== GMT;
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function localParts(ms: number, timeZone: string): LocalParts {
  const z = zone(timeZone);
  if ("offsetMinutes" in z) return localParts(ms + z.offsetMinutes * 60_000, "UTC");
  const parts: Record<string, string> = {};
  for (const p of formatter(z.id).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Sun"),
  };
}

/** Minutes east of UTC in `timeZone` at instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - ms) / 60_000);
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function zonedTime(timeZone: string, y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, "0");
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Utilities.formatDate: Java SimpleDateFormat letters, 'quoted' literals. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error("Invalid argument: date");
  const p = localParts(ms, timeZone);
  const offset = offsetMinutes(ms, timeZone);
  let out = "";
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i] ?? "";
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    const sign = offset < 0 ? "-" : "+";
    const oh = pad(Math.floor(Math.abs(offset) / 60), 2);
    const om = pad(Math.abs(offset) % 60, 2);
    switch (ch) {
      case "y":
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case "M":
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1]?.slice(0, 3) : pad(p.month, n);
        break;
      case "d":
        out += pad(p.day, n);
        break;
      case "H":
        out += pad(p.hour, n);
        break;
      case "h":
        out += pad(p.hour % 12 || 12, n);
        break;
      case "m":
        out += pad(p.minute, n);
        break;
      case "s":
        out += pad(p.second, n);
        break;
      case "S":
        out += pad(p.millisecond, 3).slice(0, Math.max(n, 3));
        break;
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "E":
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday]?.slice(0, 3);
        break;
      case "u":
        out += String(p.weekday === 0 ? 7 : p.weekday);
        break;
      case "Z":
        out += `${sign}${oh}${om}`;
        break;
      case "X":
        out +=
          offset === 0
            ? "Z"
            : n === 1
              ? `${sign}${oh}`
              : n === 2
                ? `${sign}${oh}${om}`
                : `${sign}${oh}:${om}`;
        break;
      case "z":
        out += `GMT${sign}${oh}:${om}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Local "YYYY-MM-DD" of an instant. */
export function localDay(ms: number, timeZone: string): string {
  return formatDate(new Date(ms), timeZone, "yyyy-MM-dd");
}
