// The manager's daily digest: yesterday's figures, sent once per day (remembered in the Sent log).
import { callbackDigest } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { computeDigest } from "../domain/digest";
import { isEmail } from "../domain/escalation";
import { remainingEmailQuota, sendMail } from "../gas/services";
import { readCallbacksIfAny } from "./callbacks";
import { digestMail } from "./emails";
import type { Office } from "./office";
import { rescoreAll } from "./rescore";
import { flushJournal, journal, sentKeys } from "./sentLog";

export interface DigestReport {
  sent: boolean;
  day: string;
  message: string;
}

export function sendDigest(office: Office, force = false): DigestReport {
  flushJournal(office);
  const { items } = rescoreAll(office);
  const figures = computeDigest(items, office.now.getTime(), office.codec.utcOffsetMinutes);
  const to = office.settings.managerEmail.trim();
  if (!isEmail(to)) return { sent: false, day: figures.day, message: office.t("run.noManager") };
  const key = `digest|${figures.day}|${to.toLowerCase()}`;
  if (!force && sentKeys(office).has(key))
    return { sent: false, day: figures.day, message: office.t("run.digestAlready", { date: figures.day }) };
  if (remainingEmailQuota() < 1)
    return { sent: false, day: figures.day, message: office.t("run.quotaExhausted", { pending: 1 }) };
  const today = formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes, false);
  const startOfToday = Date.parse(`${today}T00:00:00Z`) - office.codec.utcOffsetMinutes * 60_000;
  const table = readCallbacksIfAny(office);
  const callbacks = table ? callbackDigest(table.records, office.now.getTime(), startOfToday) : undefined;
  const mail = digestMail(
    { t: office.t, officeName: office.settings.officeName, utcOffsetMinutes: office.codec.utcOffsetMinutes },
    figures,
    callbacks,
  );
  sendMail({ to, name: office.settings.officeName, ...mail });
  journal(office.now, mail.subject, [key]);
  flushJournal(office);
  return { sent: true, day: figures.day, message: office.t("run.digestSent", { date: figures.day, to }) };
}
