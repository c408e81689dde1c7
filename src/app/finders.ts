// Finding the few rows a decision needs without reading the whole sheet: the Spreadsheet
// service searches a column on Google's side (TextFinder) and only the matching rows are read.
import type { Complaint } from "../domain/complaint";
import { readRows } from "../gas/patch";
import { decodeRows, type HeaderMap } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import type { Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows (2-based sheet numbers) whose cell in column `col` holds exactly `text` (trimmed, any case). */
export function rowsHolding(sheet: Sheet, col: number | undefined, text: string): number[] {
  const last = sheet.getLastRow();
  const wanted = text.trim();
  if (col === undefined || !wanted || last < 2) return [];
  return sheet
    .getRange(2, col + 1, last - 1, 1)
    .createTextFinder(wanted)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
}

/** Earlier complaints of the same units or places: what repeat detection compares a new one with. */
export function earlierComplaints(
  office: Office,
  sheet: Sheet,
  map: HeaderMap,
  drafts: readonly Pick<Complaint, "unit" | "location">[],
): Complaint[] {
  const rows = new Set<number>();
  for (const d of drafts) {
    for (const r of rowsHolding(sheet, map.index.get("unit"), d.unit)) rows.add(r);
    for (const r of rowsHolding(sheet, map.index.get("location"), d.location)) rows.add(r);
  }
  const found = readRows(sheet, [...rows], map.width);
  const numbers = [...found.keys()];
  return decodeRows(
    SCHEMAS.complaints,
    map,
    numbers.map((n) => found.get(n) ?? []),
    office.codec,
  ).records;
}
