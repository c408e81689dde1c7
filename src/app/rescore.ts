// Re-scores every complaint against today's calendar and targets, writing only the
// deadline columns that changed (one write per column) and logging each deadline move.
import { isDate } from "../domain/dates";
import type { TrackedItem } from "../domain/escalation";
import { writeColumn } from "../gas/table";
import { type Cell, encodeCell } from "../sheets/codec";
import { COMPLAINT_COLUMNS } from "../sheets/schema";
import { type Change, logValue, readComplaints, readLog, track, writeLog } from "./complaints";
import type { Office } from "./office";

const SCORED = ["responseDue", "resolutionDue", "slaState"] as const;

export interface Rescored {
  items: TrackedItem[];
  changedDeadlines: number;
}

export function rescoreAll(office: Office): Rescored {
  const table = readComplaints(office);
  const items = track(office, table.records, readLog(office));
  const byId = new Map(items.map((i) => [i.complaint.id, i.sla]));
  const changes: Change[] = [];
  const columns = new Map<string, { cells: Cell[]; dirty: boolean }>(
    SCORED.map((k) => [k, { cells: [], dirty: false }]),
  );
  const firstRow = table.rowNumbers[0] ?? 2;
  const lastRow = table.rowNumbers[table.rowNumbers.length - 1] ?? 1;
  // Cells of rows between records (blank rows) keep what they hold.
  for (const key of SCORED) {
    const index = table.map.index.get(key);
    const column = columns.get(key);
    if (index === undefined || !column) continue;
    for (let row = firstRow; row <= lastRow; row++)
      column.cells.push((table.values[row - 1]?.[index] ?? "") as Cell);
  }
  table.records.forEach((c, i) => {
    const sla = byId.get(c.id);
    const row = table.rowNumbers[i];
    if (!sla || row === undefined) return;
    const next = {
      responseDue: new Date(sla.responseDue),
      resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
      slaState: sla.state,
    };
    for (const key of SCORED) {
      const spec = COMPLAINT_COLUMNS.find((col) => col.key === key);
      const column = columns.get(key);
      if (!spec || !column || !table.map.index.has(key)) continue;
      const cell = encodeCell(spec, next[key], office.codec);
      const before = column.cells[row - firstRow];
      if (sameCell(before, cell)) continue;
      column.cells[row - firstRow] = cell;
      column.dirty = true;
      if (key !== "slaState")
        changes.push({
          item: c.id,
          field: key,
          from: logValue(office, key, c[key]),
          to: logValue(office, key, next[key]),
          note: office.t("log.rescored"),
        });
    }
  });
  for (const [key, column] of columns)
    if (column.dirty) writeColumn(table.sheet, table.map, key, firstRow, column.cells);
  if (changes.length) writeLog(office, changes);
  return { items, changedDeadlines: changes.length };
}

function sameCell(a: unknown, b: Cell): boolean {
  if (isDate(a) || isDate(b)) {
    // Sheets keep minutes; a difference under a minute is the same deadline.
    return isDate(a) && isDate(b) && Math.abs(a.getTime() - b.getTime()) < 60_000;
  }
  return (a ?? "") === b;
}
