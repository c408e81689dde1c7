// Recording a call-back's outcome from the dialog: validate, then the one outcome path
// (callbackOutcome.ts) writes the call-back by its ID and lets the owner's word act on the
// work. The manager may also close a complaint whose owner answered neutral, with a reason.
import { type Callback, type Consequence, managerClose, validateOutcome } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { patchRows } from "../gas/patch";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { settleOutcome } from "./callbackOutcome";
import { answerLabel, findCallback } from "./callbacks";
import { moveComplaint } from "./complaintRows";
import { explainError } from "./errors";
import { loadOffice, type Office } from "./office";

export type RecordResult =
  | {
      ok: true;
      message: string;
      consequence: Consequence | "managerClosed";
      followUpId: string;
      /** Said beside the message: who was emailed. */
      notes: string[];
      /** Said beside the success: an alert that could not be sent, and what to do. */
      warnings: string[];
    }
  | { ok: false; errors: { field: string; message: string }[]; message: string };

function fail(message: string, errors: { field: string; message: string }[] = []): RecordResult {
  return { ok: false, errors, message: message || errors.map((e) => e.message).join("\n") };
}

/**
 * The dialog's save. `form` holds the call (method, result, satisfaction, remarks, followUp,
 * calledAt), or `managerClose: true` with a `reason`.
 */
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
  const found = id ? findCallback(office, id) : null;
  if (!found) return fail(t("cb.error.notFound", { id }));
  const { sheet, record: cb, row } = found;
  if (raw.managerClose === true) return closeByManager(office, sheet, cb, row, String(raw.reason ?? ""));
  const checked = validateOutcome(cb, raw, office.now.getTime(), office.codec.utcOffsetMinutes);
  if (!checked.ok)
    return fail(
      "",
      checked.errors.map((e) => ({
        field: e.field,
        message: outcomeMessage(office, cb, e.field, e.code, raw),
      })),
    );
  const settled = settleOutcome(office, sheet, cb, row, checked.outcome, "dialog");
  if (!settled.ok) return fail(settled.message);
  return { ...settled, ok: true };
}

/** The person is the office's manager (manager.email in Settings). */
export function isManager(office: Office): boolean {
  const me = office.user.trim().toLowerCase();
  return !!me && me === office.settings.managerEmail.trim().toLowerCase();
}

/** The manager closes the complaint of a neutral call-back with a written reason, kept on the call-back and in the Log. */
function closeByManager(
  office: Office,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  cb: Callback,
  row: number,
  reasonText: string,
): RecordResult {
  const { t } = office;
  const reason = reasonText.trim();
  const note = t("cb.managerNote", {
    who: office.user,
    at: formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes),
    reason,
  });
  const closed = managerClose(cb, reason, note, isManager(office));
  if (!closed.ok) {
    const field = closed.error === "notNeutral" || closed.error === "notManager" ? "id" : "reason";
    const message =
      closed.error === "tooLong"
        ? t("cb.error.tooLong", {
            field: headerFor(CALLBACK_COLUMNS.find((c) => c.key === "followUp")!, office.language),
          })
        : t(`cb.error.${closed.error}`, { id: cb.id, manager: office.settings.managerEmail || "—" });
    return fail("", [{ field, message }]);
  }
  // The complaint first: if it is not resolved now (reopened meanwhile), nothing is recorded.
  if (!moveComplaint(office, cb.ref, "closed", ["resolved"], t("cb.managerLog", { id: cb.id, reason })))
    return fail("", [{ field: "id", message: t("cb.complaintUnchanged", { ref: cb.ref }) }]);
  const written = patchRows(sheet, SCHEMAS.callbacks, office.codec, [
    {
      id: cb.id,
      row,
      expect: { id: cb.id, state: cb.state, followUp: cb.followUp },
      set: { state: closed.record.state, followUp: closed.record.followUp },
    },
  ]);
  const warnings = written.rows.size ? [] : [t("cb.error.changedMeanwhile", { id: cb.id })];
  return {
    ok: true,
    consequence: "managerClosed",
    followUpId: "",
    message: t("cb.recorded.managerClosed", { id: cb.id, ref: cb.ref, reason }),
    notes: [],
    warnings,
  };
}

/** An outcome's problem in the office's words, naming the column as the sheet shows it. */
export function outcomeMessage(
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
    result: answerLabel(cb, office.t),
    doneAt: when(cb.doneAt),
  });
}
