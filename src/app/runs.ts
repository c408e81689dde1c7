// Bookkeeping shared by the time-driven runs: one run at a time, a time budget under the
// 6-minute limit, and the moment of the last successful run for the health check.
import { documentProps, LockBusyError, withDocumentLock } from "../gas/services";
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

const LEASE_KEY = "run.lease";
/** A lease outlives the 6-minute limit a little, so a run cut off never blocks the next for long. */
const LEASE_MS = 7 * 60_000;

/**
 * Runs fn unless another run (hourly, digest, menu) is going, returning null then. The lease is
 * taken under the document lock but the lock is not held during the run: the run takes it for
 * its short write sections, so people's edits and dialogs do not wait minutes for it.
 */
export function exclusively<T>(fn: () => T): T | null {
  const props = documentProps();
  const mine = `${Date.now()}.${Math.random().toString(36).slice(2, 8)}`;
  const taken = underLockOr(false, () => {
    const held = props.getProperty(LEASE_KEY);
    const until = Number(held?.split("|")[1] ?? 0);
    if (held && until > Date.now()) return false;
    props.setProperty(LEASE_KEY, `${mine}|${Date.now() + LEASE_MS}`);
    return true;
  });
  if (!taken) return null;
  try {
    return fn();
  } finally {
    // If the lock stays busy the lease simply expires.
    underLockOr(undefined, () => {
      if (props.getProperty(LEASE_KEY)?.startsWith(`${mine}|`)) props.deleteProperty(LEASE_KEY);
    });
  }
}

/** fn under the document lock, or `busy` when the lock stays taken for 10 s. */
export function underLockOr<T>(busy: T, fn: () => T): T {
  try {
    return withDocumentLock(10_000, fn);
  } catch (e) {
    if (e instanceof LockBusyError) return busy;
    throw e;
  }
}

export function isQuotaError(e: unknown): boolean {
  return /too many times|quota/i.test(messageOf(e));
}
