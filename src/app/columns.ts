// Reading parts of a sheet: one column of its data rows (what finding rows, IDs or live records
// needs), or chosen rows, without reading the whole sheet.
import { runsOf } from "../gas/patch";
import { type HeaderMap, isBlank, mapHeaders } from "../sheets/codec";
import type { ColumnSpec } from "../sheets/schema";
import { columnLetter } from "./findings";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Cells one read round trip is worth (local/costs.ts: a read is 100 ms, a cell 10 µs): two
 * blocks of wanted rows closer than this are read as one, the rows between them included.
 */
const GAP_CELLS = 10_000;

/**
 * The header row and where each column sits: row 1 as a whole ("1:1"), one read with no
 * getLastColumn round trip before it; trailing empty cells are not columns.
 */
export function headerMapOf(sheet: Sheet, columns: readonly ColumnSpec[]): HeaderMap {
  const row = sheet.getRange("1:1").getValues()[0] ?? [];
  let width = row.length;
  while (width > 0 && isBlank(row[width - 1])) width -= 1;
  return mapHeaders(columns, row.slice(0, Math.max(1, width)));
}

/** Column `col` (0-based) below the header, to the sheet's last row, without asking where that is. */
export function columnBelowHeader(sheet: Sheet, col: number): GoogleAppsScript.Spreadsheet.Range {
  const letter = columnLetter(col + 1);
  return sheet.getRange(`${letter}2:${letter}`);
}

/**
 * Rows (sheet numbers) whose cell in column `col` matches, found on Google's side (TextFinder):
 * `text` exactly (any case, whole cell) or, with `regex`, an RE2 pattern for the whole cell.
 */
export function rowsMatching(sheet: Sheet, col: number | undefined, text: string, regex = false): number[] {
  const wanted = text.trim();
  if (col === undefined || !wanted) return [];
  return columnBelowHeader(sheet, col)
    .createTextFinder(wanted)
    .useRegularExpression(regex)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
}

/** Column `col` (0-based) of rows 2..last, one value per row; empty when either is missing. */
export function columnValues(sheet: Sheet, col: number | undefined, last = sheet.getLastRow()): unknown[] {
  if (col === undefined || last < 2) return [];
  return sheet
    .getRange(2, col + 1, last - 1, 1)
    .getValues()
    .map((r) => r[0]);
}

/** The IDs in column `idCol`, as text, by row (row 2 first). */
export function idsInSheet(sheet: Sheet, idCol: number | undefined): string[] {
  return columnValues(sheet, idCol).map((v) => String(v ?? ""));
}

/**
 * The given rows (whole width), by row number: adjacent rows in one read, and blocks with a
 * small gap between them read together (fewer round trips for scattered rows).
 */
export function readRowBlocks(sheet: Sheet, rows: readonly number[], width: number): Map<number, unknown[]> {
  const blocks: [number, number][] = [];
  for (const [first, last] of runsOf(rows)) {
    const open = blocks[blocks.length - 1];
    if (open && (first - open[1] - 1) * width <= GAP_CELLS) open[1] = last;
    else blocks.push([first, last]);
  }
  const wanted = new Set(rows);
  const out = new Map<number, unknown[]>();
  for (const [first, last] of blocks)
    sheet
      .getRange(first, 1, last - first + 1, width)
      .getValues()
      .forEach((v, i) => {
        if (wanted.has(first + i)) out.set(first + i, v);
      });
  return out;
}
