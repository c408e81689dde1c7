// The one hourly run: every capability contributes its jobs here instead of installing a
// trigger of its own (a user has 20 triggers, and a day's trigger time is shared). Jobs run
// in order; a job that would start past the run's time budget waits for the next hour.

import { runArchive } from "./archive/run";
import type { Office } from "./office";
import { type ReminderReport, sendReminders } from "./reminders";
import { RUN_BUDGET_MS, underLockOr } from "./runs";
import { hourlyUpkeep } from "./setup/upkeep";

export interface HourlyJob {
  name: string;
  run(office: Office, startedAt: number): unknown;
}

export const HOURLY_JOBS: readonly HourlyJob[] = [
  // Settings people changed since the last repair (digest hour, rows to type in) take effect.
  { name: "upkeep", run: (office) => underLockOr([], () => hourlyUpkeep(office)) },
  // The sweep and re-score of complaints and call-backs, then reminders and a digest owed.
  { name: "reminders", run: (office, startedAt) => sendReminders(office, startedAt) },
  // Closed complaints older than archive.afterMonths move to the yearly archive, in batches.
  { name: "archive", run: (office, startedAt) => runArchive(office, startedAt) },
];

export interface HourlyReport {
  /** Each job's result, by name; jobs left for the next hour are absent. */
  results: Map<string, unknown>;
  postponed: string[];
}

export function runHourlyJobs(office: Office, startedAt: number, jobs = HOURLY_JOBS): HourlyReport {
  const results = new Map<string, unknown>();
  const postponed: string[] = [];
  for (const job of jobs) {
    if (Date.now() - startedAt > RUN_BUDGET_MS) postponed.push(job.name);
    else results.set(job.name, job.run(office, startedAt));
  }
  return { results, postponed };
}

export function remindersOf(report: HourlyReport): ReminderReport | null {
  return (report.results.get("reminders") as ReminderReport | undefined) ?? null;
}
