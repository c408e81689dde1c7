// What Google Sheets makes of a string typed (or written by a script) into a cell:
// formulas, numbers, booleans and dates are recognised unless the cell is plain text "@".
import { localParts, zonedTime } from "./dateformat";

export type CellValue = string | number | boolean | Date;

export interface Parsed {
  value: CellValue;
  formula?: string;
}

export const MAX_CELL_CHARS = 50_000;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTH_DAY = /^(\d{1,2})[-/](\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Parses `input` as typing into a cell with `numberFormat`, in the spreadsheet's time zone. */
export function parseTyped(input: string, numberFormat: string, timeZone: string, nowMs: number): Parsed {
  if (input.length > MAX_CELL_CHARS)
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  if (numberFormat === "@" || input === "") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  const text = input.trim();
  if (NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED.test(text)) return { value: Number(text.replace(/,/g, "")) };
  if (PERCENT.test(text)) return { value: Number(text.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  if (input.startsWith("=") && input.length > 1) return { value: "#ERROR!", formula: input };
  // Sheets reads a leading + - @ as the start of a formula too; words after it do not parse.
  if (/^[+\-@]/.test(input) && input.length > 1) return { value: "#ERROR!", formula: `=${input}` };
  let m = DATE.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(
      Number,
    ) as number[];
    if (validDate(y ?? 0, mo ?? 0, d ?? 0, h, mi, s))
      return { value: new Date(zonedTime(timeZone, y ?? 0, mo ?? 0, d ?? 0, h, mi, s)) };
    return { value: input };
  }
  m = MONTH_DAY.exec(text);
  if (m) {
    const year = localParts(nowMs, timeZone).year;
    const [mo, d] = [Number(m[1]), Number(m[2])];
    if (validDate(year, mo, d)) return { value: new Date(zonedTime(timeZone, year, mo, d)) };
    return { value: input };
  }
  m = TIME.exec(text);
  if (m) {
    const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (h < 24 && mi < 60 && s < 60) return { value: new Date(zonedTime(timeZone, 1899, 12, 30, h, mi, s)) };
  }
  return { value: input };
}

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A value a script passes to setValue(s), as Sheets stores it. */
export function scriptValue(v: unknown, numberFormat: string, timeZone: string, nowMs: number): Parsed {
  if (v === null || v === undefined) return { value: "" };
  if (isDateValue(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return { value: "" };
    return { value: new Date(ms) };
  }
  if (typeof v === "number") return Number.isFinite(v) ? { value: v } : { value: "#NUM!" };
  if (typeof v === "boolean") return { value: v };
  return parseTyped(String(v), numberFormat, timeZone, nowMs);
}
