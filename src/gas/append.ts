// Appending new records to a sheet people also type in (Call-backs, Owners). Callers hold the
// document lock. The place to write is found right before writing, from every column of the
// rows: a row a person is half-way through typing (a unit not known yet, a service without
// its unit) is content too, and is never written over.
import { type Codec, encodeRow, isBlank } from "../sheets/codec";
import type { SheetSpec } from "../sheets/schema";
import { readHeaderMap } from "./patch";
import { writeRows } from "./table";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The first row after the last one holding anything in any of its first `width` columns. */
export function nextEmptyRow(sheet: Sheet, width: number): number {
  let bottom = sheet.getLastRow();
  let window = 64;
  while (bottom >= 2) {
    const top = Math.max(2, bottom - window + 1);
    const values = sheet.getRange(top, 1, bottom - top + 1, Math.max(1, width)).getValues();
    for (let i = values.length - 1; i >= 0; i--) if (!(values[i] ?? []).every(isBlank)) return top + i + 1;
    bottom = top - 1;
    window *= 4;
  }
  return 2;
}

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
