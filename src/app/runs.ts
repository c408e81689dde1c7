// Bookkeeping shared by the time-driven runs: one run at a time, a time budget under the
// 6-minute limit, and the moment of the last successful run for the health check.
import { documentProps } from "../gas/services";
import { messageOf } from "./errors";

/** Leave a minute of the 6-minute limit for writing the Sent log and releasing the lock. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

export const lastRunKey = (handler: string) => `lastRun.${handler}`;

export function recordSuccess(handler: string, at: Date): void {
  documentProps().setProperty(lastRunKey(handler), at.toISOString());
}

export function lastSuccess(handler: string): Date | null {
  const iso = documentProps().getProperty(lastRunKey(handler));
  return iso ? new Date(iso) : null;
}

/** Runs fn under the script lock, or returns null when another run holds it. */
export function exclusively<T>(fn: () => T): T | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return null;
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export function isQuotaError(e: unknown): boolean {
  return /too many times|quota/i.test(messageOf(e));
}
