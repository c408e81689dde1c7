// The Call-backs sheet: reading it, and adding call-backs for resolved complaints and for
// repairs and housekeeping services. Callers hold the document lock.
import {
  type Callback,
  type CallbackSource,
  dueAtOf,
  isSettled,
  latestCallback,
  possibleStates,
} from "../domain/callback";
import type { Complaint } from "../domain/complaint";
import { escapeRe } from "../domain/units";
import { appendRecords } from "../gas/append";
import { readRows } from "../gas/patch";
import { findSheet, MissingSheetError, readTable, type Table } from "../gas/table";
import { allLabels, type Translate } from "../i18n/messages";
import { choiceLabel, decodeRows } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { headerMapOf, idsInSheet, rowsMatching } from "./columns";
import { newIds } from "./ids";
import { recordsAt } from "./lookup";
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
 * One call-back by its ID, found on Google's side (TextFinder) and read alone, so recording a
 * call costs the same at 50,000 rows as at 50. Null when no single row holds that ID.
 */
export function findCallback(
  office: Office,
  id: string,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; record: Callback; row: number } | null {
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, office.t(SCHEMAS.callbacks.nameKey));
  if (!sheet) throw new MissingSheetError(allLabels(SCHEMAS.callbacks.nameKey));
  const map = headerMapOf(sheet, SCHEMAS.callbacks.columns);
  const found = rowsMatching(sheet, map.index.get("id"), id);
  if (found.length !== 1) return null;
  const row = found[0] as number;
  const raw = readRows(sheet, [row], map.width).get(row) ?? [];
  const record = decodeRows(SCHEMAS.callbacks, map, [raw], office.codec, row, () => true).records[0];
  return record && record.id === id ? { sheet, record, row } : null;
}

/** What the owner answered, as the sheet says it: the satisfaction, else the result ("not reached"). */
export function answerLabel(cb: Callback, t: Translate): string {
  return cb.satisfaction
    ? choiceLabel("satisfaction", cb.satisfaction, t)
    : choiceLabel("cbResult", cb.result, t);
}

/**
 * The call-backs of these complaints, found by their complaint IDs on Google's side and read
 * alone (what closing or resolving a complaint needs, without reading the whole sheet). Null
 * when the Call-backs sheet is missing.
 */
export function callbacksOfComplaints(
  office: Office,
  complaintIds: readonly string[],
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; records: Callback[] } | null {
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, office.t(SCHEMAS.callbacks.nameKey));
  if (!sheet) return null;
  const ids = [...new Set(complaintIds.map((id) => id.trim()).filter(Boolean))];
  if (!ids.length) return { sheet, records: [] };
  const map = headerMapOf(sheet, SCHEMAS.callbacks.columns);
  const rows = rowsMatching(sheet, map.index.get("ref"), `^(?:${ids.map(escapeRe).join("|")})$`, true);
  const { records } = recordsAt<Callback>(office, SCHEMAS.callbacks, sheet, rows, map);
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  return { sheet, records: records.filter((c) => wanted.has(c.ref.trim().toLowerCase())) };
}

/** The call-backs of one complaint, in sheet order. */
export function callbacksOf(callbacks: readonly Callback[], complaintId: string): Callback[] {
  return callbacks.filter((c) => c.source === "complaint" && c.ref === complaintId);
}

/**
 * A complaint may close once its latest call-back (the newest by time, whatever the sheet's
 * order) found the owner satisfied, or unreachable after N tries, or the manager closed it.
 */
export function callbackSettled(callbacks: readonly Callback[], complaintId: string): boolean {
  const latest = latestCallback(callbacks, complaintId);
  return latest !== undefined && isSettled(latest);
}

/**
 * Fills in what the desk computes for a call-back from its own cells: the due time, and the
 * state when the one it holds is not one those cells allow.
 */
export function schedule(office: Office, cb: Callback): Callback {
  const allowed = possibleStates(cb, office.settings.callbacks.maxAttempts);
  const state = cb.state && allowed.includes(cb.state) ? cb.state : (allowed[0] ?? "pending");
  return { ...cb, state, dueAt: dueAtOf({ ...cb, state }, office.settings.callbacks, office.calendar) };
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

/**
 * Appends call-backs after the last used row (found afresh, so a row someone is typing is
 * kept), giving each a new HF ID. Caller holds the document lock.
 */
export function saveCallbacks(
  office: Office,
  table: Pick<Table<Callback>, "sheet">,
  drafts: readonly Callback[],
): Callback[] {
  return saveCallbacksAt(office, table, drafts).saved;
}

/** As saveCallbacks, also telling the sheet row of the first one. */
export function saveCallbacksAt(
  office: Office,
  table: Pick<Table<Callback>, "sheet">,
  drafts: readonly Callback[],
): { saved: Callback[]; firstRow: number } {
  if (!drafts.length) return { saved: [], firstRow: 0 };
  // The sheet's IDs are read only when the high-water mark is missing (a copied workbook):
  // the whole ID column, since `table.records` may hold only the few call-backs a caller found.
  const inSheet = () =>
    idsInSheet(table.sheet, headerMapOf(table.sheet, SCHEMAS.callbacks.columns).index.get("id"));
  const ids = newIds(office, drafts.length, inSheet, "HF");
  const saved = drafts.map((d, i) => ({ ...d, id: ids[i] ?? "", loggedBy: d.loggedBy || office.user }));
  return { saved, firstRow: appendRecords(table.sheet, SCHEMAS.callbacks, office.codec, saved) };
}
