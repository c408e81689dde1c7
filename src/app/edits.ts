// Typing in the desk's sheets, as the simple onEdit trigger (30 s, no email) sees it. The edit
// is settled under the one document lock; when another execution holds it for more than a few
// seconds the row is left to the hourly sweep, and the person is told so.
import { LockBusyError, withDocumentLock } from "../gas/services";
import { allLabels, type MessageKey } from "../i18n/messages";
import { type EditHint, settleComplaintRows } from "./complaintRows";
import { explainError } from "./errors";
import { CONFIG_SHEETS, forgetOfficeConfig, loadOffice, type Office } from "./office";
import { completeCallbackEdits } from "./serviceIntake";

/** How long an edit waits for the lock: the person is watching, and the sweep catches up. */
const EDIT_LOCK_WAIT_MS = 5_000;

type RowSpan = { first: number; last: number };

type EditHandler =
  | { sheet: MessageKey; settle: (office: Office, rows: RowSpan, hint: EditHint) => string[] }
  /** Needs neither the office nor the lock (and must stay cheap: it runs on every keystroke there). */
  | { sheet: MessageKey; noted: () => void };

/** Who settles typing in which sheet: each capability registers its sheet here. */
const EDIT_HANDLERS: readonly EditHandler[] = [
  // The office's configuration: the next edit or dialog reads it afresh (see office.ts).
  ...CONFIG_SHEETS.map((sheet) => ({ sheet, noted: forgetOfficeConfig })),
  {
    sheet: "sheet.complaints",
    settle: (office, { first, last }, hint) =>
      settleComplaintRows(
        office,
        Array.from({ length: last - first + 1 }, (_, i) => first + i),
        hint,
      ),
  },
  {
    sheet: "sheet.callbacks",
    settle: (office, { first, last }, hint) => completeCallbackEdits(office, first, last, hint),
  },
];

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const name = e.range.getSheet().getName();
  const handler = EDIT_HANDLERS.find((h) => allLabels(h.sheet).includes(name));
  if (!handler) return;
  if ("noted" in handler) {
    handler.noted();
    return;
  }
  const rows = { first: Math.max(2, e.range.getRow()), last: e.range.getRow() + e.range.getNumRows() - 1 };
  if (rows.last < 2) return;
  const ss = e.source;
  let office: Office | null = null;
  try {
    office = loadOffice(ss, new Date());
    const editor = e.user?.getEmail?.() ?? "";
    if (editor) office.user = editor;
    const o = office;
    const hint: EditHint = {
      columns: { from: e.range.getColumn() - 1, to: e.range.getColumn() + e.range.getNumColumns() - 2 },
      oldValue: singleOldValue(e),
    };
    const messages = withDocumentLock(EDIT_LOCK_WAIT_MS, () => handler.settle(o, rows, hint));
    if (messages.length) ss.toast(messages.join("\n"), o.t("menu.title"), 15);
  } catch (err) {
    if (office && err instanceof LockBusyError)
      ss.toast(
        office.t("writes.busy", { rows: rangeLabel(rows.first, rows.last) }),
        office.t("menu.title"),
        15,
      );
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
