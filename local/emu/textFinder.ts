// TextFinder on a range or a sheet: searches what the cells display (or their formulas),
// row by row, and is metered with the cells it searched so the cost model can price it.
import { type Api, emulated, guardObject } from "./guard";
import type { FakeRange } from "./range";
import type { FakeSheet } from "./sheet";
import { displayValue } from "./sheetData";

type GasRange = GoogleAppsScript.Spreadsheet.Range;
export const TEXT_FINDER = emulated<GoogleAppsScript.Spreadsheet.TextFinder>()(
  "SpreadsheetApp",
  "TextFinder",
  "Spreadsheet.TextFinder",
  [
    "findAll",
    "findNext",
    "findPrevious",
    "getCurrentMatch",
    "matchCase",
    "matchEntireCell",
    "matchFormulaText",
    "useRegularExpression",
    "startFrom",
  ],
);

/** 1-based block of cells; null for "the sheet's cells that hold data". */
export interface Scope {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Indices from `from`, `count` of them, forwards (step 1) or backwards (step -1). */
function* walk(from: number, count: number, step: 1 | -1) {
  for (let k = 0; k < count; k++) yield from + k * step;
}

export class FakeTextFinder implements Api<typeof TEXT_FINDER> {
  private caseSensitive = false;
  private entireCell = false;
  private formulaText = false;
  private regex = false;
  /** Index (row-major within the scope) of the current match, or where the search starts after. */
  private position = -1;
  private current: GasRange | null = null;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly fixed: Scope | null,
    private readonly text: string,
  ) {
    // biome-ignore lint/correctness/noConstructorReturn: the guarded proxy is the instance everyone holds.
    return guardObject(TEXT_FINDER.name, this);
  }

  private self(): GoogleAppsScript.Spreadsheet.TextFinder {
    return this as unknown as GoogleAppsScript.Spreadsheet.TextFinder;
  }

  private scope(): Scope {
    if (this.fixed) return this.fixed;
    const d = this.sheet.data;
    return { row: 1, column: 1, rows: d.lastRow(), columns: d.lastColumn() };
  }

  private m(member: string, cells: number) {
    const book = this.sheet.book;
    book.meter.record("SpreadsheetApp", `TextFinder.${member}`, cells);
    this.sheet.ensureExists(member, "TextFinder");
    book.touched.add(this.sheet.name);
  }

  private matcher(): (cell: string) => boolean {
    const { text, regex, entireCell, caseSensitive } = this;
    if (text === "") return () => false;
    if (regex) {
      const re = new RegExp(entireCell ? `^(?:${text})$` : text, caseSensitive ? "u" : "iu");
      return (cell) => re.test(cell);
    }
    const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
    const wanted = fold(text);
    return (cell) => (entireCell ? fold(cell) === wanted : fold(cell).includes(wanted));
  }

  /** What a cell reads as to the search; fields read once (`this` is the guarded proxy). */
  private cellText(): (r: number, c: number) => string {
    const { data: d, book } = this.sheet;
    const [formulaText, zone] = [this.formulaText, book.timeZone()];
    return (r, c) =>
      (formulaText ? d.formula(r, c) : "") || displayValue(d.value(r, c), d.format(r, c), zone);
  }

  /** Reads the cells at `indices`, returning the matches (or the first) and how many were read. */
  private scan(indices: Iterable<number>, scope: Scope, stopAtFirst: boolean) {
    const matches = this.matcher();
    const text = this.cellText();
    const found: number[] = [];
    let searched = 0;
    for (const i of indices) {
      searched += 1;
      const r = scope.row - 1 + Math.floor(i / scope.columns);
      const c = scope.column - 1 + (i % scope.columns);
      if (matches(text(r, c))) {
        found.push(i);
        if (stopAtFirst) break;
      }
    }
    return { found, searched };
  }

  private rangeAt(i: number, scope: Scope): GasRange {
    const row = scope.row + Math.floor(i / scope.columns);
    const column = scope.column + (i % scope.columns);
    return this.sheet.rangeAt(row, column) as GasRange;
  }

  findAll(): GasRange[] {
    const scope = this.scope();
    const size = scope.rows * scope.columns;
    const { found } = this.scan(walk(0, size, 1), scope, false);
    this.m("findAll", size);
    return found.map((i) => this.rangeAt(i, scope));
  }

  findNext(): GasRange | null {
    const scope = this.scope();
    const size = scope.rows * scope.columns;
    const from = this.position + 1;
    const { found, searched } = this.scan(walk(from, Math.max(0, size - from), 1), scope, true);
    this.m("findNext", searched);
    return this.land(found[0], scope);
  }

  findPrevious(): GasRange | null {
    const scope = this.scope();
    const size = scope.rows * scope.columns;
    const from = this.position < 0 ? size - 1 : this.position - 1;
    const { found, searched } = this.scan(walk(from, Math.max(0, from + 1), -1), scope, true);
    this.m("findPrevious", searched);
    return this.land(found[0], scope);
  }

  private land(i: number | undefined, scope: Scope): GasRange | null {
    if (i === undefined) return null;
    this.position = i;
    this.current = this.rangeAt(i, scope);
    return this.current;
  }

  getCurrentMatch(): GasRange | null {
    return this.current;
  }

  matchCase(matchCase: boolean) {
    this.caseSensitive = matchCase;
    return this.self();
  }

  matchEntireCell(matchEntireCell: boolean) {
    this.entireCell = matchEntireCell;
    return this.self();
  }

  matchFormulaText(matchFormulaText: boolean) {
    this.formulaText = matchFormulaText;
    return this.self();
  }

  useRegularExpression(useRegEx: boolean) {
    this.regex = useRegEx;
    return this.self();
  }

  /** The search goes on right after the range's last cell. */
  startFrom(startRange: GasRange) {
    const r = startRange as unknown as FakeRange;
    const scope = this.scope();
    const row = r.row + r.rows - 1 - scope.row;
    const column = r.column + r.columns - 1 - scope.column;
    const inside = row >= 0 && row < scope.rows && column >= 0 && column < scope.columns;
    this.position = inside ? row * scope.columns + column : -1;
    return this.self();
  }
}
