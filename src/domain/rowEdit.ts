// What the desk computes when a person has changed a complaint's row: the status move (or
// its refusal), the step stamps, the deadlines and the trail. Pure: the caller reads the row
// and writes back only the cells named in `set`.
import type { BusinessCalendar } from "./calendar";
import type { Complaint, Status } from "./complaint";
import type { LogField, StatusChange } from "./log";
import { findTarget, type OfficeSettings } from "./settings";
import { computeSla, type SlaResult } from "./sla";
import { lastStatus } from "./trail";
import { applyTransition, checkTransition, TRANSITION_FIELDS, type TransitionProblem } from "./workflow";

export interface ScoreContext {
  now: Date;
  settings: OfficeSettings;
  calendar: BusinessCalendar;
}

export function scoreComplaint(
  c: Complaint,
  history: readonly StatusChange[],
  ctx: ScoreContext,
): SlaResult | null {
  if (!c.receivedAt) return null;
  return computeSla({
    receivedAt: c.receivedAt.getTime(),
    target: c.severity ? findTarget(ctx.settings, c.category, c.severity) : null,
    goldenResponseHours: ctx.settings.goldenResponseHours,
    history,
    now: ctx.now.getTime(),
    leadMinutes: ctx.settings.reminderLeadHours * 60,
    calendar: ctx.calendar,
  });
}

/** The step a person fills in, and the stamp (who and when) the desk puts beside it. */
export const STEP_STAMPS: readonly {
  fields: readonly (keyof Complaint)[];
  at: "investigatedAt" | "actedAt" | "followedUpAt";
  by: "investigatedBy" | "actedBy" | "followedUpBy";
}[] = [
  { fields: ["cause", "responsibility"], at: "investigatedAt", by: "investigatedBy" },
  { fields: ["measures", "promisedBy", "ownerAgreed"], at: "actedAt", by: "actedBy" },
  { fields: ["followUp"], at: "followedUpAt", by: "followedUpBy" },
];

export interface RowEditInput extends ScoreContext {
  /** The row as it is now (what the person typed included). */
  record: Complaint;
  /** The status history before this edit (trail, Log or the row's own evidence). */
  history: readonly StatusChange[];
  /** The fields the person touched; a sweep passes none. */
  edited: ReadonlySet<string>;
  who: string;
  /** Whether the latest call-back lets it close; asked for only when moving to closed. */
  callbackSettled?: boolean;
  /** False when the status cell holds something that is not a status. */
  statusReadable: boolean;
}

export interface PlannedChange {
  field: LogField;
  from: unknown;
  to: unknown;
  note?: string;
}

export interface RowEditPlan {
  /** Computed cells to write. */
  set: Partial<Complaint>;
  changes: PlannedChange[];
  /** The refused move, when the typed status was put back. */
  refused?: TransitionProblem;
  /** The status moved to resolved now (a call-back is due). */
  resolved: boolean;
  history: StatusChange[];
}

export function planRowEdit(input: RowEditInput): RowEditPlan {
  const { record, edited, now, who } = input;
  const history = [...input.history];
  const logged: Status = lastStatus(history);
  let next: Complaint = { ...record, status: logged };
  const changes: PlannedChange[] = [];
  const set: Partial<Complaint> = {};
  let refused: TransitionProblem | undefined;
  let resolved = false;

  if (!input.statusReadable || record.status !== logged) {
    const problems: TransitionProblem[] = !input.statusReadable
      ? [{ code: "impossible", from: logged, to: logged, allowed: [] }]
      : checkTransition(next, record.status, { callbackSettled: input.callbackSettled });
    if (problems.length) {
      refused = problems[0];
      set.status = logged;
    } else {
      const note = record.status === "paused" ? `${record.pauseKind}: ${record.pauseReason}` : "";
      next = applyTransition(next, { to: record.status, who, at: now });
      changes.push({ field: "status", from: logged, to: record.status, note });
      history.push({ at: now.getTime(), to: record.status });
      resolved = record.status === "resolved";
      for (const key of TRANSITION_FIELDS)
        if (key !== "status" && next[key] !== record[key]) (set as Record<string, unknown>)[key] = next[key];
    }
  }
  for (const step of STEP_STAMPS) {
    if (step.fields.some((f) => edited.has(f) && !isEmpty(record[f])) && !record[step.at]) {
      set[step.at] = now;
      set[step.by] = who;
    }
  }
  const sla = scoreComplaint(next, history, input);
  if (sla) {
    const responseDue = new Date(sla.responseDue);
    const resolutionDue = sla.resolutionDue === null ? null : new Date(sla.resolutionDue);
    if (!sameTime(record.responseDue, responseDue))
      changes.push({ field: "responseDue", from: record.responseDue, to: responseDue });
    if (!sameTime(record.resolutionDue, resolutionDue))
      changes.push({ field: "resolutionDue", from: record.resolutionDue, to: resolutionDue });
    set.responseDue = responseDue;
    set.resolutionDue = resolutionDue;
    set.slaState = sla.state;
  }
  if (
    changes.length ||
    Object.keys(set).some((k) => !["responseDue", "resolutionDue", "slaState"].includes(k))
  )
    set.updatedAt = now;
  return { set, changes, refused, resolved, history };
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";

/** Sheets keep minutes: a difference under a minute is the same deadline. */
export function sameTime(a: Date | null, b: Date | null): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.getTime() - b.getTime()) < 60_000;
}
