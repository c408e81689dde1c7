// The call-backs an hourly run or the digest must look at, without reading every finished one:
// a few narrow columns of every row tell which call-backs are still open (to call, waiting for
// the work, or left unsettled by an edit), and only those rows are read whole. The digest's
// 30-day rates also need the finished call-backs due in that period, and read only the columns
// the rates count.
import { type Callback, possibleStates, typedOutcome } from "../domain/callback";
import { findSheet, requireColumns } from "../gas/table";
import { decodeRows, type HeaderMap, isBlank } from "../sheets/codec";
import { CALLBACK_COLUMNS, SCHEMAS } from "../sheets/schema";
import { columnValues, headerMapOf, readRowBlocks } from "./columns";
import type { Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const REQUIRED = ["id", "source", "ref", "unit", "doneAt", "dueAt", "state"];
/** Read for every row: enough to tell a finished call-back whose cells agree with its state. */
const NARROW = ["id", "state", "result", "satisfaction"] as const;
/** Also read for every row when the digest's rates are wanted. */
const RATES = ["dueAt", "calledAt", "department"] as const;

export interface LiveCallbacks {
  sheet: Sheet;
  map: HeaderMap;
  /** Open call-backs and rows left unsettled, read whole. */
  records: Callback[];
  /** With `since`: finished call-backs due from then on, with only the cells the rates count. */
  recent: Callback[];
  /** Rows an edit did not settle: content without an ID, a call typed in, a state its cells do not allow. */
  unsettled: number[];
}

/** The live call-backs, or null when the Call-backs sheet is missing. */
export function readLiveCallbacks(office: Office, since?: number): LiveCallbacks | null {
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, office.t(SCHEMAS.callbacks.nameKey));
  if (!sheet) return null;
  const map = headerMapOf(sheet, CALLBACK_COLUMNS);
  requireColumns(sheet, map, office.codec, REQUIRED);
  const last = sheet.getLastRow();
  const keys = since === undefined ? NARROW : [...NARROW, ...RATES];
  const columns = keys.map((k) => ({
    at: map.index.get(k),
    values: columnValues(sheet, map.index.get(k), last),
  }));
  // The narrow cells laid out as rows, so the sheet's own codec reads them.
  const narrow = Array.from({ length: Math.max(0, last - 1) }, (_, i) => {
    const row: unknown[] = Array.from({ length: map.width }, () => "");
    for (const c of columns) if (c.at !== undefined) row[c.at] = c.values[i] ?? "";
    return row;
  });
  const brief = decodeRows(SCHEMAS.callbacks, map, narrow, office.codec, 2, () => true).records;
  const open: number[] = [];
  const recent: Callback[] = [];
  brief.forEach((c, i) => {
    const row = i + 2;
    if (!c.id || !finished(c)) open.push(row);
    else if (since !== undefined && (c.dueAt?.getTime() ?? -1) >= since) recent.push(c);
  });
  const raw = readRowBlocks(sheet, open, map.width);
  const records: Callback[] = [];
  const unsettled: number[] = [];
  const idCol = map.index.get("id") ?? -1;
  for (const row of open) {
    const cells = raw.get(row) ?? [];
    if (cells.every(isBlank)) continue;
    const c = decodeRows(SCHEMAS.callbacks, map, [cells], office.codec, row, () => true).records[0];
    if (isBlank(cells[idCol]) || !c) {
      unsettled.push(row);
      continue;
    }
    records.push(c);
    if (
      typedOutcome(c, null, office.codec.utcOffsetMinutes) ||
      !possibleStates(c, office.settings.callbacks.maxAttempts).includes(c.state as never)
    )
      unsettled.push(row);
  }
  return { sheet, map, records, recent, unsettled };
}

/**
 * Done with the owner's answer, or given up as unreachable, as its cells agree: nothing an
 * hourly run can still do for it. A state its cells contradict is read whole and checked.
 */
function finished(c: Callback): boolean {
  if (c.state === "done") return c.satisfaction !== "" && c.result !== "unreachable";
  if (c.state === "unreachable") return c.result === "unreachable" && !c.satisfaction;
  return false;
}
