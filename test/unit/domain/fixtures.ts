// Shared test records.
import type { SlaResult } from "../../../src/domain/sla";

/** An open item's SLA, first response not yet given. */
export function slaResult(responseDue: number, over: Partial<SlaResult> = {}): SlaResult {
  return {
    status: "new",
    responseDue,
    resolutionDue: null,
    firstResponseAt: null,
    firstResponseMinutes: null,
    resolvedAt: null,
    resolutionMinutes: null,
    totalOpenMinutes: 0,
    pausedMinutes: 0,
    reopenCount: 0,
    state: "ok",
    ...over,
  };
}
