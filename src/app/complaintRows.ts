// Settling rows of the Complaints sheet a person typed in (onEdit) or left unfinished (the
// hourly sweep): complete new rows, police status moves, stamp steps, re-score, keep the trail.
// Reads only the rows concerned, decides in the domain, and writes only computed cells,
// addressed by ID under the document lock the caller holds.
import type { Complaint, Status } from "../domain/complaint";
import { formatLocal, isDate } from "../domain/dates";
import { INTAKE_FIELDS, type IntakeInput, validateIntake } from "../domain/intake";
import type { LogEntry, StatusChange } from "../domain/log";
import { registerComplaint } from "../domain/register";
import { planRowEdit, scoreComplaint } from "../domain/rowEdit";
import { categoryNames } from "../domain/settings";
import { formatTrail, lastStatus, parseTrail, trailFromRow } from "../domain/trail";
import { escapeRe } from "../domain/units";
import { applyTransition, TRANSITION_FIELDS, type TransitionProblem } from "../domain/workflow";
import { patchRows, type RowPatch, readRows } from "../gas/patch";
import { findSheet, MissingSheetError, requireColumns, requireSheet } from "../gas/table";
import {
  choiceCode,
  choiceLabel,
  type DecodedRows,
  decodeRows,
  type HeaderMap,
  isBlank,
} from "../sheets/codec";
import { COMPLAINT_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import {
  callbackSettled,
  callbacksOf,
  callbacksOfComplaints,
  complaintCallback,
  saveCallbacks,
} from "./callbacks";
import { headerMapOf, idsInSheet, readRowBlocks, rowsMatching } from "./columns";
import { type Change, histories, logValue, readLog, writeLog } from "./complaints";
import { earlierComplaints } from "./finders";
import { newIds } from "./ids";
import { fieldMessage } from "./intake";
import type { Office } from "./office";
import { flagUnits } from "./owners";

const REQUIRED = ["id", "receivedAt", "unit", "category", "severity", "content", "status"] as const;

export interface EditHint {
  /** The 0-based columns the person edited; a sweep passes none. */
  columns?: { from: number; to: number };
  /** The old value of a single-cell edit (Apps Script gives it for one cell only). */
  oldValue?: unknown;
}

/** The Complaints sheet and its header map, with the columns every use needs. */
export function openComplaints(office: Office): {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  map: HeaderMap;
} {
  const sheet = requireSheet(office.ss, SCHEMAS.complaints, office.codec);
  const map = headerMapOf(sheet, COMPLAINT_COLUMNS);
  requireColumns(sheet, map, office.codec, REQUIRED);
  return { sheet, map };
}

export const statusOf = (label: string) => choiceCode("status", label) as Status | null;

export function trailText(office: Office, history: readonly StatusChange[]): string {
  return formatTrail(history, office.codec.utcOffsetMinutes, (s) => choiceLabel("status", s, office.t));
}

/** A record's history before now: its trail, else the Log's, else what the row itself shows. */
export function historyOf(
  office: Office,
  c: Complaint,
  fromLog: () => Map<string, StatusChange[]>,
  statusBefore?: Status,
): { history: StatusChange[]; source: "trail" | "log" | "row" } {
  const trail = parseTrail(c.trail, office.codec.utcOffsetMinutes, statusOf);
  if (trail) return { history: trail, source: "trail" };
  const logged = fromLog().get(c.id);
  if (logged?.length) {
    const received = c.receivedAt?.getTime() ?? logged[0]?.at ?? 0;
    return { history: [{ at: received, to: "new" }, ...logged], source: "log" };
  }
  return { history: trailFromRow(c, statusBefore), source: "row" };
}

/**
 * The Log's status histories, read once and only if asked for; a missing Log reads as empty.
 * Given the IDs wanted (an edit, the sweep), only their Log rows are read, found on Google's
 * side: a workbook from before trails costs a search, not a read of years of Log.
 */
export function lazyLogHistories(office: Office, ids?: readonly string[]): () => Map<string, StatusChange[]> {
  let cached: Map<string, StatusChange[]> | null = null;
  return () => {
    if (!cached) {
      try {
        cached = histories(ids ? logEntriesOf(office, ids) : readLog(office));
      } catch (e) {
        if (!(e instanceof MissingSheetError)) throw e;
        cached = new Map();
      }
    }
    return cached;
  };
}

/** The Log rows of these items (by their ID column), read in blocks. */
function logEntriesOf(office: Office, ids: readonly string[]): LogEntry[] {
  const wanted = [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
  if (!wanted.length) return [];
  const sheet = requireSheet(office.ss, SCHEMAS.log, office.codec);
  const map = headerMapOf(sheet, SCHEMAS.log.columns);
  requireColumns(
    sheet,
    map,
    office.codec,
    SCHEMAS.log.columns.map((c) => c.key),
  );
  // A search pattern per hundred IDs keeps each one short.
  const rows: number[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    const some = wanted.slice(i, i + 100).map(escapeRe);
    rows.push(...rowsMatching(sheet, map.index.get("item"), `^(?:${some.join("|")})$`, true));
  }
  rows.sort((a, b) => a - b);
  const found = readRowBlocks(sheet, rows, map.width);
  const keep = new Set(wanted.map((id) => id.toLowerCase()));
  return decodeRows(
    SCHEMAS.log,
    map,
    rows.map((r) => found.get(r) ?? []),
    office.codec,
  ).records.filter((e) => keep.has(e.item.trim().toLowerCase()));
}

/** A row with no ID that shows it was a complaint before (someone cleared or pasted over its ID). */
function lostItsId(c: Complaint): boolean {
  return !!(c.trail || c.acknowledgedAt || c.resolvedAt || c.closedAt || c.responseDue);
}

export function settleComplaintRows(office: Office, rowNumbers: readonly number[], hint: EditHint): string[] {
  const { sheet, map } = openComplaints(office);
  const rows = readRows(
    sheet,
    rowNumbers.filter((r) => r >= 2),
    map.width,
  );
  const numbers = [...rows.keys()];
  const decoded: DecodedRows<Complaint> = { records: [], rowNumbers: [], problems: [] };
  numbers.forEach((n, i) => {
    const one = decodeRows(
      SCHEMAS.complaints,
      map,
      [rows.get(n) ?? []],
      office.codec,
      n,
      (r) => !r.every(isBlank),
    );
    decoded.records.push(...one.records);
    decoded.rowNumbers.push(...one.rowNumbers);
    decoded.problems.push(...one.problems.map((p) => ({ ...p, row: i })));
  });
  const editedKeys = new Set(
    [...map.index]
      .filter(([, i]) => hint.columns && i >= hint.columns.from && i <= hint.columns.to)
      .map(([k]) => k),
  );
  const messages: string[] = [];
  const changes: Change[] = [];
  const patches: RowPatch<Complaint>[] = [];
  const fresh: { row: number; draft: Complaint; raw: unknown[] }[] = [];
  /** Complaints resolved by this edit, and whether they may have a call-back already. */
  const resolvedNow: { complaint: Complaint; mayHaveCallback: boolean }[] = [];
  const fromLog = lazyLogHistories(
    office,
    decoded.records.map((c) => c.id),
  );
  const single = hint.oldValue !== undefined;
  // Closing asks about the call-backs of the rows edited, found on Google's side, read once.
  let callbackRecords: ReturnType<typeof callbacksOfComplaints> | undefined;
  const callbacks = () => {
    if (callbackRecords === undefined)
      callbackRecords = callbacksOfComplaints(
        office,
        decoded.records.map((c) => c.id),
      );
    return callbackRecords;
  };

  let counts: Map<string, number> | null = null;
  const idCount = () => {
    if (!counts) {
      counts = new Map();
      for (const id of idsInSheet(sheet, map.index.get("id")))
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  decoded.records.forEach((record, i) => {
    const row = decoded.rowNumbers[i] as number;
    const raw = rows.get(row) ?? [];
    const at = numbers.indexOf(row);
    const problems = decoded.problems.filter((p) => p.row === at);
    if (!record.id) {
      if (editedKeys.has("id") && single && String(hint.oldValue ?? "").trim()) {
        // Delete on an ID cell: the record keeps its identity.
        const id = String(hint.oldValue).trim();
        patches.push({ row, expect: { id: "" }, set: { id } });
        messages.push(office.t("writes.idRestored", { id, row }));
        return;
      }
      if (lostItsId(record)) {
        messages.push(office.t("writes.idLost", { row, unit: record.unit }));
        return;
      }
      const validated = validateRow(office, record, raw, map.index, problems);
      if (typeof validated === "string") messages.push(validated);
      else fresh.push({ row, draft: validated, raw });
      return;
    }
    if (editedKeys.has("id") && (idCount().get(record.id) ?? 0) > 1) {
      // A pasted copy of another row: acting on it would give one complaint two rows.
      messages.push(office.t("writes.duplicateId", { row, id: record.id }));
      return;
    }
    if (editedKeys.has("id") && single && String(hint.oldValue ?? "").trim() !== record.id) {
      const before = String(hint.oldValue ?? "").trim();
      if (before) {
        patches.push({ id: record.id, row, expect: { id: record.id }, set: { id: before } });
        messages.push(office.t("edit.reverted", { reason: computedMessage(office, "id") }));
        return;
      }
    }
    flagUnreadable(office, sheet, row, map.index, problems, editedKeys, messages);
    const statusBefore = single && editedKeys.has("status") ? statusOf(String(hint.oldValue ?? "")) : null;
    const { history, source } = historyOf(office, record, fromLog, statusBefore ?? undefined);
    const statusReadable = !problems.some((p) => p.key === "status");
    const plan = planRowEdit({
      record,
      history,
      edited: editedKeys,
      who: office.user,
      now: office.now,
      settings: office.settings,
      calendar: office.calendar,
      statusReadable,
      callbackSettled:
        record.status === "closed" && statusReadable
          ? callbackSettled(callbacks()?.records ?? [], record.id)
          : undefined,
    });
    if (plan.refused)
      messages.push(
        office.t("edit.reverted", {
          reason: transitionMessage(
            office,
            record,
            plan.refused,
            String(raw[map.index.get("status") ?? -1] ?? ""),
          ),
        }),
      );
    const trail = trailText(office, plan.history);
    const set: Partial<Complaint> = { ...plan.set };
    if (trail !== record.trail) set.trail = trail;
    if (source === "row" && !record.trail) messages.push(office.t("writes.trailRebuilt", { id: record.id }));
    // The person may type again meanwhile: their newer status is theirs to settle.
    const expect: Partial<Complaint> = statusReadable
      ? { id: record.id, status: record.status }
      : { id: record.id };
    patches.push({ id: record.id, row, expect, set });
    for (const c of plan.changes)
      changes.push({
        item: record.id,
        field: c.field,
        from: logValue(office, c.field, c.from),
        to: logValue(office, c.field, c.to),
        note: c.note ?? "",
      });
    for (const field of ["assignee", "department"] as const)
      if (editedKeys.has(field) && single && String(hint.oldValue ?? "") !== record[field])
        changes.push({ item: record.id, field, from: String(hint.oldValue ?? ""), to: record[field] });
    // A call-back is made when a complaint is resolved: one resolved for the first time (as its
    // own trail or the Log shows) has none to look for.
    if (plan.resolved)
      resolvedNow.push({
        complaint: { ...record, ...set },
        mayHaveCallback: source === "row" || history.some((h) => h.to === "resolved"),
      });
  });

  const flagged: { row: number; unit: string }[] = [];
  if (fresh.length) {
    const registered = registerNew(
      office,
      sheet,
      map,
      fresh.map((f) => f.draft),
    );
    fresh.forEach(({ row, draft }, i) => {
      const c = registered[i];
      if (!c) return;
      patches.push({
        row,
        // Still the row that was validated: no ID yet, same unit and content.
        expect: { id: "", unit: draft.unit, content: draft.content },
        set: {
          id: c.id,
          receivedAt: c.receivedAt,
          receivedBy: c.receivedBy,
          channel: c.channel,
          status: c.status,
          department: c.department,
          responseDue: c.responseDue,
          resolutionDue: c.resolutionDue,
          slaState: c.slaState,
          recurrenceOf: c.recurrenceOf,
          updatedAt: c.updatedAt,
          trail: c.trail,
        },
        ifBlank: ["receivedAt", "channel", "status", "department"],
      });
      changes.push({
        item: c.id,
        field: "created",
        from: "",
        to: c.unit,
        note: c.recurrenceOf ? `↺ ${c.recurrenceOf}` : "",
      });
      const due = c.responseDue ? formatLocal(c.responseDue.getTime(), office.codec.utcOffsetMinutes) : "";
      messages.push(office.t("edit.completed", { id: c.id, due }));
      flagged.push({ row, unit: c.unit });
    });
  }
  const outcome = patchRows(sheet, SCHEMAS.complaints, office.codec, patches);
  const landed = new Set([...outcome.rows.keys()].map((i) => patches[i]?.id ?? patches[i]?.set.id));
  for (const s of outcome.skipped)
    messages.push(office.t("writes.changedMeanwhile", { row: s.row ?? s.id ?? "" }));
  messages.push(...flagUnits(office, sheet, map.index.get("unit"), flagged));
  const logged = changes.filter((c) => landed.has(c.item));
  if (logged.length && !writeLogIfAny(office, logged))
    messages.push(office.t("error.noSheet", { sheet: office.t("sheet.log") }));
  scheduleCallbacks(
    office,
    resolvedNow.filter((r) => landed.has(r.complaint.id)),
    messages,
  );
  return messages;
}

/**
 * Text typed where a date or number belongs ("下周五前", "2026-02-30") is kept as typed: the
 * person is told, and the cell carries a note, until it holds a real date.
 */
function flagUnreadable(
  office: Office,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  index: Map<string, number>,
  problems: readonly { key: string; raw: unknown; code: string }[],
  edited: ReadonlySet<string>,
  messages: string[],
) {
  // A single date or number cell typed right again loses the note it may carry.
  const [only] = edited;
  const kind = COMPLAINT_COLUMNS.find((c) => c.key === only)?.kind;
  if (
    edited.size === 1 &&
    only &&
    (kind === "datetime" || kind === "number") &&
    !problems.some((p) => p.key === only)
  )
    sheet.getRange(row, (index.get(only) ?? 0) + 1).setNote("");
  for (const p of problems) {
    if (p.key === "status" || !edited.has(p.key) || p.code === "badChoice") continue;
    const column = COMPLAINT_COLUMNS.find((c) => c.key === p.key);
    const col = index.get(p.key);
    if (!column || col === undefined) continue;
    const text = office.t("writes.keptAsTyped", {
      field: headerFor(column, office.language),
      value: String(p.raw),
    });
    sheet.getRange(row, col + 1).setNote(text);
    messages.push(text);
  }
}

function validateRow(
  office: Office,
  record: Complaint,
  raw: readonly unknown[],
  index: Map<string, number>,
  problems: readonly { key: string }[],
): Complaint | string {
  const input = {} as Record<keyof IntakeInput, unknown>;
  for (const f of INTAKE_FIELDS) {
    const cell = raw[index.get(f) ?? -1];
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
    return office.t("edit.incomplete", { problems: text });
  }
  return { ...record, ...validated.complaint, department: record.department, assignee: record.assignee };
}

/**
 * New complaints, as the dialog and a typed row both make them: IDs from the high-water mark,
 * repeats found among earlier complaints of the same unit or place, deadlines, and a trail
 * that starts with "new". Caller holds the document lock.
 */
export function registerNew(
  office: Office,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  map: HeaderMap,
  drafts: readonly Complaint[],
): Complaint[] {
  const ids = newIds(office, drafts.length, () => idsInSheet(sheet, map.index.get("id")));
  const earlier = earlierComplaints(office, sheet, map, drafts);
  return drafts.map((draft, i) => {
    const c = registerComplaint(draft, {
      id: ids[i] ?? "",
      who: office.user,
      now: office.now,
      settings: office.settings,
      calendar: office.calendar,
      earlier,
    });
    earlier.push(c);
    return { ...c, trail: trailText(office, [{ at: (c.receivedAt ?? office.now).getTime(), to: "new" }]) };
  });
}

/** Logs the changes; false when the Log sheet is gone (the edit itself still stands). */
function writeLogIfAny(office: Office, changes: readonly Change[]): boolean {
  try {
    writeLog(office, changes);
    return true;
  } catch (e) {
    if (e instanceof MissingSheetError) return false;
    throw e;
  }
}

/**
 * Every resolved complaint gets a call-back, unless one is still waiting for the owner: the
 * call-backs of those that may have one are found on Google's side first.
 */
function scheduleCallbacks(
  office: Office,
  resolved: readonly { complaint: Complaint; mayHaveCallback: boolean }[],
  messages: string[],
) {
  if (!resolved.length) return;
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, office.t(SCHEMAS.callbacks.nameKey));
  if (!sheet) {
    messages.push(office.t("error.noSheet", { sheet: office.t("sheet.callbacks") }));
    return;
  }
  const again = resolved.filter((r) => r.mayHaveCallback).map((r) => r.complaint.id);
  const earlier = again.length ? (callbacksOfComplaints(office, again)?.records ?? []) : [];
  const drafts = resolved
    .map((r) => r.complaint)
    .filter((c) => !callbacksOf(earlier, c.id).some((cb) => cb.state === "pending" || cb.state === "waiting"))
    .map((c) => complaintCallback(office, c));
  for (const cb of saveCallbacks(office, { sheet }, drafts)) {
    const due = cb.dueAt ? formatLocal(cb.dueAt.getTime(), office.codec.utcOffsetMinutes) : "";
    messages.push(office.t("edit.callbackScheduled", { id: cb.ref, callback: cb.id, due }));
  }
}

function computedMessage(office: Office, key: string): string {
  const column = COMPLAINT_COLUMNS.find((c) => c.key === key) ?? COMPLAINT_COLUMNS[0];
  return office.t("edit.computed", { column: column ? headerFor(column, office.language) : key });
}

export function transitionMessage(
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
        to: statusOf(typed) ? label(statusOf(typed) as Status) : typed,
        allowed: problem.allowed.map(label).join(", "),
      });
    default:
      return "";
  }
}

/**
 * Moves one complaint's status on the desk's own decision (a call-back's outcome): finds its
 * row by ID, re-reads it, and writes only what the move computes. Caller holds the document
 * lock. Returns the moved complaint, or null when it is gone or not in one of `from`.
 */
export function moveComplaint(
  office: Office,
  id: string,
  to: Status,
  from: readonly Status[],
  note: string,
): Complaint | null {
  const { sheet, map } = openComplaints(office);
  const found = rowsMatching(sheet, map.index.get("id"), id);
  if (found.length !== 1) return null;
  const row = found[0] as number;
  const raw = readRows(sheet, [row], map.width).get(row) ?? [];
  const c = decodeRows(SCHEMAS.complaints, map, [raw], office.codec, row).records[0];
  if (!c || c.id !== id) return null;
  const { history } = historyOf(office, c, lazyLogHistories(office, [id]));
  const before = lastStatus(history);
  if (!from.includes(before)) return null;
  const moved = applyTransition({ ...c, status: before }, { to, who: office.user, at: office.now });
  const after = [...history, { at: office.now.getTime(), to }];
  const sla = scoreComplaint(moved, after, office);
  const next: Complaint = sla
    ? {
        ...moved,
        responseDue: new Date(sla.responseDue),
        resolutionDue: sla.resolutionDue === null ? null : new Date(sla.resolutionDue),
        slaState: sla.state,
      }
    : moved;
  const set: Partial<Complaint> = { trail: trailText(office, after) };
  for (const key of MOVED_FIELDS) if (next[key] !== c[key]) (set as Record<string, unknown>)[key] = next[key];
  const outcome = patchRows(sheet, SCHEMAS.complaints, office.codec, [
    { id, row, expect: { id, status: c.status }, set },
  ]);
  if (!outcome.rows.size) return null;
  writeLogIfAny(office, [
    {
      item: id,
      field: "status",
      from: logValue(office, "status", before),
      to: logValue(office, "status", to),
      note,
    },
  ]);
  return next;
}

const MOVED_FIELDS = [...TRANSITION_FIELDS, "responseDue", "resolutionDue", "slaState", "updatedAt"] as const;
