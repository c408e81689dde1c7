// Typing in the Complaints sheet: complete new rows, police status moves, stamp who/when,
// re-score deadlines and log every change. Runs as the simple onEdit trigger (30 s, no email).
import type { Complaint, Status } from "../domain/complaint";
import { formatLocal, isDate } from "../domain/dates";
import { INTAKE_FIELDS, type IntakeInput, validateIntake } from "../domain/intake";
import type { LogEntry } from "../domain/log";
import { registerComplaint } from "../domain/register";
import { categoryNames } from "../domain/settings";
import { allowedNext, applyTransition, checkTransition, type TransitionProblem } from "../domain/workflow";
import { withDocumentLock } from "../gas/services";
import { writeRows } from "../gas/table";
import { allLabels } from "../i18n/messages";
import { choiceCode, choiceLabel, decodeRows, encodeRow, isBlank } from "../sheets/codec";
import { COMPLAINT_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { type Change, histories, logValue, readComplaints, readLog, score, writeLog } from "./complaints";
import { explainError } from "./errors";
import {
  callbackSettled,
  callbacksOf,
  complaintCallback,
  readCallbacksIfAny,
  saveCallbacks,
} from "./callbacks";
import { newIds } from "./ids";
import { flagUnits } from "./owners";
import { completeCallbackEdits } from "./serviceIntake";
import { fieldMessage } from "./intake";
import { loadOffice, type Office } from "./office";

const STEP_STAMPS: readonly { fields: (keyof Complaint)[]; at: keyof Complaint; by: keyof Complaint }[] = [
  { fields: ["cause", "responsibility"], at: "investigatedAt", by: "investigatedBy" },
  { fields: ["measures", "promisedBy", "ownerAgreed"], at: "actedAt", by: "actedBy" },
  { fields: ["followUp"], at: "followedUpAt", by: "followedUpBy" },
];

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
    if (onCallbacks) {
      const messages = withDocumentLock(25_000, () => completeCallbackEdits(o, firstRow, lastRow));
      if (messages.length) ss.toast(messages.join("\n"), o.t("menu.title"), 15);
      return;
    }
    withDocumentLock(25_000, () => completeEdits(o, e, firstRow, lastRow));
  } catch (err) {
    ss.toast(office ? explainError(office, err) : String(err), "⚠", 15);
  }
}

function editedKeys(e: GoogleAppsScript.Events.SheetsOnEdit, index: Map<string, number>): Set<string> {
  const from = e.range.getColumn() - 1;
  const to = from + e.range.getNumColumns() - 1;
  return new Set([...index].filter(([, i]) => i >= from && i <= to).map(([key]) => key));
}

function completeEdits(
  office: Office,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  firstRow: number,
  lastRow: number,
) {
  const table = readComplaints(office);
  const rows = table.values.slice(firstRow - 1, lastRow);
  const decoded = decodeRows(
    SCHEMAS.complaints,
    table.map,
    rows,
    office.codec,
    firstRow,
    (row) => !row.every(isBlank),
  );
  if (!decoded.records.length) return;
  const keys = editedKeys(e, table.map.index);
  // A single-cell edit of an empty cell carries no oldValue: it was "".
  const singleOld =
    e.range.getNumRows() === 1 && e.range.getNumColumns() === 1 ? (e.oldValue ?? "") : undefined;
  const log: LogEntry[] = decoded.records.some((c) => c.id) ? readLog(office) : [];
  const byItem = histories(log);
  const changes: Change[] = [];
  const messages: string[] = [];
  let callbackTable: ReturnType<typeof readCallbacksIfAny> | undefined;
  const callbacks = () => {
    if (callbackTable === undefined) callbackTable = readCallbacksIfAny(office);
    return callbackTable;
  };
  const resolvedNow: Complaint[] = [];
  const flagged: { row: number; unit: string }[] = [];
  const out = rows.map((r) => [...r]) as (string | number | boolean | Date)[][];
  const fresh: { at: number; draft: Complaint }[] = [];

  decoded.records.forEach((record, i) => {
    const rowNumber = decoded.rowNumbers[i] ?? firstRow;
    const at = rowNumber - firstRow;
    const raw = rows[at] ?? [];
    const problems = decoded.problems.filter((p) => p.row === at);
    if (!record.id) {
      const input = {} as Record<keyof IntakeInput, unknown>;
      for (const f of INTAKE_FIELDS) {
        const cell = raw[table.map.index.get(f) ?? -1];
        input[f] = isDate(cell) ? formatLocal(cell.getTime(), office.codec.utcOffsetMinutes) : (cell ?? "");
      }
      const decodedOk = (f: keyof IntakeInput) => !problems.some((p) => p.key === f);
      if (decodedOk("severity") && record.severity) input.severity = record.severity;
      if (decodedOk("channel") && record.channel) input.channel = record.channel;
      const validated = validateIntake(input, {
        categories: categoryNames(office.settings),
        now: office.now.getTime(),
        utcOffsetMinutes: office.codec.utcOffsetMinutes,
      });
      if (!validated.ok) {
        const text = validated.errors.map((err) => fieldMessage(office, err, input)).join(" ");
        messages.push(office.t("edit.incomplete", { problems: text }));
        return;
      }
      fresh.push({
        at,
        draft: {
          ...record,
          ...validated.complaint,
          department: record.department,
          assignee: record.assignee,
        },
      });
      return;
    }
    const history = byItem.get(record.id) ?? [];
    const loggedStatus: Status = history[history.length - 1]?.to ?? "new";
    let next: Complaint = { ...record, status: loggedStatus };
    const statusProblem = problems.find((p) => p.key === "status");
    if (statusProblem || record.status !== loggedStatus) {
      const problemsFound: TransitionProblem[] = statusProblem
        ? [{ code: "impossible", from: loggedStatus, to: loggedStatus, allowed: allowedNext(loggedStatus) }]
        : checkTransition(
            next,
            record.status,
            record.status === "closed"
              ? { callbackSettled: callbackSettled(callbacks()?.records ?? [], record.id) }
              : {},
          );
      if (problemsFound.length) {
        messages.push(
          office.t("edit.reverted", {
            reason: transitionMessage(
              office,
              record,
              problemsFound[0],
              String(raw[table.map.index.get("status") ?? -1] ?? ""),
            ),
          }),
        );
      } else {
        const pauseNote = record.status === "paused" ? `${record.pauseKind}: ${record.pauseReason}` : "";
        next = applyTransition(next, { to: record.status, who: office.user, at: office.now });
        changes.push({
          item: record.id,
          field: "status",
          from: logValue(office, "status", loggedStatus),
          to: logValue(office, "status", record.status),
          note: pauseNote,
        });
        history.push({ at: office.now.getTime(), to: record.status });
        if (record.status === "resolved") resolvedNow.push(next);
      }
    }
    if (keys.has("id") && singleOld !== undefined && String(singleOld) !== record.id) {
      next.id = String(singleOld);
      messages.push(
        office.t("edit.reverted", {
          reason: office.t("edit.computed", { column: headerFor(COMPLAINT_COLUMNS[0]!, office.language) }),
        }),
      );
    }
    for (const field of ["assignee", "department"] as const) {
      if (keys.has(field) && singleOld !== undefined && String(singleOld) !== record[field])
        changes.push({ item: record.id, field, from: String(singleOld ?? ""), to: record[field] });
    }
    for (const step of STEP_STAMPS) {
      if (step.fields.some((f) => keys.has(f) && !isBlank(record[f])) && !record[step.at]) {
        (next as unknown as Record<string, unknown>)[step.at] = office.now;
        (next as unknown as Record<string, unknown>)[step.by] = office.user;
      }
    }
    const sla = score(office, next, history);
    if (sla) {
      const responseDue = new Date(sla.responseDue);
      const resolutionDue = sla.resolutionDue === null ? null : new Date(sla.resolutionDue);
      if (record.responseDue?.getTime() !== responseDue.getTime())
        changes.push({
          item: record.id,
          field: "responseDue",
          from: logValue(office, "responseDue", record.responseDue),
          to: logValue(office, "responseDue", responseDue),
        });
      if ((record.resolutionDue?.getTime() ?? null) !== (resolutionDue?.getTime() ?? null))
        changes.push({
          item: record.id,
          field: "resolutionDue",
          from: logValue(office, "resolutionDue", record.resolutionDue),
          to: logValue(office, "resolutionDue", resolutionDue),
        });
      next = { ...next, responseDue, resolutionDue, slaState: sla.state };
    }
    next.updatedAt = office.now;
    out[at] = encodeRow(SCHEMAS.complaints, table.map, next, office.codec, raw);
  });

  if (fresh.length) {
    const ids = newIds(
      office,
      fresh.length,
      table.records.map((c) => c.id),
    );
    const earlier = [...table.records];
    fresh.forEach(({ at, draft }, i) => {
      const c = registerComplaint(draft, {
        id: ids[i] ?? "",
        who: office.user,
        now: office.now,
        settings: office.settings,
        calendar: office.calendar,
        earlier,
      });
      earlier.push(c);
      out[at] = encodeRow(SCHEMAS.complaints, table.map, c, office.codec, rows[at]);
      changes.push({
        item: c.id,
        field: "created",
        from: "",
        to: c.unit,
        note: c.recurrenceOf ? `↺ ${c.recurrenceOf}` : "",
      });
      const due = c.responseDue ? formatLocal(c.responseDue.getTime(), office.codec.utcOffsetMinutes) : "";
      messages.push(office.t("edit.completed", { id: c.id, due }));
      flagged.push({ row: firstRow + at, unit: c.unit });
    });
  }
  writeRows(table.sheet, SCHEMAS.complaints, table.map, firstRow, out);
  messages.push(...flagUnits(office, table.sheet, table.map.index.get("unit"), flagged));
  if (changes.length) writeLog(office, changes);
  if (resolvedNow.length) {
    // Every resolved complaint gets a call-back, unless one is still waiting for the owner.
    const table = callbacks();
    if (!table) messages.push(office.t("error.noSheet", { sheet: office.t("sheet.callbacks") }));
    else {
      const drafts = resolvedNow
        .filter(
          (c) =>
            !callbacksOf(table.records, c.id).some((cb) => cb.state === "pending" || cb.state === "waiting"),
        )
        .map((c) => complaintCallback(office, c));
      for (const cb of saveCallbacks(office, table, drafts)) {
        const due = cb.dueAt ? formatLocal(cb.dueAt.getTime(), office.codec.utcOffsetMinutes) : "";
        messages.push(office.t("edit.callbackScheduled", { id: cb.ref, callback: cb.id, due }));
      }
    }
  }
  if (messages.length) office.ss.toast(messages.join("\n"), office.t("menu.title"), 15);
}

function transitionMessage(
  office: Office,
  c: Complaint,
  problem: TransitionProblem | undefined,
  typed: string,
): string {
  const column = (key: string) =>
    headerFor(COMPLAINT_COLUMNS.find((col) => col.key === key) ?? COMPLAINT_COLUMNS[0]!, office.language);
  const label = (s: Status) => choiceLabel("status", s, office.t);
  switch (problem?.code) {
    case "pauseKindRequired":
      return office.t("transition.pauseKindRequired", { id: c.id, column: column("pauseKind") });
    case "pauseReasonRequired":
      return office.t("transition.pauseReasonRequired", { id: c.id, column: column("pauseReason") });
    case "rootCauseRequired":
      return office.t("transition.rootCauseRequired", {
        id: c.id,
        recurrenceOf: problem.recurrenceOf,
        column: column("rootCause"),
      });
    case "callbackRequired":
      return office.t("transition.callbackRequired", {
        id: c.id,
        attempts: office.settings.callbacks.maxAttempts,
      });
    case "impossible":
      return office.t("transition.impossible", {
        id: c.id,
        from: label(problem.from),
        to: choiceCode("status", typed) ? label(choiceCode("status", typed) as Status) : typed,
        allowed: problem.allowed.map(label).join(", "),
      });
    default:
      return "";
  }
}
