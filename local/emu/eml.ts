// The outbox as files: one RFC 5322 message per email (UTF-8, text and HTML parts) and an index.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatDate } from "./dateformat";
import type { SentMail } from "./services/mail";

const encodeWord = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
const base64Lines = (text: string) =>
  (
    Buffer.from(text, "utf8")
      .toString("base64")
      .match(/.{1,76}/g) ?? []
  ).join("\r\n");

export function toEml(mail: SentMail, index: number, timeZone: string): string {
  const boundary = `=_desk_${index}_${mail.at}`;
  const date = formatDate(new Date(mail.at), timeZone, "EEE, dd MMM yyyy HH:mm:ss Z");
  const from = mail.name ? `${encodeWord(mail.name)} <${mail.from}>` : mail.from;
  const headers = [
    `Date: ${date}`,
    `From: ${from}`,
    `To: ${mail.to}`,
    mail.cc ? `Cc: ${mail.cc}` : "",
    mail.replyTo ? `Reply-To: ${mail.replyTo}` : "",
    `Subject: ${encodeWord(mail.subject)}`,
    `Message-ID: <${mail.at}.${index}@desk.local>`,
    "MIME-Version: 1.0",
  ].filter(Boolean);
  if (!mail.htmlBody)
    return [
      ...headers,
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(mail.body),
      "",
    ].join("\r\n");
  return [
    ...headers,
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(mail.body),
    `--${boundary}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(
      `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${mail.htmlBody}</body></html>`,
    ),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

const slug = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

export function writeOutbox(outbox: readonly SentMail[], dir: string, timeZone: string): void {
  mkdirSync(dir, { recursive: true });
  const lines = ["# Outbox", "", "| # | sent | to | subject | file |", "|---|---|---|---|---|"];
  outbox.forEach((mail, i) => {
    const file = `${String(i + 1).padStart(3, "0")}-${slug(mail.subject) || "mail"}.eml`;
    writeFileSync(join(dir, file), toEml(mail, i + 1, timeZone));
    const when = formatDate(new Date(mail.at), timeZone, "yyyy-MM-dd HH:mm");
    lines.push(
      `| ${i + 1} | ${when} | ${mail.to} | ${mail.subject.replace(/\|/g, "\\|")} | [${file}](${encodeURI(file)}) |`,
    );
  });
  writeFileSync(join(dir, "index.md"), `${lines.join("\n")}\n`);
}
