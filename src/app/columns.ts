// Reading one column of a sheet's data rows: what finding rows, IDs or live records needs,
// without reading whole rows.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
