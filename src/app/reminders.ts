// The hourly run: re-score deadlines, then send each person one email listing the notices
// due to them. Every email is journaled the moment it leaves, so a run cut off by quota or
// the time limit resumes next time without sending anything twice.
import { groupByRecipient, planNotices } from "../domain/escalation";
import { remainingEmailQuota, sendMail } from "../gas/services";
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

export function sendReminders(office: Office, startedAt: number): ReminderReport {
  flushJournal(office);
  const { items } = rescoreAll(office);
  const planned = planNotices(items, office.settings, office.now.getTime(), sentKeys(office));
  const groups = [...groupByRecipient(planned).values()];
  const ctx = {
    t: office.t,
    officeName: office.settings.officeName,
    utcOffsetMinutes: office.codec.utcOffsetMinutes,
  };
  let emails = 0;
  let notices = 0;
  let stoppedBy: ReminderReport["stoppedBy"] = null;
  let journaled = 0;
  for (const group of groups) {
    const first = group[0];
    if (!first) continue;
    if (Date.now() - startedAt > RUN_BUDGET_MS) {
      stoppedBy = "time";
      break;
    }
    if (remainingEmailQuota() < 1) {
      stoppedBy = "quota";
      break;
    }
    const listed = group.slice(0, MAX_LISTED);
    const mail = reminderMail(ctx, listed, group.length - listed.length);
    try {
      sendMail({ to: first.recipient, name: office.settings.officeName, ...mail });
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      stoppedBy = "quota";
      break;
    }
    journaled += journal(
      office.now,
      mail.subject,
      listed.map((n) => n.key),
    );
    if (journaled > JOURNAL_FLUSH_CHARS) {
      flushJournal(office);
      journaled = 0;
    }
    emails += 1;
    notices += listed.length;
  }
  flushJournal(office);
  const pending = planned.length - notices;
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
