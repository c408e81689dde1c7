// Reading complaints with their history, scoring them, and recording changes in the Log.
import type { Complaint, Status } from "../domain/complaint";
import { formatLocal, isDate } from "../domain/dates";
import type { TrackedItem } from "../domain/escalation";
import { type LogEntry, type LogField, type StatusChange, statusHistories } from "../domain/log";
import { scoreComplaint } from "../domain/rowEdit";
import type { SlaResult } from "../domain/sla";
import { appendToLog, readTable, type Table } from "../gas/table";
import { type Cell, choiceCode, choiceLabel } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { historyOf, lazyLogHistories } from "./complaintRows";
import type { Office } from "./office";

export function readComplaints(office: Office): Table<Complaint> {
  return readTable(office.ss, SCHEMAS.complaints, office.codec, [
    "id",
    "receivedAt",
    "unit",
    "category",
    "severity",
    "content",
    "status",
  ]);
}

export function readLog(office: Office): LogEntry[] {
  return readTable(office.ss, SCHEMAS.log, office.codec).records;
}

export function histories(entries: readonly LogEntry[]): Map<string, StatusChange[]> {
  return statusHistories(entries, (v) => choiceCode("status", v) as Status | null);
}

export function score(office: Office, c: Complaint, history: readonly StatusChange[]): SlaResult | null {
  return scoreComplaint(c, history, office);
}

/** Scores every complaint from its trail (the Log only for rows that have none yet). */
export function track(office: Office, complaints: readonly Complaint[]): TrackedItem[] {
  const fromLog = lazyLogHistories(office);
  const items: TrackedItem[] = [];
  for (const complaint of complaints) {
    const sla = score(office, complaint, historyOf(office, complaint, fromLog).history);
    if (sla) items.push({ complaint, sla });
  }
  return items;
}

export interface Change {
  item: string;
  field: LogField;
  from: string;
  to: string;
  note?: string;
}

/** Human-readable value for the Log: status labels, local times. */
export function logValue(office: Office, field: LogField, value: unknown): string {
  if (field === "status") return choiceLabel("status", String(value), office.t);
  if (isDate(value)) return formatLocal(value.getTime(), office.codec.utcOffsetMinutes);
  return value === null || value === undefined ? "" : String(value);
}

export function writeLog(office: Office, changes: readonly Change[]): void {
  const rows: Cell[][] = changes.map((c) => [
    office.now,
    c.item,
    c.field,
    c.from,
    c.to,
    office.user,
    c.note ?? "",
  ]);
  appendToLog(office.ss, SCHEMAS.log, office.codec, rows);
}
