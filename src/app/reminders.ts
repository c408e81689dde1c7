// The hourly run: re-score deadlines, then send each person one email listing the notices
// due to them (and the manager's digest if its hour passed without it). Each email is
// journaled before it leaves (see sentLog), so a run cut off by quota or the time limit
// resumes next time without sending anything twice; one bad address stops no one else's.
import { type Callback, type CallbackNotice, planCallbackReminders } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { digestOwed, startOfLocalDay } from "../domain/digest";
import { isEmail } from "../domain/email";
import { groupByRecipient, type Notice, planNotices } from "../domain/escalation";
import { fingerprint, type Ledger } from "../domain/notices";
import { remainingEmailQuota } from "../gas/services";
import { sweptCallbacks } from "./callbackRows";
import { callbackRatesSince, deliverDigest, digestKey, digestSince } from "./digest";
import { MAX_LISTED, reminderMail } from "./emails";
import { loadOffice, type Office } from "./office";
import { rescoreAll } from "./rescore";
import { RUN_BUDGET_MS } from "./runs";
import { Outbox } from "./sentLog";

export interface ReminderReport {
  emails: number;
  notices: number;
  pending: number;
  /** Emails MailApp refused (a malformed address, say); tried again next run. */
  failed: number;
  stoppedBy: "quota" | "time" | "busy" | null;
  message: string;
}

interface Outgoing {
  recipient: string;
  notices: Notice[];
  callbacks: CallbackNotice[];
}

/** One email per person: their complaint notices and the call-backs they owe today. */
function outgoing(notices: readonly Notice[], callbacks: readonly CallbackNotice[]): Outgoing[] {
  const byPerson = new Map<string, Outgoing>();
  const entry = (recipient: string) => {
    const key = recipient.toLowerCase();
    const found = byPerson.get(key) ?? { recipient, notices: [], callbacks: [] };
    byPerson.set(key, found);
    return found;
  };
  for (const group of groupByRecipient(notices).values())
    for (const n of group) entry(n.recipient).notices.push(n);
  for (const c of callbacks) entry(c.recipient).callbacks.push(c);
  return [...byPerson.values()];
}

const NOTHING: ReadonlySet<string> = new Set();

/** Every call-back reminder due now, sent or not. */
function callbackCandidates(office: Office, callbacks: readonly Callback[]): CallbackNotice[] {
  const now = office.now.getTime();
  const offset = office.codec.utcOffsetMinutes;
  const today = formatLocal(now, offset, false);
  return planCallbackReminders(
    callbacks,
    now,
    startOfLocalDay(now, offset) + 86_400_000,
    today,
    NOTHING,
    isEmail,
  );
}

/** The email for one person, listing at most MAX_LISTED of each kind (the rest next run). */
function letterFor(office: Office, person: Outgoing) {
  const ctx = {
    t: office.t,
    officeName: office.settings.officeName,
    utcOffsetMinutes: office.codec.utcOffsetMinutes,
  };
  const listed = person.notices.slice(0, MAX_LISTED);
  const listedCallbacks = person.callbacks.slice(0, MAX_LISTED);
  const unlisted = person.notices.length - listed.length + person.callbacks.length - listedCallbacks.length;
  return {
    to: person.recipient,
    keys: [...listed.map((n) => n.key), ...listedCallbacks.map((c) => c.key)],
    render: (keys: readonly string[]) => {
      const chosen = new Set(keys);
      return reminderMail(
        ctx,
        listed.filter((n) => chosen.has(n.key)),
        unlisted,
        listedCallbacks.filter((c) => chosen.has(c.key)),
      );
    },
  };
}

export function sendReminders(office: Office, startedAt: number): ReminderReport {
  const outbox = new Outbox(office, startedAt);
  const sent: Ledger = outbox.open();
  const digest = digestKey(office);
  const digestDue =
    digest !== null &&
    !sent.has(digest) &&
    digestOwed(office.now.getTime(), office.codec.utcOffsetMinutes, office.settings.digestHour, outbox.since);
  // When the digest is owed from this run, yesterday's rows and the month's call-backs too.
  const { items } = rescoreAll(office, digestDue ? digestSince(office) : undefined);
  // Call-back rows a busy edit left are settled, and alerts for calls typed in are sent, first.
  const callbackTable = sweptCallbacks(office, digestDue ? callbackRatesSince(office) : undefined);
  const callbacks = callbackTable?.records ?? [];
  const notices = planNotices(items, office.settings, office.now.getTime(), NOTHING);
  const callbackNotices = callbackCandidates(office, callbacks);
  // Every notice that could go out now: the period memory keeps these and forgets the rest.
  const live = callbackTable
    ? new Set(
        [...notices, ...callbackNotices]
          .map((n) => n.key)
          .concat(digest ?? [])
          .map(fingerprint),
      )
    : null;
  const planned = notices.filter((n) => !sent.has(n.key));
  const dueCallbacks = callbackNotices.filter((c) => !sent.has(c.key));
  const t = office.t;
  const extra: string[] = [];
  if (digestDue)
    extra.push(
      deliverDigest(
        office,
        outbox,
        sent,
        items,
        callbackTable ? [...callbacks, ...callbackTable.recent] : null,
      ).message,
    );

  let emails = 0;
  let delivered = 0;
  let settled = 0;
  let failed = 0;
  let stoppedBy: ReminderReport["stoppedBy"] = null;
  for (const person of outgoing(planned, dueCallbacks)) {
    if (Date.now() - startedAt > RUN_BUDGET_MS) {
      stoppedBy = "time";
      break;
    }
    if (remainingEmailQuota() < 1) {
      stoppedBy = "quota";
      break;
    }
    const letter = letterFor(office, person);
    const result = outbox.deliver(letter);
    if (result.status === "sent") {
      emails += 1;
      delivered += result.keys.length;
      // Any left out went out from another run meanwhile: not waiting any more.
      settled += letter.keys.length;
    } else if (result.status === "taken") settled += letter.keys.length;
    else if (result.status === "failed") failed += 1;
    else if (result.status === "quota" || result.status === "busy") {
      stoppedBy = result.status;
      break;
    }
  }
  outbox.close(live);
  const pending = planned.length + dueCallbacks.length - settled;
  const message =
    stoppedBy === "quota"
      ? t("run.quotaExhausted", { pending })
      : stoppedBy === "time"
        ? t("run.timeBudget", { pending })
        : stoppedBy === "busy"
          ? t("notice.busy", { pending })
          : t("run.remindersDone", { sent: emails, pending });
  if (failed) extra.push(t("notice.failedCount", { count: failed }));
  return { emails, notices: delivered, pending, failed, stoppedBy, message: [message, ...extra].join(" ") };
}

export function runReminderCycle(): ReminderReport {
  const startedAt = Date.now();
  const office = loadOffice(SpreadsheetApp.getActive(), new Date(startedAt));
  return sendReminders(office, startedAt);
}
