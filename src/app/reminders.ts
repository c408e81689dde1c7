// The hourly run: re-score deadlines, then send each person one email listing the notices
// due to them. Every email is journaled the moment it leaves, so a run cut off by quota or
// the time limit resumes next time without sending anything twice.
import { type CallbackNotice, planCallbackReminders } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { groupByRecipient, isEmail, type Notice, planNotices } from "../domain/escalation";
import { remainingEmailQuota, sendMail } from "../gas/services";
import { readCallbacksIfAny } from "./callbacks";
import { MAX_LISTED, reminderMail } from "./emails";
import { loadOffice, type Office } from "./office";
import { rescoreAll } from "./rescore";
import { isQuotaError, RUN_BUDGET_MS } from "./runs";
import { flushJournal, JOURNAL_FLUSH_CHARS, journal, sentKeys } from "./sentLog";

export interface ReminderReport {
  emails: number;
  notices: number;
  pending: number;
  stoppedBy: "quota" | "time" | null;
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

function plannedCallbacks(office: Office, sent: ReadonlySet<string>): CallbackNotice[] {
  const today = formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes, false);
  const endOfToday = Date.parse(`${today}T00:00:00Z`) - office.codec.utcOffsetMinutes * 60_000 + 86_400_000;
  return planCallbackReminders(
    readCallbacksIfAny(office)?.records ?? [],
    office.now.getTime(),
    endOfToday,
    today,
    sent,
    isEmail,
  );
}

export function sendReminders(office: Office, startedAt: number): ReminderReport {
  flushJournal(office);
  const { items } = rescoreAll(office);
  const sent = sentKeys(office);
  const planned = planNotices(items, office.settings, office.now.getTime(), sent);
  const dueCallbacks = plannedCallbacks(office, sent);
  const ctx = {
    t: office.t,
    officeName: office.settings.officeName,
    utcOffsetMinutes: office.codec.utcOffsetMinutes,
  };
  let emails = 0;
  let notices = 0;
  let stoppedBy: ReminderReport["stoppedBy"] = null;
  let journaled = 0;
  for (const person of outgoing(planned, dueCallbacks)) {
    if (Date.now() - startedAt > RUN_BUDGET_MS) {
      stoppedBy = "time";
      break;
    }
    if (remainingEmailQuota() < 1) {
      stoppedBy = "quota";
      break;
    }
    const listed = person.notices.slice(0, MAX_LISTED);
    const listedCallbacks = person.callbacks.slice(0, MAX_LISTED);
    const unlisted = person.notices.length - listed.length + person.callbacks.length - listedCallbacks.length;
    const mail = reminderMail(ctx, listed, unlisted, listedCallbacks);
    try {
      sendMail({ to: person.recipient, name: office.settings.officeName, ...mail });
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      stoppedBy = "quota";
      break;
    }
    const keys = [...listed.map((n) => n.key), ...listedCallbacks.map((c) => c.key)];
    journaled += journal(office.now, mail.subject, keys);
    if (journaled > JOURNAL_FLUSH_CHARS) {
      flushJournal(office);
      journaled = 0;
    }
    emails += 1;
    notices += keys.length;
  }
  flushJournal(office);
  const pending = planned.length + dueCallbacks.length - notices;
  const message =
    stoppedBy === "quota"
      ? office.t("run.quotaExhausted", { pending })
      : stoppedBy === "time"
        ? office.t("run.timeBudget", { pending })
        : office.t("run.remindersDone", { sent: emails, pending });
  return { emails, notices, pending, stoppedBy, message };
}

export function runReminderCycle(): ReminderReport {
  const startedAt = Date.now();
  const office = loadOffice(SpreadsheetApp.getActive(), new Date(startedAt));
  return sendReminders(office, startedAt);
}
