// Reading parts of a sheet: one column of its data rows (what finding rows, IDs or live records
// needs), or chosen rows, without reading the whole sheet.
import { runsOf } from "../gas/patch";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Cells one read round trip is worth (local/costs.ts: a read is 100 ms, a cell 10 µs): two
 * blocks of wanted rows closer than this are read as one, the rows between them included.
 */
const GAP_CELLS = 10_000;

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
