// Thin adapters over the Apps Script services the desk uses besides Sheets.
import { clip, MAX_SUBJECT_CHARS, utf8Bytes } from "../domain/text";

/** The office's UTC offset now, from Apps Script's own zone data (e.g. "+0800" → 480). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const z = Utilities.formatDate(at, timeZone, "Z");
  const m = /^([+-])(\d{2})(\d{2})$/.exec(z);
  if (!m) return 480;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

export function userLocale(): string {
  return Session.getActiveUserLocale() || "zh_CN";
}

/**
 * Runs fn under the document lock, waiting up to `timeoutMs`; throws LockBusyError if it cannot
 * get it. The one lock for everything that writes the workbook: the script lock is a different
 * lock and would not exclude edits and dialogs. (getDocumentLock is null only outside a document.)
 */
export function withDocumentLock<T>(timeoutMs: number, fn: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new LockBusyError();
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export class LockBusyError extends Error {
  constructor() {
    super("busy");
    this.name = "LockBusyError";
  }
}

export const documentProps = () => PropertiesService.getDocumentProperties();

export function remainingEmailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export interface OutgoingMail {
  to: string;
  subject: string;
  htmlBody: string;
  body: string;
  name: string;
}

export function sendMail(mail: OutgoingMail): void {
  MailApp.sendEmail({
    to: mail.to,
    // MailApp refuses subjects over 250 characters: the last guard, whoever built it.
    subject: clip(mail.subject, MAX_SUBJECT_CHARS),
    htmlBody: mail.htmlBody,
    body: mail.body,
    name: mail.name,
  });
}

/** Installs a time-driven trigger unless one for the handler exists; returns true if it installed one. */
export function ensureClockTrigger(
  handler: string,
  build: (b: GoogleAppsScript.Script.ClockTriggerBuilder) => GoogleAppsScript.Script.ClockTriggerBuilder,
): boolean {
  const existing = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
  if (existing.length) return false;
  build(ScriptApp.newTrigger(handler).timeBased()).create();
  return true;
}

export function triggerCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of ScriptApp.getProjectTriggers()) {
    const h = t.getHandlerFunction();
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  return counts;
}

/** Removes duplicates of a handler's triggers, keeping the first. */
export function dedupeTriggers(handler: string): number {
  const dupes = ScriptApp.getProjectTriggers()
    .filter((t) => t.getHandlerFunction() === handler)
    .slice(1);
  for (const t of dupes) ScriptApp.deleteTrigger(t);
  return dupes.length;
}

/** How long a dialog's submission is remembered, so a double click or retry saves once. */
const SUBMISSION_TTL_S = 6 * 3600;

/** What a remembered answer may weigh: the cache refuses values over 100 KB (UTF-8). */
const MAX_RECEIPT_BYTES = 90_000;

/**
 * Runs `save` once per submission id: a repeat (double click, network retry) gets the first
 * answer back. Callers hold the document lock, so the check and the save are one step. Only
 * a small receipt is remembered (`receipt` trims a large answer, e.g. to its counts); a receipt
 * that is still too large, or a cache that refuses it, never turns a saved action into a
 * failure: the repeat then gets the answer's message alone.
 */
export function savedOnce<T extends { ok: boolean }>(
  kind: string,
  submissionId: string,
  save: () => T,
  receipt: (answer: T) => T = (answer) => answer,
): T {
  const cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  const key = `${kind}.${String(submissionId ?? "").slice(0, 100)}`;
  const earlier = submissionId ? cache.get(key) : null;
  if (earlier) return JSON.parse(earlier) as T;
  const result = save();
  if (submissionId && result.ok) {
    let text = JSON.stringify(receipt(result));
    if (utf8Bytes(text) > MAX_RECEIPT_BYTES) {
      const message = (result as { message?: unknown }).message;
      text = JSON.stringify({ ok: true, message: String(message ?? "").slice(0, 2_000) });
    }
    try {
      cache.put(key, text, SUBMISSION_TTL_S);
    } catch (e) {
      console.warn(`Could not remember submission ${key}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return result;
}
