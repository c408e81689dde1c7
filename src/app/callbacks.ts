// The Call-backs sheet: reading it, and adding call-backs for resolved complaints and for
// repairs and housekeeping services. Callers hold the document lock.
import { type Callback, type CallbackSource, callbackDue, isSettled } from "../domain/callback";
import type { Complaint } from "../domain/complaint";
import { findSheet, readTable, type Table, writeRows } from "../gas/table";
import { encodeRow } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { newIds } from "./ids";
import type { Office } from "./office";

export function readCallbacks(office: Office): Table<Callback> {
  return readTable<Callback>(office.ss, SCHEMAS.callbacks, office.codec, [
    "id",
    "source",
    "ref",
    "unit",
    "doneAt",
    "dueAt",
    "state",
  ]);
}

/**
 * The Call-backs sheet, or null when it is missing (a workbook set up before call-backs
 * existed): complaint work goes on, and the health check asks for set-up.
 */
export function readCallbacksIfAny(office: Office): Table<Callback> | null {
  if (!findSheet(office.ss, SCHEMAS.callbacks, office.t(SCHEMAS.callbacks.nameKey))) return null;
  return readCallbacks(office);
}

/** The call-backs of one complaint, oldest first. */
export function callbacksOf(callbacks: readonly Callback[], complaintId: string): Callback[] {
  return callbacks.filter((c) => c.source === "complaint" && c.ref === complaintId);
}

/** A complaint may close once its latest call-back found the owner satisfied, or unreachable after N tries. */
export function callbackSettled(callbacks: readonly Callback[], complaintId: string): boolean {
  const latest = callbacksOf(callbacks, complaintId).at(-1);
  return latest !== undefined && isSettled(latest);
}

/** Fills in what the desk computes for a call-back: due time and state from the completion time. */
export function schedule(office: Office, cb: Callback): Callback {
  if (!cb.doneAt || !cb.source)
    return {
      ...cb,
      dueAt: null,
      state: cb.state === "done" || cb.state === "unreachable" ? cb.state : "waiting",
    };
  const due = callbackDue(cb.doneAt.getTime(), cb.source, office.settings.callbacks, office.calendar);
  const state = cb.state === "done" || cb.state === "unreachable" ? cb.state : "pending";
  return { ...cb, dueAt: new Date(due), state };
}

export function complaintCallback(office: Office, c: Complaint): Callback {
  return schedule(office, {
    ...SCHEMAS.callbacks.empty(),
    source: "complaint",
    ref: c.id,
    unit: c.unit,
    owner: c.owner,
    contact: c.contact,
    content: c.content.length > 500 ? `${c.content.slice(0, 500)}…` : c.content,
    doneAt: c.resolvedAt ?? office.now,
    handler: c.assignee,
    department: c.department,
    // First-contact ownership: whoever logged the complaint calls the owner back.
    loggedBy: c.receivedBy || office.user,
  });
}

/** A follow-up work item after an unsatisfied call-back on a repair: not done yet, so not yet due. */
export function followUpService(office: Office, cb: Callback, remarks: string): Callback {
  return {
    ...SCHEMAS.callbacks.empty(),
    source: cb.source as CallbackSource,
    ref: cb.id,
    unit: cb.unit,
    owner: cb.owner,
    contact: cb.contact,
    content: office.t("cb.followUpContent", { id: cb.id, remarks }),
    handler: cb.handler,
    department: cb.department,
    state: "waiting",
    loggedBy: office.user,
  };
}

/** Appends call-backs after the last used row, giving each a new HF ID. */
export function saveCallbacks(
  office: Office,
  table: Table<Callback>,
  drafts: readonly Callback[],
): Callback[] {
  if (!drafts.length) return [];
  const ids = newIds(
    office,
    drafts.length,
    table.records.map((c) => c.id),
    "HF",
  );
  const saved = drafts.map((d, i) => ({ ...d, id: ids[i] ?? "", loggedBy: d.loggedBy || office.user }));
  const rows = saved.map((c) => encodeRow(SCHEMAS.callbacks, table.map, c, office.codec));
  writeRows(table.sheet, SCHEMAS.callbacks, table.map, table.nextRow, rows);
  return saved;
}
