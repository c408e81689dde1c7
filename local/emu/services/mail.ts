// MailApp: Google's address and subject checks, the 200 KB body limit and the daily
// recipient quota per user, with sent mail kept in an outbox (written as .eml files).
import { localDay } from "../dateformat";
import { type Api, emulated, guard } from "../guard";
import type { Host } from "../host";

type GasMailApp = GoogleAppsScript.Mail.MailApp;

export const MAIL_APP = emulated<GasMailApp>()("MailApp", "MailApp", "Mail.MailApp", [
  "sendEmail",
  "getRemainingDailyQuota",
]);

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  from: string;
  at: number;
}

const recipients = (list: string) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
const ADDRESS = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+\\p{L}{2,}$`, "u");

/** An address as MailApp accepts it, bare or as `Name <address>`. */
export function isValidAddress(entry: string): boolean {
  const angled = /^[^<>]*<([^<>]+)>$/.exec(entry);
  const address = angled ? (angled[1] ?? "").trim() : entry;
  return address.length <= 254 && ADDRESS.test(address);
}

/** The message, from any of sendEmail's forms: (message), (to, subject, body[, options]), (to, replyTo, subject, body). */
function messageOf(a: unknown, b?: string, c?: string, d?: unknown): Record<string, unknown> {
  if (typeof a === "object" && a !== null) return a as Record<string, unknown>;
  if (typeof d === "string") return { to: a, replyTo: b, subject: c, body: d };
  return { ...(typeof d === "object" && d !== null ? d : {}), to: a, subject: b, body: c };
}

export function mailService(host: Host, outbox: SentMail[]): GasMailApp {
  const used = new Map<string, number>();
  const today = () => `${host.user()}|${localDay(host.clock.now(), host.timeZone)}`;
  const remaining = () => Math.max(0, host.quotas.emailRecipientsPerDay - (used.get(today()) ?? 0));
  const api = {
    sendEmail(a: unknown, b?: string, c?: string, d?: unknown) {
      host.meter.record("MailApp", "MailApp.sendEmail");
      if (host.current()?.simple)
        throw new Error(
          "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
        );
      const m = messageOf(a, b, c, d);
      const mail: SentMail = {
        to: String(m.to ?? ""),
        cc: String(m.cc ?? ""),
        bcc: String(m.bcc ?? ""),
        subject: String(m.subject ?? ""),
        body: String(m.body ?? ""),
        htmlBody: String(m.htmlBody ?? ""),
        name: String(m.name ?? ""),
        replyTo: String(m.replyTo ?? ""),
        from: host.user(),
        at: host.clock.now(),
      };
      // One malformed address refuses the whole message: nothing goes to the others either.
      for (const entry of [mail.to, mail.cc, mail.bcc, mail.replyTo].flatMap(recipients))
        if (!isValidAddress(entry)) throw new Error(`Invalid email: ${entry}`);
      if (mail.subject.length > 250) throw new Error("Argument too large: subject");
      if (Buffer.byteLength(mail.htmlBody) + Buffer.byteLength(mail.body) > 200 * 1024)
        throw new Error("Limit Exceeded: Email Body Size.");
      const count = [mail.to, mail.cc, mail.bcc].flatMap(recipients).length;
      if (!count) throw new Error("Failed to send email: no recipient");
      if (count > remaining()) throw new Error("Service invoked too many times for one day: email.");
      used.set(today(), (used.get(today()) ?? 0) + count);
      outbox.push(mail);
    },
    getRemainingDailyQuota() {
      host.meter.record("MailApp", "MailApp.getRemainingDailyQuota");
      return remaining();
    },
  } satisfies Api<typeof MAIL_APP>;
  return guard(MAIL_APP, api);
}
