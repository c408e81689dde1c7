// The cells of one sheet: values, formulas, formats, validations, notes and styling,
// stored by 0-based row and column, with row/column insertion and deletion.
import { formatDate } from "./dateformat";
import type { FakeConditionalFormatRule, FakeDataValidation } from "./rules";
import { type CellValue, isDateValue } from "./typing";

const key = (r: number, c: number) => `${r}:${c}`;

function shift<T>(
  map: Map<string, T>,
  move: (r: number, c: number) => [number, number] | null,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const [k, v] of map) {
    const [r, c] = k.split(":").map(Number) as [number, number];
    const to = move(r, c);
    if (to) out.set(key(to[0], to[1]), v);
  }
  return out;
}

export class SheetData {
  values: CellValue[][] = [];
  formats: (string | undefined)[][] = [];
  formulas = new Map<string, string>();
  validations = new Map<string, FakeDataValidation>();
  notes = new Map<string, string>();
  backgrounds = new Map<string, string>();
  fontColors = new Map<string, string>();
  fontWeights = new Map<string, string>();
  widths = new Map<number, number>();
  conditionalRules: FakeConditionalFormatRule[] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;

  value(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? "";
  }

  setValue(r: number, c: number, v: CellValue, formula?: string) {
    const row = this.values[r] ?? [];
    this.values[r] = row;
    row[c] = v;
    if (formula) this.formulas.set(key(r, c), formula);
    else this.formulas.delete(key(r, c));
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? "General";
  }

  setFormat(r: number, c: number, f: string) {
    const row = this.formats[r] ?? [];
    this.formats[r] = row;
    row[c] = f;
  }

  formula(r: number, c: number): string {
    return this.formulas.get(key(r, c)) ?? "";
  }

  get = <T>(map: Map<string, T>, r: number, c: number): T | undefined => map.get(key(r, c));

  put<T>(map: Map<string, T>, r: number, c: number, v: T | null | undefined) {
    if (v === null || v === undefined || v === "") map.delete(key(r, c));
    else map.set(key(r, c), v);
  }

  /** 1-based number of the last row holding a value or formula (0 when empty). */
  lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--)
      if (this.values[r]?.some((v) => v !== "" && v !== undefined)) return r + 1;
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--)
        if (row[c] !== "" && row[c] !== undefined) {
          last = c + 1;
          break;
        }
    }
    return last;
  }

  /** Moves every per-cell map's keys (dropping cells `move` returns null for). */
  private shiftAll(move: (r: number, c: number) => [number, number] | null) {
    this.formulas = shift(this.formulas, move);
    this.validations = shift(this.validations, move);
    this.notes = shift(this.notes, move);
    this.backgrounds = shift(this.backgrounds, move);
    this.fontColors = shift(this.fontColors, move);
    this.fontWeights = shift(this.fontWeights, move);
  }

  /** Inserts `n` rows before 0-based row `at`; new rows take the formats and validations of the row above. */
  insertRows(at: number, n: number) {
    const fill = <T>(arr: T[][]) => arr.splice(at, 0, ...Array.from({ length: n }, () => [] as T[]));
    if (at < this.values.length) fill(this.values);
    const above = this.formats[at - 1];
    if (at < this.formats.length) fill(this.formats);
    if (above) for (let i = 0; i < n; i++) this.formats[at + i] = [...above];
    const move = (r: number, c: number): [number, number] => [r >= at ? r + n : r, c];
    const inherited = [...this.validations].filter(([k]) => Number(k.split(":")[0]) === at - 1);
    this.shiftAll(move);
    for (const [k, v] of inherited) {
      const c = Number(k.split(":")[1]);
      for (let i = 0; i < n; i++) this.validations.set(key(at + i, c), v);
    }
    this.maxRows += n;
  }

  deleteRows(at: number, n: number) {
    this.values.splice(at, n);
    this.formats.splice(at, n);
    const move = (r: number, c: number): [number, number] | null =>
      r >= at && r < at + n ? null : [r >= at + n ? r - n : r, c];
    this.shiftAll(move);
    this.maxRows -= n;
  }

  /** Inserts `n` columns before 0-based column `at`; they take the formats and validations of the column to the left. */
  insertColumns(at: number, n: number) {
    for (const row of this.values)
      if (row && at < row.length) row.splice(at, 0, ...Array.from({ length: n }, () => ""));
    for (const row of this.formats) {
      if (!row) continue;
      const left = row[at - 1];
      if (at < row.length) row.splice(at, 0, ...Array.from({ length: n }, () => left));
      else if (left !== undefined) for (let i = 0; i < n; i++) row[at + i] = left;
    }
    const move = (r: number, c: number): [number, number] => [r, c >= at ? c + n : c];
    const inherited = [...this.validations].filter(([k]) => Number(k.split(":")[1]) === at - 1);
    this.shiftAll(move);
    for (const [k, v] of inherited) {
      const r = Number(k.split(":")[0]);
      for (let i = 0; i < n; i++) this.validations.set(key(r, at + i), v);
    }
    this.widths = new Map([...this.widths].map(([c, w]) => [c >= at ? c + n : c, w]));
    this.maxColumns += n;
  }

  /**
   * Reorders rows `from`.. (0-based) so that new row `from + i` is old row `order[i]`:
   * values, formats and every per-cell property travel with their row, as a sort does.
   */
  permuteRows(from: number, order: number[]) {
    const to = new Map<number, number>(order.map((old, i) => [old, from + i]));
    const take = <T>(arr: T[][]) => {
      const moved = order.map((old) => arr[old]);
      moved.forEach((row, i) => {
        if (row) arr[from + i] = row;
        else delete arr[from + i];
      });
    };
    take(this.values);
    take(this.formats);
    this.shiftAll((r, c) => [to.get(r) ?? r, c]);
  }

  /** Old row indices of rows `from`..`end` (0-based, end exclusive) sorted by column `c`, blanks last. */
  sortedOrder(from: number, end: number, c: number, ascending: boolean): number[] {
    const rows = Array.from({ length: Math.max(0, end - from) }, (_, i) => from + i);
    const rank = (v: CellValue) =>
      typeof v === "number" || isDateValue(v) ? 0 : typeof v === "string" ? 1 : 2;
    const collator = new Intl.Collator("en", { sensitivity: "base" });
    const compare = (a: CellValue, b: CellValue): number => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
      return Number(a) - Number(b);
    };
    return rows.sort((ra, rb) => {
      const a = this.value(ra, c);
      const b = this.value(rb, c);
      if (a === "" || b === "") return (a === "" ? 1 : 0) - (b === "" ? 1 : 0);
      return ascending ? compare(a, b) : compare(b, a);
    });
  }

  deleteColumns(at: number, n: number) {
    for (const row of this.values) row?.splice(at, n);
    for (const row of this.formats) row?.splice(at, n);
    const move = (r: number, c: number): [number, number] | null =>
      c >= at && c < at + n ? null : [r, c >= at + n ? c - n : c];
    this.shiftAll(move);
    this.widths = new Map(
      [...this.widths].filter(([c]) => c < at || c >= at + n).map(([c, w]) => [c >= at + n ? c - n : c, w]),
    );
    this.maxColumns -= n;
  }
}

/** Converts a Sheets number format's date tokens to a Java pattern ("mm" after h is minutes). */
function javaPattern(format: string): string {
  const tokens = format.match(/(y+|m+|d+|h+|s+|am\/pm|[^ymdhs]+)/gi) ?? [];
  let sawHour = false;
  return tokens
    .map((tok, i) => {
      const lower = tok.toLowerCase();
      if (lower.startsWith("y")) return "y".repeat(tok.length);
      if (lower.startsWith("d")) return "d".repeat(tok.length);
      if (lower.startsWith("h")) {
        sawHour = true;
        return "H".repeat(tok.length);
      }
      if (lower.startsWith("s")) return "s".repeat(tok.length);
      if (lower.startsWith("m")) {
        const nextIsSeconds = tokens
          .slice(i + 1)
          .find((t) => /[ymdhs]/i.test(t))
          ?.toLowerCase()
          .startsWith("s");
        return sawHour || nextIsSeconds ? "m".repeat(tok.length) : "M".repeat(tok.length);
      }
      if (lower === "am/pm") return "a";
      return `'${tok.replace(/'/g, "''")}'`;
    })
    .join("");
}

/** How a value reads in a cell with `format` (getDisplayValues). */
export function displayValue(v: CellValue, format: string, timeZone: string): string {
  if (v === "") return "";
  if (isDateValue(v)) {
    if (/[yd]|h/i.test(format) && format !== "General" && format !== "@")
      return formatDate(v, timeZone, javaPattern(format));
    const local = formatDate(v, timeZone, "HH:mm:ss");
    return local === "00:00:00"
      ? formatDate(v, timeZone, "yyyy-MM-dd")
      : formatDate(v, timeZone, "yyyy-MM-dd H:mm:ss");
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    const m = /^0(?:\.(0*)(#*))?$/.exec(format);
    if (m) {
      const min = m[1]?.length ?? 0;
      const max = min + (m[2]?.length ?? 0);
      return v.toLocaleString("en-US", {
        minimumFractionDigits: min,
        maximumFractionDigits: max,
        useGrouping: false,
      });
    }
    return String(v);
  }
  return v;
}
