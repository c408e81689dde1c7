// Typing in the Call-backs sheet (onEdit): new service rows, calls recorded straight into a
// row, and computed cells typed over. Only the edited rows are read, and only the cells the
// desk computes are written, by the call-back's ID under the document lock the caller holds.
import {
  type Callback,
  OUTCOME_CELLS,
  possibleStates,
  typedOutcome,
  validateOutcome,
} from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { sameTime } from "../domain/rowEdit";
import { patchRows, type RowPatch, readHeaderMap, readRows, runsOf } from "../gas/patch";
import { LockBusyError, withDocumentLock } from "../gas/services";
import { findSheet, MissingColumnsError, MissingSheetError } from "../gas/table";
import { allLabels } from "../i18n/messages";
import { decodeRows, isBlank } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { sendQueuedCallbackAlerts, settleOutcome } from "./callbackOutcome";
import { answerLabel, schedule } from "./callbacks";
import { idsInSheet } from "./columns";
import { newIds } from "./ids";
import { type LiveCallbacks, readLiveCallbacks } from "./liveCallbacks";
import type { Office } from "./office";
import { flagUnits } from "./owners";
import { outcomeMessage } from "./recordCallback";
import { FIELDS, type Field, validateService } from "./serviceDraft";

/** What onEdit knows of the edit (the same shape the Complaints sheet gets). */
export interface CallbackEditHint {
  /** The 0-based columns the person edited; unknown when absent. */
  columns?: { from: number; to: number };
  /** The old value of a single-cell edit (Apps Script gives it for one cell only). */
  oldValue?: unknown;
}

const REQUIRED = ["id", "source", "ref", "unit", "doneAt", "dueAt", "state"];
/** Cells only the desk fills in; `dueAt` and `state` follow from the row's other cells. */
const KEPT_BY_DESK = ["attempts", "loggedBy"] as const;

function callbacksSheet(office: Office): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, office.t("sheet.callbacks"));
  if (!sheet) throw new MissingSheetError(allLabels("sheet.callbacks"));
  return sheet;
}

const columnName = (office: Office, key: string) => {
  const column = CALLBACK_COLUMNS.find((c) => c.key === key);
  return column ? headerFor(column, office.language) : key;
};

/**
 * Rows a person typed in the Call-backs sheet (onEdit; the caller holds the document lock):
 * a new service row gets its ID, due time and state; a call typed into a row (method, result,
 * satisfaction) is recorded exactly as the dialog records it; computed cells typed over are
 * put back. Reads only the edited rows and writes only the cells the desk computes, by the
 * call-back's ID, so what the person types meanwhile in the row's other cells stays theirs.
 * Nothing is written for an incomplete row.
 */
export function completeCallbackEdits(
  office: Office,
  firstRow: number,
  lastRow: number,
  hint: CallbackEditHint = {},
): string[] {
  const { t } = office;
  const sheet = callbacksSheet(office);
  const map = readHeaderMap(sheet, CALLBACK_COLUMNS);
  const missing = map.missing.filter((c) => REQUIRED.includes(c.key));
  if (missing.length)
    throw new MissingColumnsError(
      sheet.getName(),
      missing.map((c) => headerFor(c, office.language)),
    );
  const numbers = Array.from(
    { length: lastRow - Math.max(2, firstRow) + 1 },
    (_, i) => Math.max(2, firstRow) + i,
  );
  const rows = readRows(sheet, numbers, map.width);
  const edited = hint.columns
    ? new Set(
        [...map.index]
          .filter(([, i]) => i >= (hint.columns?.from ?? 0) && i <= (hint.columns?.to ?? -1))
          .map(([k]) => k),
      )
    : null;
  const single = hint.oldValue !== undefined;
  const oldText = String(hint.oldValue ?? "").trim();
  const decode = (row: number, raw: readonly unknown[]) => {
    const one = decodeRows(SCHEMAS.callbacks, map, [raw], office.codec, row, () => true);
    return { record: one.records[0] as Callback, unreadable: new Set(one.problems.map((p) => p.key)) };
  };
  const messages: string[] = [];
  const patches: RowPatch<Callback>[] = [];
  const fresh: { row: number; draft: Callback }[] = [];

  for (const row of numbers) {
    const raw = rows.get(row) ?? [];
    if (raw.every(isBlank)) continue;
    const { record, unreadable } = decode(row, raw);
    if (!record.id) {
      if (edited?.has("id") && single && oldText) {
        // Delete on an ID cell: the call-back keeps its identity.
        patches.push({ row, expect: { id: "" }, set: { id: oldText } });
        messages.push(t("cb.idRestored", { row, id: oldText }));
      } else if (record.state || record.dueAt || record.attempts !== null || record.loggedBy)
        messages.push(t("cb.idLost", { row, unit: record.unit }));
      else {
        const input: Partial<Record<Field, unknown>> = {};
        for (const f of FIELDS) input[f] = raw[map.index.get(f) ?? -1];
        const { draft, errors } = validateService(office, input);
        if (draft) fresh.push({ row, draft });
        else messages.push(t("edit.incomplete", { problems: errors.map((e) => e.message).join(" ") }));
      }
      continue;
    }
    if (edited?.has("id") && single && oldText && oldText !== record.id) {
      patches.push({ id: record.id, row, expect: { id: record.id }, set: { id: oldText } });
      messages.push(t("edit.reverted", { reason: t("cb.computed", { column: columnName(office, "id") }) }));
      continue;
    }
    // The row as the desk left it: a computed cell typed over reads as its old value.
    const col = hint.columns?.from;
    const old =
      single && col !== undefined
        ? decode(
            row,
            raw.map((v, i) => (i === col ? hint.oldValue : v)),
          ).record
        : null;
    const before: Callback = { ...record };
    const typedOver = typedOverCells(office, record, edited, unreadable);
    if (old) for (const k of typedOver) (before as unknown as Record<string, unknown>)[k] = old[k];
    else if (typedOver.includes("state"))
      before.state = schedule(office, { ...record, state: "", result: "", satisfaction: "" }).state;

    const typed = typedOutcome(before, edited, office.codec.utcOffsetMinutes);
    if (typed) {
      const checked = validateOutcome(before, typed, office.now.getTime(), office.codec.utcOffsetMinutes);
      if (checked.ok) {
        const settled = settleOutcome(office, sheet, before, row, checked.outcome, "sheet", record.state);
        messages.push(settled.message, ...(settled.ok ? [...settled.notes, ...settled.warnings] : []));
        continue;
      }
      if (checked.errors.some((e) => e.code === "alreadyRecorded")) {
        messages.push(t("cb.typed.already", { id: record.id, result: answerLabel(old ?? before, t) }));
        // One cell changed: the recorded answer is put back.
        const key = [...(edited ?? [])].find((k) => (OUTCOME_CELLS as readonly string[]).includes(k)) as
          | keyof Callback
          | undefined;
        // (A date's old value may come as a serial number that reads as nothing: then it is left.)
        const readable = key && old && !(old[key] === null && oldText);
        if (old && key && readable)
          patches.push({ id: record.id, row, expect: { [key]: record[key] }, set: { [key]: old[key] } });
      } else
        messages.push(
          t("cb.typed.incomplete", {
            id: record.id,
            problems: checked.errors
              .map((e) => outcomeMessage(office, before, e.field, e.code, typed as never))
              .join(" "),
          }),
        );
    }
    // What the desk computes from the row's own cells; a call typed but not recorded yet does
    // not count (the row stays as open as it was).
    const basis = typed ? { ...before, result: "" as const, satisfaction: "" as const } : before;
    const computed = schedule(office, basis);
    const set: Partial<Callback> = {};
    if (typed && before.state && before.state !== "waiting" && before.state !== "pending")
      computed.state = before.state;
    if (computed.state !== record.state) set.state = computed.state;
    if (!typed && !sameTime(computed.dueAt, record.dueAt)) set.dueAt = computed.dueAt;
    for (const k of KEPT_BY_DESK)
      if (old && typedOver.includes(k)) (set as Record<string, unknown>)[k] = before[k];
    if (Object.keys(set).length) patches.push({ id: record.id, row, expect: { id: record.id }, set });
    const undone = typedOver.filter((k) => k in set);
    if (undone.length)
      messages.push(
        t("edit.reverted", {
          reason: t("cb.computed", { column: undone.map((k) => columnName(office, k)).join("、") }),
        }),
      );
  }

  const freshAt = patches.length;
  if (fresh.length) {
    const ids = newIds(office, fresh.length, () => idsInSheet(sheet, map.index.get("id")), "HF");
    fresh.forEach(({ row, draft }, i) => {
      patches.push({
        row,
        // Still the row that was validated: no ID yet, same unit and service.
        expect: { id: "", unit: draft.unit, content: draft.content },
        set: {
          id: ids[i] ?? "",
          source: draft.source,
          doneAt: draft.doneAt,
          dueAt: draft.dueAt,
          state: draft.state,
          loggedBy: draft.loggedBy,
        },
        ifBlank: ["source", "doneAt"],
      });
    });
  }
  const outcome = patchRows(sheet, SCHEMAS.callbacks, office.codec, patches);
  for (const s of outcome.skipped) messages.push(t("writes.changedMeanwhile", { row: s.row ?? s.id ?? "" }));
  const landed = fresh
    .map((f, i) => ({ ...f, id: String(patches[freshAt + i]?.set.id ?? "") }))
    .filter((_, i) => outcome.rows.has(freshAt + i));
  for (const f of landed) {
    const due = f.draft.dueAt ? formatLocal(f.draft.dueAt.getTime(), office.codec.utcOffsetMinutes) : "";
    messages.push(t("svc.saved", { id: f.id, due }));
  }
  messages.push(
    ...flagUnits(
      office,
      sheet,
      map.index.get("unit"),
      landed.map((f) => ({ row: f.row, unit: f.draft.unit })),
    ),
  );
  return messages;
}

/**
 * The computed cells a person typed over. Told which columns they edited, those; otherwise
 * a state the row's own cells do not allow (a "called back" with no call, or not a state).
 */
function typedOverCells(
  office: Office,
  record: Callback,
  edited: ReadonlySet<string> | null,
  unreadable: ReadonlySet<string>,
): (keyof Callback)[] {
  if (edited) return ([...KEPT_BY_DESK, "state", "dueAt"] as const).filter((k) => edited.has(k));
  const claimed = record.state === "done" || record.state === "unreachable" || unreadable.has("state");
  const allowed = possibleStates(record, office.settings.callbacks.maxAttempts).includes(
    record.state as never,
  );
  return claimed && !allowed ? ["state"] : [];
}

/**
 * For the hourly run: the live call-backs after settling the rows an edit left unsettled
 * (content without an ID, a call typed in but not recorded, a state its cells do not allow),
 * and after sending the alerts queued by unsatisfied owners typed in (onEdit may not send
 * mail). `since`: also the finished call-backs due from then on (the digest's rates). Null
 * when the sheet is missing. When people hold the lock, it is left to next hour.
 */
export function sweptCallbacks(office: Office, since?: number, lockWaitMs = 30_000): LiveCallbacks | null {
  const live = readLiveCallbacks(office, since);
  if (!live) return null;
  const rows = live.unsettled;
  try {
    const swept = withDocumentLock(lockWaitMs, () => {
      for (const [first, last] of runsOf(rows)) completeCallbackEdits(office, first, last);
      sendQueuedCallbackAlerts(office);
      return rows.length;
    });
    return swept ? readLiveCallbacks(office, since) : live;
  } catch (e) {
    if (e instanceof LockBusyError) return live;
    throw e;
  }
}
