// The hourly run: re-score deadlines, then send each person one email listing the notices
// due to them. Every email is journaled the moment it leaves, so a run cut off by quota or
// the time limit resumes next time without sending anything twice.
import { groupByRecipient, type Notice, planNotices } from "../domain/escalation";
import { remainingEmailQuota, sendMail } from "../gas/services";
import { reminderMail } from "./emails";
import { loadOffice, type Office } from "./office";
import { rescoreAll } from "./rescore";
import { isQuotaError, RUN_BUDGET_MS } from "./runs";
import { flushJournal, journal, type SentNotice, sentKeys } from "./sentLog";

export interface ReminderReport {
  emails: number;
  notices: number;
  pending: number;
  stoppedBy: "quota" | "time" | null;
  message: string;
}

const toSent = (n: Notice): SentNotice => ({
  key: n.key,
  recipient: n.recipient,
  item: n.item.complaint.id,
  kind: n.kind,
  level: n.level,
});

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
    const mail = reminderMail(ctx, group);
    try {
      sendMail({ to: first.recipient, name: office.settings.officeName, ...mail });
    } catch (e) {
      if (!isQuotaError(e)) throw e;
      stoppedBy = "quota";
      break;
    }
    journal(office.now, mail.subject, group.map(toSent));
    emails += 1;
    notices += group.length;
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
