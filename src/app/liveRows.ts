// The complaints an hourly run must look at, without reading years of finished ones: a few
// narrow columns of every row tell which rows are still live (open, unsettled by an edit, or
// touched since a given time), and only those rows are read whole. A closed complaint's
// figures were written when it closed and are never recomputed.
import type { Complaint } from "../domain/complaint";
import { isDate } from "../domain/dates";
import { lastStatus, parseTrail } from "../domain/trail";
import { type CellProblem, decodeRows, type HeaderMap, isBlank } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { columnValues, readRowBlocks } from "./columns";
import { openComplaints, statusOf } from "./complaintRows";
import type { Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Statuses whose deadlines still move; resolved and closed items keep the figures they ended with. */
const WORKING = new Set(["new", "acknowledged", "in_progress", "paused", "reopened"]);

export interface LiveComplaints {
  sheet: Sheet;
  map: HeaderMap;
  records: Complaint[];
  rowNumbers: number[];
  problems: CellProblem[];
  /** Rows an edit left unsettled: content without an ID, a status the trail lacks, no trail. */
  unsettled: number[];
  /** Data rows in the sheet, live or not. */
  totalRows: number;
}

/** Reads the live complaints; `since` (ms) also brings in rows received or updated from then. */
export function readLiveComplaints(office: Office, since?: number): LiveComplaints {
  const { sheet, map } = openComplaints(office);
  const last = sheet.getLastRow();
  const column = (key: keyof Complaint) => columnValues(sheet, map.index.get(key), last);
  const ids = column("id");
  const statuses = column("status");
  const trails = column("trail");
  const updated = since === undefined ? [] : column("updatedAt");
  const received = since === undefined ? [] : column("receivedAt");
  const live: number[] = [];
  /** Rows without an ID: content being typed (or left) is told from blank rows once read. */
  const noId: number[] = [];
  const unsettled: number[] = [];
  const recent = (v: unknown) => since !== undefined && isDate(v) && v.getTime() >= since;
  for (let i = 0; i < Math.max(0, last - 1); i++) {
    const row = i + 2;
    if (!String(ids[i] ?? "").trim()) {
      noId.push(row);
      continue;
    }
    const status = statusOf(String(statuses[i] ?? ""));
    const trail = parseTrail(String(trails[i] ?? ""), office.codec.utcOffsetMinutes, statusOf);
    if (!trail || !status || status !== lastStatus(trail)) unsettled.push(row);
    else if (WORKING.has(status) || recent(updated[i]) || recent(received[i])) live.push(row);
  }
  const read = readRowBlocks(sheet, [...live, ...noId], map.width);
  const unitCol = map.index.get("unit") ?? -1;
  for (const row of noId) if (!isBlank(read.get(row)?.[unitCol])) unsettled.push(row);
  unsettled.sort((a, b) => a - b);
  const rows = new Map(live.map((r) => [r, read.get(r) ?? []]));
  const numbers = [...rows.keys()].sort((a, b) => a - b);
  const decoded = decodeRows(
    SCHEMAS.complaints,
    map,
    numbers.map((n) => rows.get(n) ?? []),
    office.codec,
  );
  // decodeRows numbers rows as if adjacent; give each record its real sheet row.
  const rowNumbers = decoded.rowNumbers.map((n) => numbers[n - 2] ?? n);
  return {
    sheet,
    map,
    records: decoded.records,
    rowNumbers,
    problems: decoded.problems,
    unsettled,
    totalRows: Math.max(0, last - 1),
  };
}
