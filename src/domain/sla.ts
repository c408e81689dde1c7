// Deadlines and elapsed times of a complaint, derived from its status history so that a
// change of calendar or targets re-scores every open item the same way.
import { addClockMinutes, type BusinessCalendar, minutesBetween } from "./calendar";
import { isOpen, type Status } from "./complaint";
import type { StatusChange } from "./log";
import type { CategoryTarget } from "./settings";

export type SlaState = "ok" | "near" | "breached" | "paused" | "met" | "missed";

export interface SlaInput {
  receivedAt: number;
  target: CategoryTarget | null;
  goldenResponseHours: number;
  /** Status changes after receipt, oldest first (the item starts as "new"). */
  history: readonly StatusChange[];
  now: number;
  leadMinutes: number;
  calendar: BusinessCalendar;
}

export interface SlaResult {
  status: Status;
  responseDue: number;
  resolutionDue: number | null;
  firstResponseAt: number | null;
  /** Minutes (on the target's clock) from receipt to first response. */
  firstResponseMinutes: number | null;
  /** Last time it was resolved, while it stays resolved or closed. */
  resolvedAt: number | null;
  /** Working minutes from receipt to first resolution, paused time excluded. */
  resolutionMinutes: number | null;
  /** Working minutes over every open period including reopens, paused time excluded. */
  totalOpenMinutes: number;
  pausedMinutes: number;
  reopenCount: number;
  state: SlaState;
}

interface Segment {
  from: number;
  to: number;
  status: Status;
}

function segments(receivedAt: number, history: readonly StatusChange[], now: number): Segment[] {
  const out: Segment[] = [];
  let status: Status = "new";
  let from = receivedAt;
  for (const change of history) {
    const at = Math.max(change.at, receivedAt);
    if (at > from) out.push({ from, to: at, status });
    status = change.to;
    from = at;
  }
  out.push({ from, to: Math.max(from, now), status });
  return out;
}

export function computeSla(input: SlaInput): SlaResult {
  const { receivedAt, target, history, now, calendar } = input;
  const clock = target?.clock ?? "business";
  const span = (a: number, b: number) => minutesBetween(calendar, a, b, clock);
  const golden = receivedAt + input.goldenResponseHours * 3_600_000;
  const responseDue = target
    ? Math.min(golden, addClockMinutes(calendar, receivedAt, target.responseHours * 60, clock))
    : golden;

  const segs = segments(receivedAt, history, now);
  const status = segs[segs.length - 1]?.status ?? "new";
  const firstResponseAt = history.find((h) => h.to !== "new")?.at ?? null;
  let pausedMinutes = 0;
  let totalOpenMinutes = 0;
  let cycleStart = receivedAt;
  let pausedInCycle = 0;
  let firstResolvedAt: number | null = null;
  let openBeforeFirstResolution = 0;
  let reopenCount = 0;
  let lastResolvedAt: number | null = null;
  const firstResolution = history.find((h) => h.to === "resolved")?.at ?? null;
  for (const seg of segs) {
    const minutes = span(seg.from, seg.to);
    if (seg.status === "paused") {
      pausedMinutes += minutes;
      pausedInCycle += minutes;
    } else if (isOpen(seg.status)) {
      totalOpenMinutes += minutes;
      // Time to resolution counts the first cycle only; reopened time shows in the total.
      if (firstResolution === null) openBeforeFirstResolution += minutes;
      else if (seg.from < firstResolution)
        openBeforeFirstResolution += span(seg.from, Math.min(seg.to, firstResolution));
    }
  }
  for (const change of history) {
    if (change.to === "resolved") {
      if (firstResolvedAt === null) firstResolvedAt = change.at;
      lastResolvedAt = change.at;
    }
    if (change.to === "reopened") {
      reopenCount += 1;
      lastResolvedAt = null;
      // A reopened item gets a fresh resolution target from the moment it was reopened.
      cycleStart = change.at;
      pausedInCycle = segs
        .filter((s) => s.status === "paused" && s.from >= change.at)
        .reduce((sum, s) => sum + span(s.from, s.to), 0);
    }
  }
  if (reopenCount === 0) pausedInCycle = pausedMinutes;
  const resolutionDue = target
    ? addClockMinutes(calendar, cycleStart, target.resolutionHours * 60 + pausedInCycle, clock)
    : null;

  return {
    status,
    responseDue,
    resolutionDue,
    firstResponseAt,
    firstResponseMinutes: firstResponseAt === null ? null : span(receivedAt, firstResponseAt),
    resolvedAt: isOpen(status) ? null : lastResolvedAt,
    resolutionMinutes: firstResolvedAt === null ? null : openBeforeFirstResolution,
    totalOpenMinutes,
    pausedMinutes,
    reopenCount,
    state: slaState(
      status,
      responseDue,
      resolutionDue,
      firstResponseAt,
      lastResolvedAt,
      now,
      input.leadMinutes,
    ),
  };
}

function slaState(
  status: Status,
  responseDue: number,
  resolutionDue: number | null,
  firstResponseAt: number | null,
  resolvedAt: number | null,
  now: number,
  leadMinutes: number,
): SlaState {
  if (!isOpen(status)) {
    const late = resolutionDue !== null && resolvedAt !== null && resolvedAt > resolutionDue;
    const lateResponse = firstResponseAt !== null && firstResponseAt > responseDue;
    return late || lateResponse ? "missed" : "met";
  }
  if (status === "paused") return "paused";
  const dues = [resolutionDue, firstResponseAt === null ? responseDue : null].filter(
    (d): d is number => d !== null,
  );
  if (dues.some((d) => now > d)) return "breached";
  if (dues.some((d) => d - now <= leadMinutes * 60_000)) return "near";
  return "ok";
}
