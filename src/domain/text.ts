// Small text rules shared by dialogs, sheets and emails.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

// Phone numbers in any text that leaves the workbook (emails, digests): a mobile keeps its
// first three and last four digits (138****5678); a landline, with or without its area code,
// keeps only its last four (****4321), so no more than four digits of it can be read.
/** At most one space or dash between digit groups. */
const SEP = "[ -]?";
const COUNTRY = `(?:(?:\\+|00)?86${SEP})`;
const MOBILE = `${COUNTRY}?(1[3-9]\\d(?:${SEP}\\d){8})`;
/** 400/800 numbers belong to companies (hotlines): public, left as written. */
const HOTLINE = `[48]00${SEP}\\d{3}${SEP}\\d{4}`;
const AREA = `(?:${COUNTRY}?(?:0\\d{2,3}|\\(0?\\d{2,3}\\))|${COUNTRY}[1-9]\\d{1,2})`;
const LANDLINE = `(?:${AREA}${SEP})?[2-9]\\d{2,3}${SEP}\\d{4}`;
/** A number only counts whole: never a piece of a longer run of digits (IDs, order numbers). */
const PHONE = new RegExp(`(?<!\\d)(?:(${HOTLINE})|${MOBILE}|(${LANDLINE}))(?!\\d)`, "g");

/**
 * Full-width digits and marks an IME types (１３８－１２３４, ＋86, （010）), other spaces and
 * dashes, read as their plain forms: one character for one, so positions stay the same.
 */
function plainForms(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0b\uff08\uff09\uff0d]|[\u3000\u00a0]|[\u2010-\u2013]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff00) return String.fromCharCode(code - 0xfee0);
    return code >= 0x2010 ? "-" : " ";
  });
}

/** Masks every phone-like number in a text: 请联系13812345678 → 请联系138****5678. */
export function maskPhones(text: string): string {
  const plain = plainForms(text);
  let out = "";
  let from = 0;
  for (const m of plain.matchAll(PHONE)) {
    const [whole, hotline, mobile] = m;
    if (hotline) continue;
    const digits = (mobile ?? whole).replace(/\D/g, "");
    out += text.slice(from, m.index) + (mobile ? `${digits.slice(0, 3)}****` : "****") + digits.slice(-4);
    from = m.index + whole.length;
  }
  return out + text.slice(from);
}

/**
 * Masks a contact field for emails and reports: its phone numbers as `maskPhones` does, and
 * anything else in it (a short number, a WeChat ID) all but its last two digits, since the
 * field holds nothing but the way to reach a person.
 */
export function maskPhone(contact: string): string {
  if (!contact.trim()) return "";
  const masked = maskPhones(contact);
  if (masked !== contact) return masked;
  const digits = plainForms(contact).replace(/\D/g, "");
  return digits ? `****${digits.slice(-2)}` : "****";
}

/** True when Sheets would read the text as a formula if it were typed into a cell. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Google Sheets refuses more than 50,000 characters in one cell. */
export const MAX_CELL_CHARS = 50_000;
/** MailApp refuses a subject longer than 250 characters. */
export const MAX_SUBJECT_CHARS = 250;

/**
 * Cuts a text to at most `max` characters (UTF-16 units, as Sheets and MailApp count them),
 * ending with "…" when cut, never between the two halves of an emoji or a rare character.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return "";
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

export function normaliseKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** UTF-8 length: property and cache limits count bytes. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
