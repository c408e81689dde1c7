// The hourly re-score: finish rows an edit could not (the sweep), then bring every complaint's
// deadlines and SLA state up to date. Decides from one read, then writes only the cells that
// changed, found by ID under the document lock and only if the row's status is still the one
// scored (a complaint resolved meanwhile is left to its own edit).
import { type Complaint, isOpen } from "../domain/complaint";
import type { TrackedItem } from "../domain/escalation";
import { sameTime } from "../domain/rowEdit";
import { patchRows, type RowPatch } from "../gas/patch";
import { LockBusyError, withDocumentLock } from "../gas/services";
import { SCHEMAS } from "../sheets/schema";
import { settleComplaintRows } from "./complaintRows";
import { type Change, logValue, track, writeLog } from "./complaints";
import { type LiveComplaints, readLiveComplaints } from "./liveRows";
import type { Office } from "./office";

/** A run waits this long for people's edits and dialogs to finish; else it writes next hour. */
const RUN_LOCK_WAIT_MS = 30_000;
/** Rows the sweep settles in one run. */
const MAX_SWEPT_PER_RUN = 500;

export interface Rescored {
  items: TrackedItem[];
  changedDeadlines: number;
  /** Rows the sweep completed or settled. */
  swept: number;
  /** False when the lock stayed busy: nothing was written this time. */
  wrote: boolean;
}

/**
 * Re-scores the live complaints (and, with `since`, those received or updated from then on,
 * as the digest needs); completes first what edits left unsettled.
 */
export function rescoreAll(office: Office, since?: number): Rescored {
  let table = readLiveComplaints(office, since);
  let swept = 0;
  try {
    if (table.unsettled.length) {
      // Bounded, so a workbook from before trails existed is brought up to date over a few runs.
      const batch = table.unsettled.slice(0, MAX_SWEPT_PER_RUN);
      withDocumentLock(RUN_LOCK_WAIT_MS, () => settleComplaintRows(office, batch, {}));
      swept = batch.length;
      table = readLiveComplaints(office, since);
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
  table: LiveComplaints,
  items: readonly TrackedItem[],
  /** Every item's computed cells, not only those that changed since the read. */
  all: boolean,
): { patches: RowPatch<Complaint>[]; changes: Change[] } {
  const patches: RowPatch<Complaint>[] = [];
  const changes: Change[] = [];
  const rowOf = new Map(table.records.map((c, i) => [c.id, table.rowNumbers[i]]));
  for (const { complaint: c, sla } of items) {
    // Resolved and closed complaints keep the figures they ended with.
    if (!isOpen(c.status)) continue;
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
