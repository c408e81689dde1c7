// Reading only the records a dialog needs: the rows are found on Google's side (TextFinder on
// one column) and only those rows are read, so a dialog costs the same at 50,000 rows as at 50.
import { readHeaderMap, readRows } from "../gas/patch";
import { findSheet } from "../gas/table";
import { decodeRows } from "../sheets/codec";
import type { SheetSpec } from "../sheets/schema";
import type { Office } from "./office";

export interface Found<T> {
  records: T[];
  /** Sheet row of each record. */
  rows: number[];
}

export interface Search {
  /** Text to look for, or an RE2 pattern when `regex`. */
  text: string;
  regex?: boolean;
  /** The whole cell must match (else: the cell contains it). */
  entire?: boolean;
}

/** The records whose cell in column `key` matches; none when the sheet or column is missing. */
export function recordsWhere<T>(office: Office, spec: SheetSpec<T>, key: string, search: Search): Found<T> {
  const sheet = findSheet(office.ss, spec, office.t(spec.nameKey));
  if (!sheet || !search.text.trim()) return { records: [], rows: [] };
  const map = readHeaderMap(sheet, spec.columns);
  const col = map.index.get(key);
  const last = sheet.getLastRow();
  if (col === undefined || last < 2) return { records: [], rows: [] };
  const rows = sheet
    .getRange(2, col + 1, last - 1, 1)
    .createTextFinder(search.text.trim())
    .useRegularExpression(search.regex === true)
    .matchEntireCell(search.entire === true)
    .findAll()
    .map((r) => r.getRow());
  return recordsAt(office, spec, sheet, rows, map);
}

/** The records at the given sheet rows (blank rows left out). */
export function recordsAt<T>(
  office: Office,
  spec: SheetSpec<T>,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  rows: readonly number[],
  map = readHeaderMap(sheet, spec.columns),
): Found<T> {
  const found = readRows(
    sheet,
    rows.filter((r) => r >= 2),
    map.width,
  );
  const out: Found<T> = { records: [], rows: [] };
  for (const [row, raw] of found) {
    const record = decodeRows(spec, map, [raw], office.codec, row).records[0];
    if (record) {
      out.records.push(record);
      out.rows.push(row);
    }
  }
  return out;
}
