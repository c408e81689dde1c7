// Appending new records to a sheet people also type in (Call-backs, Owners). Callers hold the
// document lock. The place to write is found right before writing, from every column of the
// rows: a row a person is half-way through typing (a unit not known yet, a service without
// its unit) is content too, and is never written over.
import { type Codec, encodeRow } from "../sheets/codec";
import type { SheetSpec } from "../sheets/schema";
import { nextEmptyRow, readHeaderMap } from "./patch";
import { writeRows } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Writes the records after the last used row; returns the sheet row of the first one. */
export function appendRecords<T>(
  sheet: Sheet,
  spec: SheetSpec<T>,
  codec: Codec,
  records: readonly T[],
): number {
  if (!records.length) return 0;
  const map = readHeaderMap(sheet, spec.columns);
  const first = nextEmptyRow(sheet, map.width);
  writeRows(
    sheet,
    spec,
    map,
    first,
    records.map((r) => encodeRow(spec, map, r, codec)),
  );
  return first;
}
