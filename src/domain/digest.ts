// The figures of the manager's daily digest.
import { isOpen } from "./complaint";
import { formatLocal } from "./dates";
import type { TrackedItem } from "./escalation";
import { maskPhone } from "./text";

export interface CountRow {
  name: string;
  open: number;
  overdue: number;
}

export interface DigestItem {
  id: string;
  unit: string;
  category: string;
  department: string;
  assignee: string;
  contact: string;
  due: number | null;
  pauseKind: string;
  pauseReason: string;
}

export interface DigestFigures {
  /** The office-local day the digest reports on ("yesterday"). */
  day: string;
  newYesterday: number;
  open: number;
  overdue: number;
  resolvedYesterday: number;
  paused: number;
  byCategory: CountRow[];
  byDepartment: CountRow[];
  pausedItems: DigestItem[];
  overdueItems: DigestItem[];
}

const DAY = 86_400_000;

function tally(rows: Map<string, CountRow>, name: string, overdue: boolean) {
  const row = rows.get(name) ?? { name, open: 0, overdue: 0 };
  row.open += 1;
  if (overdue) row.overdue += 1;
  rows.set(name, row);
}

function digestItem(item: TrackedItem): DigestItem {
  const c = item.complaint;
  const due = item.sla.firstResponseAt === null ? item.sla.responseDue : item.sla.resolutionDue;
  return {
    id: c.id,
    unit: c.unit,
    category: c.category,
    department: c.department,
    assignee: c.assignee,
    contact: maskPhone(c.contact),
    due,
    pauseKind: c.pauseKind,
    pauseReason: c.pauseReason,
  };
}

/** Start (ms) of the office-local day holding `now`. */
export function startOfLocalDay(now: number, utcOffsetMinutes: number): number {
  return Date.parse(`${formatLocal(now, utcOffsetMinutes, false)}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** The day a digest sent at `now` reports on: yesterday, office-local. */
export function digestDay(now: number, utcOffsetMinutes: number): string {
  return formatLocal(startOfLocalDay(now, utcOffsetMinutes) - DAY, utcOffsetMinutes, false);
}

/**
 * Whether today's digest is owed at `now`: its hour has come, and the desk was already
 * running (`since`: its first recorded run) at that hour. A day whose digest trigger found
 * the workbook busy is then caught up by the next hourly run instead of skipped.
 */
export function digestOwed(
  now: number,
  utcOffsetMinutes: number,
  hour: number,
  since: number | null,
): boolean {
  const due = startOfLocalDay(now, utcOffsetMinutes) + hour * 3_600_000;
  return since !== null && since < due && now >= due;
}

export function computeDigest(
  items: readonly TrackedItem[],
  now: number,
  utcOffsetMinutes: number,
): DigestFigures {
  const todayStart = startOfLocalDay(now, utcOffsetMinutes);
  const yesterdayStart = todayStart - DAY;
  const inYesterday = (ms: number | null | undefined) =>
    ms != null && ms >= yesterdayStart && ms < todayStart;
  const byCategory = new Map<string, CountRow>();
  const byDepartment = new Map<string, CountRow>();
  const figures: DigestFigures = {
    day: formatLocal(yesterdayStart, utcOffsetMinutes, false),
    newYesterday: 0,
    open: 0,
    overdue: 0,
    resolvedYesterday: 0,
    paused: 0,
    byCategory: [],
    byDepartment: [],
    pausedItems: [],
    overdueItems: [],
  };
  for (const item of items) {
    const { complaint: c, sla } = item;
    if (inYesterday(c.receivedAt?.getTime())) figures.newYesterday += 1;
    if (inYesterday(sla.resolvedAt)) figures.resolvedYesterday += 1;
    if (!isOpen(sla.status)) continue;
    const overdue = sla.state === "breached";
    figures.open += 1;
    if (overdue) {
      figures.overdue += 1;
      figures.overdueItems.push(digestItem(item));
    }
    if (sla.status === "paused") {
      figures.paused += 1;
      figures.pausedItems.push(digestItem(item));
    }
    tally(byCategory, c.category, overdue);
    tally(byDepartment, c.department, overdue);
  }
  const sort = (rows: Map<string, CountRow>) =>
    [...rows.values()].sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
  figures.byCategory = sort(byCategory);
  figures.byDepartment = sort(byDepartment);
  figures.overdueItems.sort((a, b) => (a.due ?? 0) - (b.due ?? 0));
  return figures;
}
