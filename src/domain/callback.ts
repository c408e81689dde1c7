// Call-backs (回访): after a resolved complaint or a repair/housekeeping service the office
// calls the owner back. Pure rules: when it is due, what an outcome may be, what it causes.
import { addBusinessMinutes, type BusinessCalendar } from "./calendar";
import { formatLocal, parseLocalDateTime } from "./dates";
import { encodeNotice } from "./notices";
import { MAX_CELL_CHARS } from "./text";

export const CALLBACK_SOURCES = ["complaint", "repair", "housekeeping"] as const;
export type CallbackSource = (typeof CALLBACK_SOURCES)[number];

export const CALLBACK_METHODS = ["phone", "visit", "wechat", "sms", "other"] as const;
export type CallbackMethod = (typeof CALLBACK_METHODS)[number];

export const SATISFACTION = [
  "very_satisfied",
  "satisfied",
  "neutral",
  "dissatisfied",
  "very_dissatisfied",
] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export const CALLBACK_RESULTS = ["reached", "unreachable"] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

/**
 * waiting: the work is not done yet; pending: to call (not called yet, not reached yet, or a
 * complaint's owner answered neutral and is to be called again); done: the owner's word is
 * recorded; unreachable: given up after N tries.
 */
export const CALLBACK_STATES = ["waiting", "pending", "done", "unreachable"] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

export interface Callback {
  id: string;
  source: CallbackSource | "";
  /** The complaint or earlier service this call-back follows. */
  ref: string;
  unit: string;
  owner: string;
  contact: string;
  content: string;
  doneAt: Date | null;
  handler: string;
  department: string;
  dueAt: Date | null;
  calledAt: Date | null;
  calledBy: string;
  method: CallbackMethod | "";
  result: CallbackResult | "";
  satisfaction: Satisfaction | "";
  remarks: string;
  followUp: string;
  attempts: number | null;
  state: CallbackState | "";
  loggedBy: string;
}

export function emptyCallback(): Callback {
  return {
    id: "",
    source: "",
    ref: "",
    unit: "",
    owner: "",
    contact: "",
    content: "",
    doneAt: null,
    handler: "",
    department: "",
    dueAt: null,
    calledAt: null,
    calledBy: "",
    method: "",
    result: "",
    satisfaction: "",
    remarks: "",
    followUp: "",
    attempts: null,
    state: "",
    loggedBy: "",
  };
}

export interface CallbackRules {
  /** Business days after completion: complaints, and repairs/housekeeping. */
  complaintDays: number;
  serviceDays: number;
  /** Tries before a call-back may be closed as unreachable. */
  maxAttempts: number;
}

export const isSatisfied = (s: Satisfaction | "") => s === "very_satisfied" || s === "satisfied";
export const isUnsatisfied = (s: Satisfaction | "") => s === "dissatisfied" || s === "very_dissatisfied";

/**
 * A call-back that lets its complaint close: the owner was satisfied, or could not be reached
 * after N tries, or answered neutral and the manager closed it with a written reason (the
 * only way a neutral answer becomes done: on its own it leaves the call-back pending).
 */
export const isSettled = (c: Callback) =>
  c.state === "unreachable" ||
  (c.state === "done" && !isUnsatisfied(c.satisfaction) && c.satisfaction !== "");

/** A complaint's owner answered neutral: the call-back stays open and falls due again. */
export const awaitsFollowUp = (c: Callback) =>
  c.source === "complaint" && c.state === "pending" && c.result === "reached" && c.satisfaction === "neutral";

/** When a call-back happened or falls due: its call, else its deadline, else when the work was done. */
export const callbackTime = (c: Callback) => (c.calledAt ?? c.dueAt ?? c.doneAt)?.getTime() ?? 0;

/**
 * A complaint's latest call-back: the newest by time, not the last row, so a sheet sorted
 * newest-first reads the same. IDs are handed out in order, so they break ties.
 */
export function latestCallback(callbacks: readonly Callback[], complaintId: string): Callback | undefined {
  let latest: Callback | undefined;
  for (const c of callbacks) {
    if (c.source !== "complaint" || c.ref !== complaintId) continue;
    if (
      !latest ||
      callbackTime(c) > callbackTime(latest) ||
      (callbackTime(c) === callbackTime(latest) && c.id > latest.id)
    )
      latest = c;
  }
  return latest;
}

/**
 * The states a call-back's own cells allow, the usual one first: what the desk puts back when
 * someone types another state over it. A neutral answer to a complaint is pending until the
 * manager closes it (then done), so both are allowed there.
 */
export function possibleStates(c: Callback, maxAttempts: number): CallbackState[] {
  if (!c.source || !c.doneAt) return ["waiting"];
  if (c.result === "unreachable") return (c.attempts ?? 0) >= maxAttempts ? ["unreachable"] : ["pending"];
  if (!c.satisfaction) return ["pending"];
  if (c.source === "complaint" && c.satisfaction === "neutral") return ["pending", "done"];
  return ["done"];
}

/** Due a number of business days after the work was done, or after a neutral answer that asks for another call. */
export function dueAtOf(c: Callback, rules: CallbackRules, cal: BusinessCalendar): Date | null {
  if (!c.source || !c.doneAt) return null;
  const from = awaitsFollowUp(c) && c.calledAt ? c.calledAt : c.doneAt;
  return new Date(callbackDue(from.getTime(), c.source, rules, cal));
}

/** Due a number of business days after the work was done, counted on the office's calendar. */
export function callbackDue(
  doneAt: number,
  source: CallbackSource,
  rules: CallbackRules,
  cal: BusinessCalendar,
): number {
  const days = source === "complaint" ? rules.complaintDays : rules.serviceDays;
  return addBusinessMinutes(cal, doneAt, days * (cal.dayEndMinutes - cal.dayStartMinutes));
}

export interface OutcomeInput {
  method: string;
  result: string;
  satisfaction: string;
  remarks: string;
  followUp: string;
  /** Office-local time of the call; empty means now. */
  calledAt: string;
}

export type OutcomeErrorCode =
  | "alreadyRecorded"
  | "notDoneYet"
  | "required"
  | "unknownMethod"
  | "unknownResult"
  | "unknownSatisfaction"
  | "badDate"
  | "futureDate"
  | "beforeCompletion"
  | "tooLong";

export interface OutcomeError {
  field: keyof OutcomeInput | "id";
  code: OutcomeErrorCode;
}

export interface Outcome {
  method: CallbackMethod;
  result: CallbackResult;
  satisfaction: Satisfaction | "";
  remarks: string;
  followUp: string;
  calledAt: number;
}

/** Checks a call-back outcome against the record it is for. */
export function validateOutcome(
  cb: Callback,
  raw: Partial<Record<keyof OutcomeInput, unknown>>,
  now: number,
  utcOffsetMinutes: number,
): { ok: true; outcome: Outcome } | { ok: false; errors: OutcomeError[] } {
  const text = (k: keyof OutcomeInput) =>
    raw[k] === undefined || raw[k] === null ? "" : String(raw[k]).trim();
  if (cb.state === "done" || cb.state === "unreachable")
    return { ok: false, errors: [{ field: "id", code: "alreadyRecorded" }] };
  if (!cb.doneAt) return { ok: false, errors: [{ field: "id", code: "notDoneYet" }] };
  const errors: OutcomeError[] = [];
  const method = text("method");
  const result = text("result") || "reached";
  const satisfaction = text("satisfaction");
  if (!method) errors.push({ field: "method", code: "required" });
  else if (!(CALLBACK_METHODS as readonly string[]).includes(method))
    errors.push({ field: "method", code: "unknownMethod" });
  if (!(CALLBACK_RESULTS as readonly string[]).includes(result))
    errors.push({ field: "result", code: "unknownResult" });
  if (result === "reached" && !satisfaction) errors.push({ field: "satisfaction", code: "required" });
  else if (satisfaction && !(SATISFACTION as readonly string[]).includes(satisfaction))
    errors.push({ field: "satisfaction", code: "unknownSatisfaction" });
  for (const k of ["remarks", "followUp"] as const)
    if (text(k).length > MAX_CELL_CHARS) errors.push({ field: k, code: "tooLong" });
  let calledAt = now;
  if (text("calledAt")) {
    const parsed = parseLocalDateTime(text("calledAt"), utcOffsetMinutes);
    if (parsed === null) errors.push({ field: "calledAt", code: "badDate" });
    else calledAt = parsed;
  }
  if (calledAt > now + 10 * 60_000) errors.push({ field: "calledAt", code: "futureDate" });
  else if (calledAt < cb.doneAt.getTime()) errors.push({ field: "calledAt", code: "beforeCompletion" });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    outcome: {
      method: method as CallbackMethod,
      result: result as CallbackResult,
      satisfaction: result === "reached" ? (satisfaction as Satisfaction) : "",
      remarks: text("remarks"),
      followUp: text("followUp"),
      calledAt,
    },
  };
}

/** The cells a person fills in when they record a call straight into the Call-backs sheet. */
export const OUTCOME_CELLS = ["method", "result", "satisfaction", "calledAt"] as const;

/**
 * The outcome a person typed straight into a row of the Call-backs sheet, as the dialog would
 * send it, or null when the row carries no new call. `edited`: the columns they changed, or
 * null when not known (then a pending row counts when its answer is not one the desk already
 * acted on). Cells left from an earlier try (result, call time) are not taken for the new one.
 */
export function typedOutcome(
  c: Callback,
  edited: ReadonlySet<string> | null,
  utcOffsetMinutes: number,
): OutcomeInput | null {
  const answered = c.result !== "" || c.satisfaction !== "";
  const tried = (c.attempts ?? 0) > 0;
  if (edited) {
    if (!OUTCOME_CELLS.some((k) => edited.has(k)) || !(answered || c.method)) return null;
  } else {
    const open = c.state === "pending" || c.state === "waiting" || c.state === "";
    const actedOn =
      tried &&
      ((c.result === "unreachable" && !c.satisfaction) ||
        (c.result === "reached" && c.satisfaction === "neutral"));
    if (!answered || !open || actedOn) return null;
  }
  const fresh = (key: string) => (edited ? edited.has(key) : !tried);
  // A satisfaction typed over an earlier "not reached" means the owner was reached this time.
  const result =
    c.satisfaction && !(edited?.has("result") && c.result === "unreachable") ? "reached" : c.result;
  return {
    method: c.method,
    result,
    satisfaction: c.satisfaction,
    remarks: c.remarks,
    followUp: c.followUp,
    calledAt: c.calledAt && fresh("calledAt") ? formatLocal(c.calledAt.getTime(), utcOffsetMinutes) : "",
  };
}

/** What an outcome does to the work it follows. */
export type Consequence =
  | "closeComplaint" // satisfied, or given up as unreachable: the complaint may close
  | "reopenComplaint" // unsatisfied: the complaint goes back to work
  | "followUpService" // unsatisfied with a repair: a follow-up work item
  | "followUpCallback" // a complaint's owner answered neutral: another call-back falls due
  | "tryAgain" // not reached yet
  | "none";

export function applyOutcome(
  cb: Callback,
  o: Outcome,
  who: string,
  rules: CallbackRules,
  cal: BusinessCalendar,
): { record: Callback; consequence: Consequence } {
  const attempts = (cb.attempts ?? 0) + 1;
  const record: Callback = {
    ...cb,
    calledAt: new Date(o.calledAt),
    calledBy: who,
    method: o.method,
    result: o.result,
    satisfaction: o.satisfaction,
    remarks: o.remarks,
    followUp: o.followUp,
    attempts,
  };
  if (o.result === "unreachable") {
    record.state = attempts >= rules.maxAttempts ? "unreachable" : "pending";
    if (record.state === "pending") return { record, consequence: "tryAgain" };
    return { record, consequence: cb.source === "complaint" ? "closeComplaint" : "none" };
  }
  record.state = "done";
  if (isUnsatisfied(o.satisfaction))
    return { record, consequence: cb.source === "complaint" ? "reopenComplaint" : "followUpService" };
  if (cb.source === "complaint" && o.satisfaction === "neutral") {
    // "确保客户满意": neutral is not satisfied. The owner is called again; the manager may close it.
    record.state = "pending";
    record.dueAt = dueAtOf(record, rules, cal);
    return { record, consequence: "followUpCallback" };
  }
  return { record, consequence: cb.source === "complaint" ? "closeComplaint" : "none" };
}

export type ManagerCloseError = "notManager" | "notNeutral" | "reasonRequired" | "tooLong";

/**
 * The manager closing a complaint whose owner answered neutral, with a written reason: the
 * call-back becomes done and its complaint may close. `note` is the reason as recorded.
 */
export function managerClose(
  cb: Callback,
  reason: string,
  note: string,
  isManager: boolean,
): { ok: true; record: Callback } | { ok: false; error: ManagerCloseError } {
  if (!isManager) return { ok: false, error: "notManager" };
  if (!awaitsFollowUp(cb)) return { ok: false, error: "notNeutral" };
  if (!reason.trim()) return { ok: false, error: "reasonRequired" };
  const followUp = cb.followUp ? `${cb.followUp}\n${note}` : note;
  if (followUp.length > MAX_CELL_CHARS) return { ok: false, error: "tooLong" };
  return { ok: true, record: { ...cb, state: "done", followUp } };
}

export interface CallbackRateRow {
  name: string;
  due: number;
  onTime: number;
  answered: number;
  satisfied: number;
}

/**
 * Call-back rate (done within the deadline ÷ due) and satisfaction rate (satisfied ÷
 * answered) over [from, to), by department. A call-back counts when it fell due in the
 * period, or was made in it ahead of its deadline, so early work is credited at once.
 */
export function callbackRates(callbacks: readonly Callback[], from: number, to: number): CallbackRateRow[] {
  const rows = new Map<string, CallbackRateRow>();
  const inPeriod = (ms: number | undefined) => ms !== undefined && ms >= from && ms < to;
  for (const c of callbacks) {
    const due = c.dueAt?.getTime();
    const finished = c.state === "done" || c.state === "unreachable";
    const calledAt = finished ? c.calledAt?.getTime() : undefined;
    if (due === undefined || !(inPeriod(due) || (inPeriod(calledAt) && (calledAt ?? 0) <= due && due >= to)))
      continue;
    const row = rows.get(c.department) ?? {
      name: c.department,
      due: 0,
      onTime: 0,
      answered: 0,
      satisfied: 0,
    };
    row.due += 1;
    if (calledAt !== undefined && calledAt <= due) row.onTime += 1;
    if (c.state === "done" && c.satisfaction) {
      row.answered += 1;
      if (isSatisfied(c.satisfaction)) row.satisfied += 1;
    }
    rows.set(c.department, row);
  }
  return [...rows.values()].sort((a, b) => b.due - a.due || a.name.localeCompare(b.name));
}

export interface CallbackNotice {
  key: string;
  recipient: string;
  callback: Callback;
  overdue: boolean;
}

/**
 * Call-backs due today or overdue, one reminder a day to whoever owns the call-back
 * (the person who logged the complaint or service). `today` is the office-local date.
 */
export function planCallbackReminders(
  callbacks: readonly Callback[],
  now: number,
  endOfToday: number,
  today: string,
  alreadySent: ReadonlySet<string>,
  isEmail: (s: string) => boolean,
): CallbackNotice[] {
  const out: CallbackNotice[] = [];
  for (const c of callbacks) {
    const due = c.dueAt?.getTime();
    if (c.state !== "pending" || due === undefined || due > endOfToday || !isEmail(c.loggedBy)) continue;
    const recipient = c.loggedBy.trim();
    const key = encodeNotice({ type: "callback", callback: c.id, period: today, recipient });
    if (!alreadySent.has(key)) out.push({ key, recipient, callback: c, overdue: due < now });
  }
  return out.sort((a, b) => (a.callback.dueAt?.getTime() ?? 0) - (b.callback.dueAt?.getTime() ?? 0));
}

export interface CallbackDigest {
  dueToday: number;
  overdue: Callback[];
  /** Rates over the call-backs due in the last `days` days, by department, and in total. */
  days: number;
  rates: CallbackRateRow[];
  total: CallbackRateRow;
}

export function callbackDigest(
  callbacks: readonly Callback[],
  now: number,
  startOfToday: number,
  days = 30,
): CallbackDigest {
  const endOfToday = startOfToday + 86_400_000;
  const pending = callbacks.filter((c) => c.state === "pending" && c.dueAt);
  const rates = callbackRates(callbacks, startOfToday - days * 86_400_000, startOfToday);
  const total: CallbackRateRow = { name: "", due: 0, onTime: 0, answered: 0, satisfied: 0 };
  for (const r of rates) {
    total.due += r.due;
    total.onTime += r.onTime;
    total.answered += r.answered;
    total.satisfied += r.satisfied;
  }
  return {
    dueToday: pending.filter(
      (c) => (c.dueAt?.getTime() ?? 0) >= now && (c.dueAt?.getTime() ?? 0) < endOfToday,
    ).length,
    overdue: pending
      .filter((c) => (c.dueAt?.getTime() ?? 0) < now)
      .sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0)),
    days,
    rates,
    total,
  };
}

/** A rate as a whole percentage, or "—" when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : "—";
}
