// The complaints an hourly run must look at, without reading years of finished ones: a few
// narrow columns of every row tell which rows are still live (open, unsettled by an edit, or
// touched since a given time), and only those rows are read whole. A closed complaint's
// figures were written when it closed and are never recomputed.
import type { Complaint } from "../domain/complaint";
import { isDate } from "../domain/dates";
import { lastStatus, parseTrail } from "../domain/trail";
import { readRows, runsOf } from "../gas/patch";
import { type CellProblem, decodeRows, type HeaderMap, isBlank } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { openComplaints, statusOf } from "./complaintRows";
import type { Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Above this many separate blocks of live rows, read from the first one to the end at once. */
const MAX_BLOCKS = 20;

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
  const column = (key: keyof Complaint) => {
    const col = map.index.get(key);
    if (col === undefined || last < 2) return [] as unknown[];
    return sheet
      .getRange(2, col + 1, last - 1, 1)
      .getValues()
      .map((r) => r[0]);
  };
  const ids = column("id");
  const statuses = column("status");
  const units = column("unit");
  const trails = column("trail");
  const updated = since === undefined ? [] : column("updatedAt");
  const received = since === undefined ? [] : column("receivedAt");
  const live: number[] = [];
  const unsettled: number[] = [];
  const recent = (v: unknown) => since !== undefined && isDate(v) && v.getTime() >= since;
  for (let i = 0; i < Math.max(0, last - 1); i++) {
    const row = i + 2;
    const id = String(ids[i] ?? "").trim();
    if (!id) {
      if (!isBlank(units[i])) unsettled.push(row);
      continue;
    }
    const status = statusOf(String(statuses[i] ?? ""));
    const trail = parseTrail(String(trails[i] ?? ""), office.codec.utcOffsetMinutes, statusOf);
    if (!trail || !status || status !== lastStatus(trail)) unsettled.push(row);
    else if (WORKING.has(status) || recent(updated[i]) || recent(received[i])) live.push(row);
  }
  const rows = readLiveRows(sheet, live, map.width);
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

function readLiveRows(sheet: Sheet, rows: readonly number[], width: number): Map<number, unknown[]> {
  const blocks = runsOf(rows);
  if (blocks.length <= MAX_BLOCKS) return readRows(sheet, rows, width);
  const first = blocks[0]?.[0] ?? 2;
  const last = blocks[blocks.length - 1]?.[1] ?? first;
  const wanted = new Set(rows);
  const out = new Map<number, unknown[]>();
  sheet
    .getRange(first, 1, last - first + 1, width)
    .getValues()
    .forEach((v, i) => {
      if (wanted.has(first + i)) out.set(first + i, v);
    });
  return out;
}
