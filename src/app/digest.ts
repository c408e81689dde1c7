// The manager's daily digest: yesterday's figures, sent once per day and recorded like any
// notice. The hourly run sends it too when its hour has passed and it has not gone out
// (the daily trigger may have found the workbook busy), so no day is skipped.
import { type Callback, callbackDigest } from "../domain/callback";
import { computeDigest, digestDay, startOfLocalDay } from "../domain/digest";
import { isEmail } from "../domain/email";
import type { TrackedItem } from "../domain/escalation";
import { encodeNotice, type Ledger } from "../domain/notices";
import { remainingEmailQuota } from "../gas/services";
import { digestMail } from "./emails";
import { readLiveCallbacks } from "./liveCallbacks";
import type { Office } from "./office";
import { rescoreAll } from "./rescore";
import { Outbox } from "./sentLog";

export interface DigestReport {
  sent: boolean;
  day: string;
  message: string;
}

/** Today's digest notice for the manager, or null when Settings has no valid manager email. */
export function digestKey(office: Office): string | null {
  const to = office.settings.managerEmail.trim();
  if (!isEmail(to)) return null;
  return encodeNotice({
    type: "digest",
    day: digestDay(office.now.getTime(), office.codec.utcOffsetMinutes),
    recipient: to,
  });
}

/** The digest counts what happened yesterday: rows received or updated since then are read too. */
export function digestSince(office: Office): number {
  return startOfLocalDay(office.now.getTime(), office.codec.utcOffsetMinutes) - 86_400_000;
}

/** The digest's call-back rates count the call-backs due in the last RATE_DAYS days. */
const RATE_DAYS = 30;

export function callbackRatesSince(office: Office): number {
  return startOfLocalDay(office.now.getTime(), office.codec.utcOffsetMinutes) - RATE_DAYS * 86_400_000;
}

/** Sends today's digest through `outbox` unless it went out already (or `force`). */
export function deliverDigest(
  office: Office,
  outbox: Outbox,
  sent: Ledger,
  items: readonly TrackedItem[],
  callbacks: readonly Callback[] | null,
  force = false,
): DigestReport {
  const now = office.now.getTime();
  const offset = office.codec.utcOffsetMinutes;
  const day = digestDay(now, offset);
  const to = office.settings.managerEmail.trim();
  const key = digestKey(office);
  if (!key) return { sent: false, day, message: office.t("run.noManager") };
  if (!force && sent.has(key))
    return { sent: false, day, message: office.t("run.digestAlready", { date: day }) };
  if (remainingEmailQuota() < 1)
    return { sent: false, day, message: office.t("run.quotaExhausted", { pending: 1 }) };
  const figures = computeDigest(items, now, offset);
  const cb = callbacks ? callbackDigest(callbacks, now, startOfLocalDay(now, offset), RATE_DAYS) : undefined;
  const ctx = { t: office.t, officeName: office.settings.officeName, utcOffsetMinutes: offset };
  const result = outbox.deliver({ to, keys: [key], force, render: () => digestMail(ctx, figures, cb) });
  switch (result.status) {
    case "sent":
      return { sent: true, day, message: office.t("run.digestSent", { date: day, to }) };
    case "taken":
      return { sent: false, day, message: office.t("run.digestAlready", { date: day }) };
    case "quota":
      return { sent: false, day, message: office.t("run.quotaExhausted", { pending: 1 }) };
    case "busy":
      return { sent: false, day, message: office.t("notice.busy", { pending: 1 }) };
    case "failed":
      return { sent: false, day, message: office.t("notice.failedCount", { count: 1 }) };
  }
}

/** The daily trigger (and the menu, with `force`). */
export function sendDigest(office: Office, force = false): DigestReport {
  const outbox = new Outbox(office);
  const sent = outbox.open();
  const key = digestKey(office);
  // Already out (or nowhere to send it): no need to score the complaints.
  const skip = !key || (!force && sent.has(key));
  const items = skip ? [] : rescoreAll(office, digestSince(office)).items;
  const live = skip ? null : readLiveCallbacks(office, callbackRatesSince(office));
  const callbacks = live ? [...live.records, ...live.recent] : null;
  const report = deliverDigest(office, outbox, sent, items, callbacks, force);
  outbox.close(null);
  return report;
}
