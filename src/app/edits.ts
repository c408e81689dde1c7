// Typing in the desk's sheets, as the simple onEdit trigger (30 s, no email) sees it. The edit
// is settled under the one document lock; when another execution holds it for more than a few
// seconds the row is left to the hourly sweep, and the person is told so.
import { LockBusyError, withDocumentLock } from "../gas/services";
import { allLabels } from "../i18n/messages";
import { settleComplaintRows } from "./complaintRows";
import { explainError } from "./errors";
import { loadOffice, type Office } from "./office";
import { completeCallbackEdits } from "./serviceIntake";

/** How long an edit waits for the lock: the person is watching, and the sweep catches up. */
const EDIT_LOCK_WAIT_MS = 5_000;

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet();
  const onComplaints = allLabels("sheet.complaints").includes(sheet.getName());
  const onCallbacks = allLabels("sheet.callbacks").includes(sheet.getName());
  if (!onComplaints && !onCallbacks) return;
  const firstRow = Math.max(2, e.range.getRow());
  const lastRow = e.range.getRow() + e.range.getNumRows() - 1;
  if (lastRow < 2) return;
  const ss = e.source;
  let office: Office | null = null;
  try {
    office = loadOffice(ss, new Date());
    const editor = e.user?.getEmail?.() ?? "";
    if (editor) office.user = editor;
    const o = office;
    const rows = Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i);
    const hint = {
      columns: { from: e.range.getColumn() - 1, to: e.range.getColumn() + e.range.getNumColumns() - 2 },
      oldValue: singleOldValue(e),
    };
    const messages = withDocumentLock(EDIT_LOCK_WAIT_MS, () =>
      onCallbacks ? completeCallbackEdits(o, firstRow, lastRow, hint) : settleComplaintRows(o, rows, hint),
    );
    if (messages.length) ss.toast(messages.join("\n"), o.t("menu.title"), 15);
  } catch (err) {
    if (office && err instanceof LockBusyError)
      ss.toast(office.t("writes.busy", { rows: rangeLabel(firstRow, lastRow) }), office.t("menu.title"), 15);
    else ss.toast(explainError(office, err), "⚠", 15);
  }
}

function rangeLabel(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** A single-cell edit of an empty cell carries no oldValue: it was "". */
function singleOldValue(e: GoogleAppsScript.Events.SheetsOnEdit): unknown {
  return e.range.getNumRows() === 1 && e.range.getNumColumns() === 1 ? (e.oldValue ?? "") : undefined;
}
