// The hourly re-score: finish rows an edit could not (the sweep), then bring every complaint's
// deadlines and SLA state up to date. Decides from one read, then writes only the cells that
// changed, found by ID under the document lock and only if the row's status is still the one
// scored (a complaint resolved meanwhile is left to its own edit).
import type { Complaint } from "../domain/complaint";
import type { TrackedItem } from "../domain/escalation";
import { sameTime } from "../domain/rowEdit";
import { lastStatus, parseTrail } from "../domain/trail";
import { patchRows, type RowPatch } from "../gas/patch";
import { LockBusyError, withDocumentLock } from "../gas/services";
import { isBlank } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { settleComplaintRows, statusOf } from "./complaintRows";
import { type Change, logValue, readComplaints, track, writeLog } from "./complaints";
import type { Office } from "./office";

/** A run waits this long for people's edits and dialogs to finish; else it writes next hour. */
const RUN_LOCK_WAIT_MS = 30_000;

export interface Rescored {
  items: TrackedItem[];
  changedDeadlines: number;
  /** Rows the sweep completed or settled. */
  swept: number;
  /** False when the lock stayed busy: nothing was written this time. */
  wrote: boolean;
}

/** Rows an edit left unsettled: content without an ID, a status the trail has not recorded, no trail. */
export function unsettledRows(office: Office, table: ReturnType<typeof readComplaints>): number[] {
  const rows: number[] = [];
  const statusCol = table.map.index.get("status");
  const idCol = table.map.index.get("id");
  const badStatus = new Set(table.problems.filter((p) => p.key === "status").map((p) => p.row));
  table.values.slice(1).forEach((raw, i) => {
    const row = i + 2;
    if (idCol === undefined || raw.every(isBlank)) return;
    if (isBlank(raw[idCol])) {
      rows.push(row);
      return;
    }
    const index = table.rowNumbers.indexOf(row);
    const c = table.records[index];
    if (!c) return;
    const trail = parseTrail(c.trail, office.codec.utcOffsetMinutes, statusOf);
    const typed = statusCol === undefined ? null : statusOf(String(raw[statusCol] ?? ""));
    if (!trail || badStatus.has(row - 2) || (typed !== null && typed !== lastStatus(trail))) rows.push(row);
  });
  return rows;
}

export function rescoreAll(office: Office): Rescored {
  let table = readComplaints(office);
  let swept = 0;
  const unsettled = unsettledRows(office, table);
  try {
    if (unsettled.length) {
      withDocumentLock(RUN_LOCK_WAIT_MS, () => settleComplaintRows(office, unsettled, {}));
      swept = unsettled.length;
      table = readComplaints(office);
    }
    const items = track(office, table.records);
    const { patches, changes } = deadlinePatches(office, table, items, false);
    const changedDeadlines = withDocumentLock(RUN_LOCK_WAIT_MS, () => {
      const outcome = patchRows(table.sheet, SCHEMAS.complaints, office.codec, patches);
      // Rows moved under the write: write every item's computed cells again where they now are.
      if (outcome.displaced.length)
        patchRows(
          table.sheet,
          SCHEMAS.complaints,
          office.codec,
          deadlinePatches(office, table, items, true).patches,
        );
      const landed = new Set([...outcome.rows.keys()].map((i) => patches[i]?.id));
      const logged = changes.filter((c) => landed.has(c.item));
      if (logged.length) writeLog(office, logged);
      return logged.length;
    });
    return { items, changedDeadlines, swept, wrote: true };
  } catch (e) {
    if (!(e instanceof LockBusyError)) throw e;
    return { items: track(office, table.records), changedDeadlines: 0, swept, wrote: false };
  }
}

function deadlinePatches(
  office: Office,
  table: ReturnType<typeof readComplaints>,
  items: readonly TrackedItem[],
  /** Every item's computed cells, not only those that changed since the read. */
  all: boolean,
): { patches: RowPatch<Complaint>[]; changes: Change[] } {
  const patches: RowPatch<Complaint>[] = [];
  const changes: Change[] = [];
  const rowOf = new Map(table.records.map((c, i) => [c.id, table.rowNumbers[i]]));
  for (const { complaint: c, sla } of items) {
    const responseDue = new Date(sla.responseDue);
    const resolutionDue = sla.resolutionDue === null ? null : new Date(sla.resolutionDue);
    const set: Partial<Complaint> = {};
    if (all || !sameTime(c.responseDue, responseDue)) set.responseDue = responseDue;
    if (all || !sameTime(c.resolutionDue, resolutionDue)) set.resolutionDue = resolutionDue;
    if (all || c.slaState !== sla.state) set.slaState = sla.state;
    if (!Object.keys(set).length) continue;
    patches.push({
      id: c.id,
      row: all ? undefined : rowOf.get(c.id),
      expect: { id: c.id, status: c.status },
      set,
    });
    for (const key of ["responseDue", "resolutionDue"] as const)
      if (
        key in set &&
        !(key === "responseDue"
          ? sameTime(c.responseDue, responseDue)
          : sameTime(c.resolutionDue, resolutionDue))
      )
        changes.push({
          item: c.id,
          field: key,
          from: logValue(office, key, c[key]),
          to: logValue(office, key, set[key]),
          note: office.t("log.rescored"),
        });
  }
  return { patches, changes };
}
