// Whole-range reads and writes of a schema'd sheet: one read per sheet, one write per block.
import { allLabels } from "../i18n/messages";
import {
  type Cell,
  type Codec,
  type DecodedRows,
  decodeRows,
  type HeaderMap,
  isBlank,
  mapHeaders,
} from "../sheets/codec";
import { numberFormatFor } from "../sheets/formats";
import { headerFor, type SheetSpec } from "../sheets/schema";
import { nextEmptyRow } from "./patch";

// Writes of computed cells addressed by record ID (the write model) live in ./patch.
export { type PatchOutcome, patchRows, type RowPatch } from "./patch";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet the desk needs is gone (deleted or renamed). */
export class MissingSheetError extends Error {
  constructor(readonly sheetNames: string[]) {
    super(`Missing sheet: ${sheetNames.join(" / ")}`);
    this.name = "MissingSheetError";
  }
}

/** Columns the desk needs are gone (deleted or renamed headers). */
export class MissingColumnsError extends Error {
  constructor(
    readonly sheetName: string,
    readonly columns: string[],
  ) {
    super(`Sheet "${sheetName}" lacks column(s): ${columns.join(", ")}`);
    this.name = "MissingColumnsError";
  }
}

/** The sheet under either language's name (the office may have switched language). */
export function findSheet(
  ss: Spreadsheet,
  spec: Pick<SheetSpec<unknown>, "nameKey">,
  preferred: string,
): Sheet | null {
  const names = [preferred, ...allLabels(spec.nameKey).filter((n) => n !== preferred)];
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** The office's own name for the sheet first, then the other language's. */
function missingSheet(spec: Pick<SheetSpec<unknown>, "nameKey">, name: string): MissingSheetError {
  return new MissingSheetError([name, ...allLabels(spec.nameKey).filter((n) => n !== name)]);
}

export interface Table<T> extends DecodedRows<T> {
  sheet: Sheet;
  name: string;
  map: HeaderMap;
  /** Every row as read, header first. */
  values: unknown[][];
  /** Sheet row number after the last row holding anything: where new rows go. */
  nextRow: number;
}

/** The sheet under either language's name, or a MissingSheetError naming both. */
export function requireSheet(
  ss: Spreadsheet,
  spec: Pick<SheetSpec<unknown>, "nameKey">,
  codec: Codec,
): Sheet {
  const name = codec.t(spec.nameKey);
  const sheet = findSheet(ss, spec, name);
  if (!sheet) throw missingSheet(spec, name);
  return sheet;
}

/** Throws MissingColumnsError when any `required` column is missing from the header map. */
export function requireColumns(
  sheet: Sheet,
  map: HeaderMap,
  codec: Codec,
  required: readonly string[],
): void {
  const missing = map.missing.filter((c) => required.includes(c.key));
  if (missing.length)
    throw new MissingColumnsError(
      sheet.getName(),
      missing.map((c) => headerFor(c, codec.language)),
    );
}

export function readTable<T>(
  ss: Spreadsheet,
  spec: SheetSpec<T>,
  codec: Codec,
  required: readonly string[] = spec.columns.map((c) => c.key),
): Table<T> {
  const sheet = requireSheet(ss, spec, codec);
  const values = sheet.getDataRange().getValues();
  const map = mapHeaders(spec.columns, values[0] ?? []);
  requireColumns(sheet, map, codec, required);
  let last = values.length;
  while (last > 1 && (values[last - 1] ?? []).every(isBlank)) last -= 1;
  const decoded = decodeRows(spec, map, values.slice(1, last), codec);
  return { ...decoded, sheet, name: sheet.getName(), map, values, nextRow: last + 1 };
}

/**
 * Writes whole rows starting at `firstRow`, making sure each cell first has its column's
 * number format, so owners' text that starts with = + - @ stays text even if someone
 * pasted over the column's plain-text format.
 */
export function writeRows<T>(
  sheet: Sheet,
  spec: SheetSpec<T>,
  map: HeaderMap,
  firstRow: number,
  rows: Cell[][],
) {
  if (!rows.length) return;
  const needed = firstRow + rows.length - 1;
  const maxRows = sheet.getMaxRows();
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  const range = sheet.getRange(firstRow, 1, rows.length, map.width);
  const formats = range.getNumberFormats();
  let lost = false;
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i === undefined) continue;
    const wanted = numberFormatFor(column.kind);
    for (const row of formats)
      if (row[i] !== wanted) {
        row[i] = wanted;
        lost = true;
      }
  }
  // Set-up formats the typing room; only rows that lost a format (a paste) are written again.
  if (lost) range.setNumberFormats(formats);
  range.setValues(rows);
}

/** Writes one column's values for rows firstRow.. (a single call per column). */
export function writeColumn(sheet: Sheet, map: HeaderMap, key: string, firstRow: number, cells: Cell[]) {
  const col = map.index.get(key);
  if (col === undefined || !cells.length) return;
  sheet.getRange(firstRow, col + 1, cells.length, 1).setValues(cells.map((c) => [c]));
}

/** Appends rows to an append-only sheet the desk alone writes (Log, Sent). Callers hold the document lock. */
export function appendToLog<T>(ss: Spreadsheet, spec: SheetSpec<T>, codec: Codec, rows: Cell[][]) {
  if (!rows.length) return;
  const sheet = findSheet(ss, spec, codec.t(spec.nameKey));
  if (!sheet) throw missingSheet(spec, codec.t(spec.nameKey));
  const width = spec.columns.length;
  const range = sheet.getRange(1, 1, 1, width);
  const map = mapHeaders(spec.columns, range.getValues()[0] ?? []);
  const missing = map.missing.map((c) => headerFor(c, codec.language));
  if (missing.length) throw new MissingColumnsError(sheet.getName(), missing);
  const ordered = rows.map((row) => {
    const out: Cell[] = Array.from({ length: map.width }, () => "");
    spec.columns.forEach((c, i) => {
      out[map.index.get(c.key) ?? i] = row[i] ?? "";
    });
    return out;
  });
  writeRows(sheet, spec, map, nextEmptyRow(sheet, map.width), ordered);
}
