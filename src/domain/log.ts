// The audit log: every change of status, assignee, department or deadline, with who and when.
import type { Status } from "./complaint";

export const LOG_FIELDS = [
  "created",
  "status",
  "assignee",
  "department",
  "responseDue",
  "resolutionDue",
] as const;
export type LogField = (typeof LOG_FIELDS)[number];

export interface LogEntry {
  at: Date;
  item: string;
  field: LogField;
  from: string;
  to: string;
  who: string;
  note: string;
}

export interface StatusChange {
  at: number;
  to: Status;
}

/** Status changes per item, oldest first; `parseStatus` maps a stored value back to a code. */
export function statusHistories(
  entries: readonly LogEntry[],
  parseStatus: (value: string) => Status | null,
): Map<string, StatusChange[]> {
  const byItem = new Map<string, StatusChange[]>();
  for (const e of entries) {
    if (e.field !== "status") continue;
    const to = parseStatus(e.to);
    if (!to) continue;
    const list = byItem.get(e.item) ?? [];
    list.push({ at: e.at.getTime(), to });
    byItem.set(e.item, list);
  }
  for (const list of byItem.values()) list.sort((a, b) => a.at - b.at);
  return byItem;
}
