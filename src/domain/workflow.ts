// The status workflow: which moves are possible, and what a move stamps on the record.
import type { Complaint, Status } from "./complaint";

const NEXT: Record<Status, readonly Status[]> = {
  new: ["acknowledged", "in_progress", "paused", "resolved"],
  acknowledged: ["in_progress", "paused", "resolved"],
  in_progress: ["paused", "resolved"],
  paused: ["acknowledged", "in_progress", "resolved"],
  resolved: ["closed", "reopened"],
  closed: ["reopened"],
  reopened: ["in_progress", "paused", "resolved"],
};

export function allowedNext(from: Status): readonly Status[] {
  return NEXT[from];
}

export type TransitionProblem =
  | { code: "impossible"; from: Status; to: Status; allowed: readonly Status[] }
  | { code: "pauseReasonRequired" }
  | { code: "pauseKindRequired" }
  | { code: "rootCauseRequired"; recurrenceOf: string }
  | { code: "callbackRequired" };

export interface TransitionInput {
  to: Status;
  who: string;
  at: Date;
}

/**
 * Checks a status change against the workflow and the record's own requirements
 * (`facts.callbackSettled`: whether its latest call-back lets it close, when known).
 * Returns the problems (empty when the move is allowed).
 */
export function checkTransition(
  c: Complaint,
  to: Status,
  facts: { callbackSettled?: boolean } = {},
): TransitionProblem[] {
  if (c.status === to) return [];
  if (!NEXT[c.status].includes(to))
    return [{ code: "impossible", from: c.status, to, allowed: NEXT[c.status] }];
  const problems: TransitionProblem[] = [];
  if (to === "paused") {
    if (!c.pauseKind.trim()) problems.push({ code: "pauseKindRequired" });
    if (!c.pauseReason.trim()) problems.push({ code: "pauseReasonRequired" });
  }
  if (to === "resolved" && c.recurrenceOf && !c.rootCause.trim()) {
    problems.push({ code: "rootCauseRequired", recurrenceOf: c.recurrenceOf });
  }
  // Closing needs the owner's word: a satisfied call-back, or one given up as unreachable.
  if (to === "closed" && facts.callbackSettled === false) problems.push({ code: "callbackRequired" });
  return problems;
}

/** The fields a move may change besides the status (see applyTransition). */
export const TRANSITION_FIELDS = [
  "status",
  "acknowledgedAt",
  "acknowledgedBy",
  "resolvedAt",
  "closedAt",
  "pauseKind",
  "pauseReason",
] as const satisfies readonly (keyof Complaint)[];

/** Applies an allowed move: stamps first response, resolution and closing with who and when. */
export function applyTransition(c: Complaint, input: TransitionInput): Complaint {
  const next: Complaint = { ...c, status: input.to, updatedAt: input.at };
  const firstResponse = c.status === "new" && input.to !== "new";
  if (firstResponse && !next.acknowledgedAt) {
    next.acknowledgedAt = input.at;
    next.acknowledgedBy = input.who;
  }
  if (input.to === "resolved") next.resolvedAt = input.at;
  if (input.to === "closed") next.closedAt = input.at;
  if (input.to === "reopened") {
    next.resolvedAt = null;
    next.closedAt = null;
  }
  // The log keeps why an item was paused; the record only shows the current pause.
  if (input.to !== "paused") {
    next.pauseKind = "";
    next.pauseReason = "";
  }
  return next;
}
