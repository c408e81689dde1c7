// Recording a call-back's outcome from the dialog: validate, write the row, and let the
// owner's word act on the work: close the complaint, reopen it, or open a follow-up repair.
import { applyOutcome, type Callback, type Consequence, validateOutcome } from "../domain/callback";
import type { Complaint, Status } from "../domain/complaint";
import { formatLocal } from "../domain/dates";
import { isEmail } from "../domain/escalation";
import { findDepartment } from "../domain/settings";
import { applyTransition } from "../domain/workflow";
import { LockBusyError, savedOnce, sendMail, withDocumentLock } from "../gas/services";
import { writeRows } from "../gas/table";
import { choiceLabel, encodeRow } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { followUpService, readCallbacks, saveCallbacks } from "./callbacks";
import { histories, readComplaints, readLog, score, writeLog } from "./complaints";
import { callbackAlertMail } from "./emails";
import { explainError } from "./errors";
import { loadOffice, type Office } from "./office";

export type RecordResult =
  | { ok: true; message: string; consequence: Consequence; followUpId: string }
  | { ok: false; errors: { field: string; message: string }[]; message: string };

function fail(message: string, errors: { field: string; message: string }[] = []): RecordResult {
  return { ok: false, errors, message: message || errors.map((e) => e.message).join("\n") };
}

export function recordCallback(id: unknown, form: unknown, submissionId: string): RecordResult {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const raw = (typeof form === "object" && form !== null ? form : {}) as Record<string, unknown>;
  try {
    return withDocumentLock(20_000, () =>
      savedOnce("callback", submissionId, () => record(office, String(id ?? "").trim(), raw)),
    );
  } catch (e) {
    if (e instanceof LockBusyError) return fail(office.t("error.busy"));
    return fail(explainError(office, e));
  }
}

function record(office: Office, id: string, raw: Record<string, unknown>): RecordResult {
  const { t } = office;
  const table = readCallbacks(office);
  const i = table.records.findIndex((c) => c.id === id);
  const cb = table.records[i];
  const row = table.rowNumbers[i];
  if (!cb || row === undefined) return fail(t("cb.error.notFound", { id }));
  const checked = validateOutcome(cb, raw, office.now.getTime(), office.codec.utcOffsetMinutes);
  if (!checked.ok) {
    const errors = checked.errors.map((e) => ({
      field: e.field,
      message: outcomeMessage(office, cb, e.field, e.code, raw),
    }));
    return fail("", errors);
  }
  const { record: done, consequence } = applyOutcome(
    cb,
    checked.outcome,
    office.user,
    office.settings.callbacks,
  );
  writeRows(table.sheet, SCHEMAS.callbacks, table.map, row, [
    encodeRow(SCHEMAS.callbacks, table.map, done, office.codec, table.values[row - 1]),
  ]);
  let followUpId = "";
  if (consequence === "closeComplaint" || consequence === "reopenComplaint")
    actOnComplaint(office, done, consequence);
  if (consequence === "followUpService") {
    const [saved] = saveCallbacks(office, readCallbacks(office), [
      followUpService(office, done, done.remarks),
    ]);
    followUpId = saved?.id ?? "";
    alert(office, done, null, followUpId);
  }
  const satisfaction = done.satisfaction
    ? choiceLabel("satisfaction", done.satisfaction, t)
    : choiceLabel("cbResult", done.result, t);
  return {
    ok: true,
    consequence,
    followUpId,
    message: t(`cb.done.${consequence}`, { id: done.id, ref: done.ref, satisfaction, followUp: followUpId }),
  };
}

function actOnComplaint(office: Office, cb: Callback, consequence: "closeComplaint" | "reopenComplaint") {
  const complaints = readComplaints(office);
  const i = complaints.records.findIndex((c) => c.id === cb.ref);
  const c = complaints.records[i];
  const row = complaints.rowNumbers[i];
  if (!c || row === undefined) return;
  const to: Status = consequence === "closeComplaint" ? "closed" : "reopened";
  if (consequence === "closeComplaint" && c.status !== "resolved") return;
  if (consequence === "reopenComplaint" && c.status !== "resolved" && c.status !== "closed") return;
  const moved = applyTransition(c, { to, who: office.user, at: office.now });
  // The row shows the deadlines and SLA state of its new status at once, not at the next hourly run.
  const history = [...(histories(readLog(office)).get(c.id) ?? []), { at: office.now.getTime(), to }];
  const sla = score(office, moved, history);
  const next = sla
    ? {
        ...moved,
        resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
        slaState: sla.state,
      }
    : moved;
  writeRows(complaints.sheet, SCHEMAS.complaints, complaints.map, row, [
    encodeRow(SCHEMAS.complaints, complaints.map, next, office.codec, complaints.values[row - 1]),
  ]);
  const label = (s: string) => choiceLabel("status", s, office.t);
  writeLog(office, [
    {
      item: c.id,
      field: "status",
      from: label(c.status),
      to: label(to),
      note: `${cb.id}: ${cb.remarks || choiceLabel("satisfaction", cb.satisfaction, office.t)}`,
    },
  ]);
  if (consequence === "reopenComplaint") alert(office, cb, next, "");
}

/** Tells the handler, the department head and the manager that an owner was not satisfied. */
function alert(office: Office, cb: Callback, complaint: Complaint | null, followUpId: string) {
  const dept = findDepartment(office.settings, cb.department);
  const handlers = isEmail(complaint?.assignee ?? cb.handler)
    ? [complaint?.assignee ?? cb.handler]
    : (dept?.handlerEmails ?? []);
  const to = [
    ...new Set(
      [...handlers, dept?.headEmail ?? "", office.settings.managerEmail].map((e) => e.trim()).filter(isEmail),
    ),
  ];
  if (!to.length) return;
  const mail = callbackAlertMail(
    { t: office.t, officeName: office.settings.officeName, utcOffsetMinutes: office.codec.utcOffsetMinutes },
    cb,
    followUpId,
  );
  sendMail({ to: to.join(","), name: office.settings.officeName, ...mail });
}

function outcomeMessage(
  office: Office,
  cb: Callback,
  field: string,
  code: string,
  raw: Record<string, unknown>,
): string {
  const column = CALLBACK_COLUMNS.find((c) => c.key === field);
  const name = column ? headerFor(column, office.language) : field;
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "");
  return office.t(`cb.error.${code}` as Parameters<Office["t"]>[0], {
    field: name,
    value: String(raw[field] ?? ""),
    id: cb.id,
    at: when(cb.calledAt),
    by: cb.calledBy,
    result: cb.satisfaction
      ? choiceLabel("satisfaction", cb.satisfaction, office.t)
      : choiceLabel("cbResult", cb.result, office.t),
    doneAt: when(cb.doneAt),
  });
}
