// What every check of one sheet is given: the workbook, the office's language and texts, and
// the sheet facts several checks ask for.
import type { Language } from "../../domain/settings";
import type { Translate } from "../../i18n/messages";
import type { SheetSpec } from "../../sheets/schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  language: Language;
  t: Translate;
  /** Shared by a set-up's checks; without it each check reads for itself. */
  facts?: SheetFacts;
  /** Check the dropdowns and formats of every row (repair), not only where problems come from. */
  everyRow?: boolean;
}

/** A sheet's schema whatever its record type: the checks read only its columns and names. */
export type AnySpec = SheetSpec<unknown>;

/** Rows at the top of a sheet read at once: the header row, and where a header row moved to. */
export const TOP_ROWS = 10;

/**
 * A sheet's size and top rows, each a round trip, asked for by several of set-up's checks:
 * read once and shared until set-up applies fixes (which may change them), then read again.
 */
export class SheetFacts {
  private memo = new Map<Sheet, Map<string, unknown>>();

  private get<T>(sheet: Sheet, key: string, read: () => T): T {
    const facts = this.memo.get(sheet) ?? new Map<string, unknown>();
    this.memo.set(sheet, facts);
    if (!facts.has(key)) facts.set(key, read());
    return facts.get(key) as T;
  }

  /** The last row and column holding anything: one getDataRange, whose size is known locally. */
  private extent(sheet: Sheet): { rows: number; columns: number } {
    return this.get(sheet, "extent", () => {
      const range = sheet.getDataRange();
      return { rows: range.getNumRows(), columns: range.getNumColumns() };
    });
  }

  /** As getLastRow, except that an empty sheet reads as 1. */
  lastRow(sheet: Sheet): number {
    return this.extent(sheet).rows;
  }

  /** As getLastColumn, except that an empty sheet reads as 1. */
  lastColumn(sheet: Sheet): number {
    return this.extent(sheet).columns;
  }

  maxRows(sheet: Sheet): number {
    return this.get(sheet, "maxRows", () => sheet.getMaxRows());
  }

  maxColumns(sheet: Sheet): number {
    return this.get(sheet, "maxColumns", () => sheet.getMaxColumns());
  }

  /** The first TOP_ROWS rows (as far as the sheet goes), as wide as its last used column. */
  top(sheet: Sheet): unknown[][] {
    return this.get(sheet, "top", () =>
      sheet
        .getRange(1, 1, Math.min(TOP_ROWS, this.maxRows(sheet)), Math.max(1, this.lastColumn(sheet)))
        .getValues(),
    );
  }

  /** Row 1, as wide as the sheet's last used column. */
  header(sheet: Sheet): unknown[] {
    return this.top(sheet)[0] ?? [];
  }

  /** Everything read so far is stale (fixes were applied). */
  clear(): void {
    this.memo = new Map();
  }
}

/** The set-up's shared facts, or fresh ones that only this check uses. */
export const factsOf = (ctx: SheetContext): SheetFacts => ctx.facts ?? new SheetFacts();
