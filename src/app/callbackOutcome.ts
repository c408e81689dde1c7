// The one path for a call's outcome, whether the Record call-back dialog sent it or a person
// typed it into the Call-backs sheet: write the call-back's cells by its ID, then let the
// owner's word act on the work (close or reopen the complaint, open a follow-up repair, call
// again after a neutral answer) and tell the people concerned. Callers hold the document lock.
import { applyOutcome, type Callback, type Consequence, type Outcome } from "../domain/callback";
import type { Complaint } from "../domain/complaint";
import { formatLocal } from "../domain/dates";
import { isEmail } from "../domain/escalation";
import { findDepartment } from "../domain/settings";
import { patchRows, type RowPatch } from "../gas/patch";
import { documentProps, sendMail } from "../gas/services";
import { appendToLog } from "../gas/table";
import type { Cell } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { answerLabel, followUpService, readCallbacks, saveCallbacks } from "./callbacks";
import { moveComplaint } from "./complaintRows";
import { callbackAlertMail } from "./emails";
import { messageOf } from "./errors";
import type { Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type Settled =
  | {
      ok: true;
      consequence: Consequence;
      followUpId: string;
      message: string;
      /** Said beside the message: who was emailed, or will be. */
      notes: string[];
      /** Something after the save went wrong (an alert email not sent): said, never a failure. */
      warnings: string[];
    }
  | { ok: false; message: string };

/** Where the outcome came from: the dialog sends the whole call; the sheet already shows what was typed. */
export type Via = "dialog" | "sheet";

const DIALOG_CELLS = [
  "calledAt",
  "calledBy",
  "method",
  "result",
  "satisfaction",
  "remarks",
  "followUp",
] as const;
const COMPUTED_CELLS = ["attempts", "state", "dueAt"] as const;

/**
 * The cells to write for an outcome. From the dialog: the call and what the desk computes.
 * From the sheet: only what the desk computes, plus the call's time and caller when left blank
 * (or left from an earlier try), and the result when a satisfaction was typed over "not reached".
 */
function outcomePatch(before: Callback, done: Callback, row: number, via: Via): RowPatch<Callback> {
  const set: Partial<Callback> = {};
  const put = <K extends keyof Callback>(k: K) => {
    set[k] = done[k];
  };
  COMPUTED_CELLS.forEach(put);
  const ifBlank: (keyof Callback)[] = [];
  if (via === "dialog") DIALOG_CELLS.forEach(put);
  else {
    if (before.calledAt?.getTime() !== done.calledAt?.getTime()) put("calledAt");
    if (!before.calledAt) ifBlank.push("calledAt");
    if (before.result !== done.result) put("result");
    if (!before.calledBy) {
      put("calledBy");
      ifBlank.push("calledBy");
    }
  }
  // Someone else may have recorded this call meanwhile: then nothing is written twice.
  return {
    id: before.id,
    row,
    set,
    ifBlank,
    expect: { id: before.id, state: before.state, attempts: before.attempts },
  };
}

/**
 * Records an outcome already checked with validateOutcome against `before`, read under the
 * lock. `stateInCell`: what the row's state cell holds now, when a person typed over it.
 */
export function settleOutcome(
  office: Office,
  sheet: Sheet,
  before: Callback,
  row: number,
  outcome: Outcome,
  via: Via,
  stateInCell = before.state,
): Settled {
  const { t } = office;
  const { record: done, consequence } = applyOutcome(
    before,
    outcome,
    office.user,
    office.settings.callbacks,
    office.calendar,
  );
  const patch = outcomePatch(before, done, row, via);
  patch.expect = { ...patch.expect, state: stateInCell };
  const written = patchRows(sheet, SCHEMAS.callbacks, office.codec, [patch]);
  if (!written.rows.size) return { ok: false, message: t("cb.error.changedMeanwhile", { id: before.id }) };

  // The call-back is saved: from here on a problem is a warning, never a failure.
  const warnings: string[] = [];
  const notes: string[] = [];
  let followUpId = "";
  let alertFor: { complaint: Complaint | null } | null = null;
  try {
    const note = `${done.id}: ${done.remarks || answerLabel(done, t)}`;
    if (consequence === "closeComplaint" && !moveComplaint(office, done.ref, "closed", ["resolved"], note))
      warnings.push(t("cb.complaintUnchanged", { ref: done.ref }));
    if (consequence === "reopenComplaint") {
      const moved = moveComplaint(office, done.ref, "reopened", ["resolved", "closed"], note);
      if (!moved) warnings.push(t("cb.complaintUnchanged", { ref: done.ref }));
      alertFor = { complaint: moved };
    }
    if (consequence === "followUpService") {
      const [saved] = saveCallbacks(office, { sheet }, [followUpService(office, done, done.remarks)]);
      followUpId = saved?.id ?? "";
      alertFor = { complaint: null };
    }
  } catch (e) {
    warnings.push(messageOf(e));
  }
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "");
  const message = t(`cb.recorded.${consequence}`, {
    id: done.id,
    ref: done.ref,
    satisfaction: answerLabel(done, t),
    followUp: followUpId,
    due: when(done.dueAt),
    attempts: done.attempts ?? 0,
    max: office.settings.callbacks.maxAttempts,
  });
  if (alertFor) {
    if (via === "sheet") {
      // onEdit is a simple trigger and may not send mail: the hourly run sends it.
      queueAlert(done.id, followUpId);
      notes.push(t("cb.alert.queued"));
    } else {
      const alert = sendAlert(office, done, alertFor.complaint, followUpId);
      (alert.sent ? notes : warnings).push(alert.message);
    }
  }
  return {
    ok: true,
    consequence,
    followUpId,
    message,
    notes: notes.filter(Boolean),
    warnings: warnings.filter(Boolean),
  };
}

/** Who hears of an unsatisfied owner: the handler (or the department's handlers), its head, the manager. */
function alertRecipients(office: Office, cb: Callback, complaint: Complaint | null): string[] {
  const dept = findDepartment(office.settings, cb.department);
  const handler = complaint?.assignee || cb.handler;
  const handlers = isEmail(handler) ? [handler] : (dept?.handlerEmails ?? []);
  return [
    ...new Set(
      [...handlers, dept?.headEmail ?? "", office.settings.managerEmail].map((e) => e.trim()).filter(isEmail),
    ),
  ];
}

/**
 * Emails the alert; says what to tell the person. A refused send (a malformed address, the
 * day's quota) is logged and reported as a warning: the call-back itself stays saved.
 */
export function sendAlert(
  office: Office,
  cb: Callback,
  complaint: Complaint | null,
  followUpId: string,
): { sent: boolean; message: string } {
  const to = alertRecipients(office, cb, complaint);
  if (!to.length) return { sent: false, message: "" };
  const mail = callbackAlertMail(
    { t: office.t, officeName: office.settings.officeName, utcOffsetMinutes: office.codec.utcOffsetMinutes },
    cb,
    followUpId,
  );
  try {
    sendMail({ to: to.join(","), name: office.settings.officeName, ...mail });
    return { sent: true, message: office.t("cb.alert.sent") };
  } catch (e) {
    const error = messageOf(e);
    logAlertFailure(office, cb.id, to, error);
    return { sent: false, message: office.t("cb.alert.failed", { to: to.join(", "), error }) };
  }
}

function logAlertFailure(office: Office, id: string, to: readonly string[], error: string) {
  console.error(`Call-back alert for ${id} to ${to.join(", ")} not sent: ${error}`);
  try {
    const row: Cell[] = [office.now, id, "email", "", to.join(", "), office.user, error];
    appendToLog(office.ss, SCHEMAS.log, office.codec, [row]);
  } catch (e) {
    console.error(`Could not log it: ${messageOf(e)}`);
  }
}

/** Alerts waiting for a run that may send mail (bounded: a property value holds 9 KB). */
const ALERT_QUEUE = "cb.alerts.queued";
const MAX_QUEUED = 150;

interface QueuedAlert {
  id: string;
  followUpId: string;
}

function queued(): QueuedAlert[] {
  try {
    const list = JSON.parse(documentProps().getProperty(ALERT_QUEUE) ?? "[]") as unknown;
    return Array.isArray(list) ? (list as QueuedAlert[]) : [];
  } catch {
    return [];
  }
}

function queueAlert(id: string, followUpId: string) {
  const list = [...queued().filter((a) => a.id !== id), { id, followUpId }].slice(-MAX_QUEUED);
  documentProps().setProperty(ALERT_QUEUE, JSON.stringify(list));
}

/**
 * Sends the alerts queued by outcomes typed into the sheet; for the hourly run, under the
 * document lock. Each is taken off the queue before it is sent, so a run cut short never
 * sends one twice. Returns how many went out.
 */
export function sendQueuedCallbackAlerts(office: Office): number {
  const list = queued();
  if (!list.length) return 0;
  documentProps().deleteProperty(ALERT_QUEUE);
  const byId = new Map(readCallbacks(office).records.map((c) => [c.id, c]));
  let sent = 0;
  for (const a of list) {
    const cb = byId.get(a.id);
    if (cb && sendAlert(office, cb, null, a.followUpId).sent) sent += 1;
  }
  return sent;
}
