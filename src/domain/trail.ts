// A complaint's status history, kept in its own row ("新登记 2026-03-02 09:00:00 → 已受理 …").
// The SLA needs every status change; keeping them beside the record means an edit or a run
// reads the row alone, not the whole Log, and a deleted or trimmed Log does not bring closed
// complaints back to life. The Log stays the audit trail.
import type { Complaint, Status } from "./complaint";
import { parseLocalDateTime } from "./dates";
import type { StatusChange } from "./log";

const SEPARATOR = " → ";

function localStamp(ms: number, utcOffsetMinutes: number): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function formatTrail(
  changes: readonly StatusChange[],
  utcOffsetMinutes: number,
  label: (status: Status) => string,
): string {
  return changes.map((c) => `${label(c.to)} ${localStamp(c.at, utcOffsetMinutes)}`).join(SEPARATOR);
}

/** The changes a trail cell holds, oldest first; null when it is blank or was edited into nonsense. */
export function parseTrail(
  text: string,
  utcOffsetMinutes: number,
  parseStatus: (label: string) => Status | null,
): StatusChange[] | null {
  if (!text.trim()) return null;
  const out: StatusChange[] = [];
  for (const part of text.split(SEPARATOR)) {
    const m = /^(.*\S)\s+(\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?)$/.exec(part.trim());
    const to = m ? parseStatus(m[1] ?? "") : null;
    const at = m ? parseLocalDateTime(m[2] ?? "", utcOffsetMinutes) : null;
    if (!to || at === null) return null;
    out.push({ at, to });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * The history a row itself shows when neither its trail nor the Log has one: its status and
 * step times are evidence, so a closed complaint stays closed (never "new" again).
 * `status` is what the row held before the edit being judged, when known.
 */
export function trailFromRow(c: Complaint, status: Status = c.status): StatusChange[] {
  const received = c.receivedAt?.getTime() ?? 0;
  const out: StatusChange[] = [{ at: received, to: "new" }];
  const step = (at: Date | null, to: Status) => {
    if (at && at.getTime() >= received) out.push({ at: at.getTime(), to });
  };
  if (status !== "new") step(c.acknowledgedAt, "acknowledged");
  if (status === "resolved" || status === "closed") step(c.resolvedAt, "resolved");
  if (status === "closed") step(c.closedAt, "closed");
  out.sort((a, b) => a.at - b.at);
  const last = out[out.length - 1];
  if (last && last.to !== status)
    out.push({ at: Math.max(last.at, c.updatedAt?.getTime() ?? last.at), to: status });
  return out;
}

/** The status the history ends in (an item starts as new). */
export function lastStatus(history: readonly StatusChange[]): Status {
  return history[history.length - 1]?.to ?? "new";
}
