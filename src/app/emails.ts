// Email bodies: small HTML tables and CSS bars, every text escaped and every phone-like
// number in it masked (contacts, complaint text, remarks, reasons: whatever people typed),
// subjects within MailApp's 250 characters. Pure functions of their inputs.
import { type Callback, type CallbackDigest, type CallbackNotice, percent } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import type { DigestFigures, DigestItem } from "../domain/digest";
import type { Notice } from "../domain/escalation";
import { clip, escapeHtml, MAX_SUBJECT_CHARS, maskPhone, maskPhones } from "../domain/text";
import type { Translate } from "../i18n/messages";
import { choiceLabel } from "../sheets/codec";

/** Emails stay far below MailApp's 200 KB body limit: long lists are cut with a count. */
export const MAX_LISTED = 60;

export interface RenderedMail {
  subject: string;
  htmlBody: string;
  body: string;
}

interface RenderContext {
  t: Translate;
  officeName: string;
  utcOffsetMinutes: number;
}

const CELL = 'style="border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top"';
const LEVEL_COLOUR = { handler: "#f9cb9c", head: "#ea9999", manager: "#cc0000" } as const;

function table(headers: string[], rows: string[][]): string {
  const head = headers.map((h) => `<th ${CELL}>${say(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td ${CELL}>${c}</td>`).join("")}</tr>`).join("");
  return `<table style="border-collapse:collapse;font-size:13px"><tr style="background:#f3f3f3">${head}</tr>${body}</table>`;
}

/** Any text into an email's HTML: phone numbers masked, markup escaped. */
const say = (text: string) => escapeHtml(maskPhones(text));

/** Long complaint texts are cut in lists; the workbook has them whole. */
const brief = (text: string, max = 80) => clip(text, max);

/** The finished email: phone numbers masked in the plain text too, the subject cut to fit. */
function finished(subject: string, htmlBody: string, body: string): RenderedMail {
  return { subject: clip(maskPhones(subject), MAX_SUBJECT_CHARS), htmlBody, body: maskPhones(body) };
}

function wrap(ctx: RenderContext, inner: string): string {
  return `<div style="font-family:Arial,'Microsoft YaHei',sans-serif;color:#222">${inner}<p style="color:#777;font-size:12px">${say(ctx.t("mail.footer", { office: ctx.officeName }))}</p></div>`;
}

/** `unlisted`: notices for this person left for the next run (the list is capped). */
export function reminderMail(
  ctx: RenderContext,
  notices: readonly Notice[],
  unlisted = 0,
  callbacks: readonly CallbackNotice[] = [],
): RenderedMail {
  const { t } = ctx;
  const more = unlisted ? t("mail.more", { count: unlisted }) : "";
  const ids = new Set(notices.map((n) => n.item.complaint.id));
  const subject = ids.size
    ? t("mail.reminder.subject", { office: ctx.officeName, count: ids.size })
    : t("mail.reminder.subjectCallbacks", { office: ctx.officeName, count: callbacks.length });
  const cbSection = callbackSection(ctx, callbacks);
  const when = (ms: number) => formatLocal(ms, ctx.utcOffsetMinutes);
  const rows = notices.map((n) => {
    const c = n.item.complaint;
    const level = `<span style="background:${LEVEL_COLOUR[n.level]};padding:1px 6px;border-radius:3px">${say(t(`mail.level.${n.level}`))}</span>`;
    return [
      say(c.id),
      say(c.unit),
      say(c.category),
      `${level} ${say(t(`mail.kind.${n.kind}`))}`,
      say(when(n.due)),
      say(choiceLabel("status", n.item.sla.status, t)),
      say(maskPhone(c.contact)),
      say(brief(c.content)),
    ];
  });
  const headers = ["id", "unit", "category", "deadline", "due", "status", "contact", "content"].map((k) =>
    t(`mail.col.${k}` as Parameters<Translate>[0]),
  );
  const text = notices
    .map((n) => {
      const c = n.item.complaint;
      return `- ${c.id} ${c.unit} ${c.category}: ${t(`mail.level.${n.level}`)} ${t(`mail.kind.${n.kind}`)} ${when(n.due)} — ${brief(c.content)}`;
    })
    .join("\n");
  return finished(
    subject,
    wrap(
      ctx,
      `${rows.length ? `<p>${say(t("mail.reminder.intro"))}</p>${table(headers, rows)}` : ""}${cbSection.html}${more ? `<p>${say(more)}</p>` : ""}`,
    ),
    `${rows.length ? `${t("mail.reminder.intro")}\n\n${text}\n` : ""}${cbSection.text}\n${more}\n\n${t("mail.footer", { office: ctx.officeName })}`,
  );
}

/** Call-backs owed today or overdue: who to call, about what, by when. */
function callbackSection(
  ctx: RenderContext,
  callbacks: readonly CallbackNotice[],
): { html: string; text: string } {
  if (!callbacks.length) return { html: "", text: "" };
  const { t } = ctx;
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), ctx.utcOffsetMinutes) : "");
  const rows = callbacks.map(({ callback: c, overdue }) => [
    say(c.id),
    say(c.ref),
    say(c.unit),
    say(maskPhone(c.contact)),
    say(brief(c.content)),
    `${overdue ? `<span style="background:${LEVEL_COLOUR.head};padding:1px 6px;border-radius:3px">${say(t("mail.level.head"))}</span> ` : ""}${say(when(c.dueAt))}`,
  ]);
  const headers = [
    t("mail.col.id"),
    t("mail.col.ref"),
    t("mail.col.unit"),
    t("mail.col.contact"),
    t("mail.col.content"),
    t("mail.col.due"),
  ];
  const text = callbacks
    .map(({ callback: c }) => `- ${c.id} ${c.unit} ${brief(c.content)} ${when(c.dueAt)}`)
    .join("\n");
  return {
    html: `<p>${say(t("mail.reminder.callbacks"))}</p>${table(headers, rows)}`,
    text: `${t("mail.reminder.callbacks")}\n${text}`,
  };
}

function bars(
  title: string,
  rows: { name: string; open: number; overdue: number }[],
  ctx: RenderContext,
): string {
  if (!rows.length) return `<h3>${say(title)}</h3><p>${say(ctx.t("mail.digest.none"))}</p>`;
  const max = Math.max(...rows.map((r) => r.open), 1);
  const line = (r: { name: string; open: number; overdue: number }) => {
    const w = Math.round((r.open / max) * 240);
    const late = Math.round((r.overdue / max) * 240);
    const name = say(r.name || ctx.t("mail.digest.unassigned"));
    return `<tr><td style="padding:2px 8px;white-space:nowrap">${name}</td><td style="padding:2px 0"><div style="position:relative;height:14px;width:${w}px;background:#9fc5e8"><div style="height:14px;width:${late}px;background:#e06666"></div></div></td><td style="padding:2px 8px">${r.open}${r.overdue ? ` (${r.overdue} ${say(ctx.t("mail.digest.overdue"))})` : ""}</td></tr>`;
  };
  return `<h3>${say(title)}</h3><table style="font-size:13px">${rows.map(line).join("")}</table>`;
}

function itemRows(items: readonly DigestItem[], ctx: RenderContext, withReason: boolean): string[][] {
  return items.map((i) => [
    say(i.id),
    say(i.unit),
    say(i.category),
    say(i.department),
    say(i.assignee),
    say(i.contact),
    withReason
      ? say(`${i.pauseKind}: ${i.pauseReason}`)
      : say(i.due ? formatLocal(i.due, ctx.utcOffsetMinutes) : ""),
  ]);
}

/** The call-back part of the digest: what is owed, and how the office kept its word lately. */
function callbackDigestSection(ctx: RenderContext, cb: CallbackDigest): { html: string; text: string } {
  const { t } = ctx;
  const rateRows = [...cb.rates, { ...cb.total, name: t("mail.cb.total") }].map((r) => [
    say(r.name || t("mail.digest.unassigned")),
    String(r.due),
    String(r.onTime),
    percent(r.onTime, r.due),
    String(r.answered),
    percent(r.satisfied, r.answered),
  ]);
  const headers = [
    "mail.cb.department",
    "mail.cb.due",
    "mail.cb.onTime",
    "mail.cb.rate",
    "mail.cb.answered",
    "mail.cb.satisfaction",
  ].map((k) => t(k as Parameters<Translate>[0]));
  const overdue = cb.overdue
    .slice(0, MAX_LISTED)
    .map((c) => [
      say(c.id),
      say(c.ref),
      say(c.unit),
      say(c.department),
      say(maskPhone(c.contact)),
      say(c.dueAt ? formatLocal(c.dueAt.getTime(), ctx.utcOffsetMinutes) : ""),
    ]);
  const overdueHeaders = [
    t("mail.col.id"),
    t("mail.col.ref"),
    t("mail.col.unit"),
    t("sheet.departments"),
    t("mail.col.contact"),
    t("mail.col.due"),
  ];
  const summary = t("mail.cb.summary", {
    today: cb.dueToday,
    overdue: cb.overdue.length,
    days: cb.days,
    rate: percent(cb.total.onTime, cb.total.due),
    satisfaction: percent(cb.total.satisfied, cb.total.answered),
  });
  return {
    html: `<h3>${say(t("mail.cb.title"))}</h3><p>${say(summary)}</p>${cb.rates.length ? table(headers, rateRows) : ""}${
      overdue.length ? `<h4>${say(t("mail.cb.overdue"))}</h4>${table(overdueHeaders, overdue)}` : ""
    }`,
    text: `${t("mail.cb.title")}: ${summary}`,
  };
}

export function digestMail(ctx: RenderContext, f: DigestFigures, cb?: CallbackDigest): RenderedMail {
  const { t } = ctx;
  const cbPart = cb ? callbackDigestSection(ctx, cb) : { html: "", text: "" };
  const tiles = [
    [t("mail.digest.new"), f.newYesterday, "#cfe2f3"],
    [t("mail.digest.open"), f.open, "#d9ead3"],
    [t("mail.digest.overdue"), f.overdue, "#f4cccc"],
    [t("mail.digest.resolved"), f.resolvedYesterday, "#d9d2e9"],
    [t("mail.digest.paused"), f.paused, "#eeeeee"],
  ] as const;
  const tileHtml = tiles
    .map(
      ([label, n, bg]) =>
        `<td style="background:${bg};padding:8px 14px;text-align:center"><div style="font-size:22px;font-weight:bold">${n}</div><div style="font-size:12px">${say(label)}</div></td>`,
    )
    .join("");
  const headers = [
    t("mail.col.id"),
    t("mail.col.unit"),
    t("mail.col.category"),
    t("sheet.departments"),
    t("mail.col.assignee"),
    t("mail.col.contact"),
    t("mail.col.due"),
  ];
  const pausedHeaders = [...headers.slice(0, 6), t("mail.col.reason")];
  const more = (items: readonly DigestItem[]) =>
    items.length > MAX_LISTED ? `<p>${say(t("mail.more", { count: items.length - MAX_LISTED }))}</p>` : "";
  const list = (title: string, items: readonly DigestItem[], hdrs: string[], reason: boolean) =>
    `<h3>${say(title)}</h3>${items.length ? table(hdrs, itemRows(items.slice(0, MAX_LISTED), ctx, reason)) + more(items) : `<p>${say(t("mail.digest.none"))}</p>`}`;
  const html = [
    `<table style="border-spacing:6px"><tr>${tileHtml}</tr></table>`,
    bars(t("mail.digest.byCategory"), f.byCategory, ctx),
    bars(t("mail.digest.byDepartment"), f.byDepartment, ctx),
    list(t("mail.digest.overdueItems"), f.overdueItems, headers, false),
    list(t("mail.digest.pausedItems"), f.pausedItems, pausedHeaders, true),
    cbPart.html,
  ].join("");
  const text = [
    ...tiles.map(([label, n]) => `${label}: ${n}`),
    "",
    `${t("mail.digest.overdueItems")}:`,
    ...f.overdueItems.slice(0, MAX_LISTED).map((i) => `- ${i.id} ${i.unit} ${i.category} ${i.contact}`),
    `${t("mail.digest.pausedItems")}:`,
    ...f.pausedItems.slice(0, MAX_LISTED).map((i) => `- ${i.id} ${i.unit} ${i.pauseKind}: ${i.pauseReason}`),
    cbPart.text,
  ].join("\n");
  return finished(t("mail.digest.subject", { office: ctx.officeName, date: f.day }), wrap(ctx, html), text);
}

/** An owner was not satisfied at the call-back: the handler, head and manager hear at once. */
export function callbackAlertMail(ctx: RenderContext, cb: Callback, followUpId: string): RenderedMail {
  const { t } = ctx;
  const rows = [
    [t("mail.col.id"), cb.ref ? `${cb.ref} / ${cb.id}` : cb.id],
    [t("mail.col.unit"), cb.unit],
    [t("mail.col.contact"), maskPhone(cb.contact)],
    [t("mail.col.content"), brief(cb.content, 200)],
    [t("mail.col.reason"), `${choiceLabel("satisfaction", cb.satisfaction, t)}: ${cb.remarks}`],
  ];
  const follow = followUpId ? t("mail.cbAlert.followUp", { id: followUpId }) : "";
  const html = `<p>${say(t("mail.cbAlert.intro"))}</p>${table(
    ["", ""],
    rows.map(([k, v]) => [say(k ?? ""), say(v ?? "")]),
  )}${follow ? `<p>${say(follow)}</p>` : ""}`;
  return finished(
    t("mail.cbAlert.subject", { office: ctx.officeName, id: cb.ref || cb.id, unit: cb.unit }),
    wrap(ctx, html),
    [t("mail.cbAlert.intro"), ...rows.map(([k, v]) => `${k}: ${v}`), follow].join("\n"),
  );
}
