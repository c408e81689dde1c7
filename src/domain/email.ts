// Email addresses as MailApp will take them. One malformed address (a trailing 。, a@b..com)
// makes MailApp throw, so addresses are checked strictly where they are typed and before sending:
// plain ASCII dot-atoms at a domain of dotted labels ending in a real top-level domain.

/** Why an address is refused; each has the text `email.bad.<problem>` in both languages. */
export const EMAIL_PROBLEMS = [
  "empty",
  "space",
  "fullWidth",
  "nonAscii",
  "noAt",
  "manyAt",
  "dots",
  "local",
  "domain",
  "noTld",
  "tooLong",
] as const;
export type EmailProblem = (typeof EMAIL_PROBLEMS)[number];

/** Full-width and CJK punctuation an IME slips in: 。，；：＠．、（） and the full-width forms. */
const FULL_WIDTH = /[\u3000-\u303f\uff00-\uffef]/;
const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
/** Letters only, or an internationalised TLD in its ASCII (punycode) form. */
const TLD = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * The first thing wrong with an address, or null when MailApp can send to it. Surrounding
 * whitespace is ignored (cells are trimmed before sending); anything inside is not.
 */
export function emailProblem(text: string): EmailProblem | null {
  const address = text.trim();
  if (!address) return "empty";
  if (/\s/.test(address)) return "space";
  if (FULL_WIDTH.test(address)) return "fullWidth";
  // Printable ASCII only: an office's addresses are plain ASCII, so anything else is a typo.
  if (/[^\x21-\x7e]/.test(address)) return "nonAscii";
  const at = address.split("@");
  if (at.length < 2) return "noAt";
  if (at.length > 2) return "manyAt";
  const [local = "", domain = ""] = at;
  if (address.length > 254 || local.length > 64) return "tooLong";
  if (!local) return "local";
  if (!domain) return "domain";
  if ([local, domain].some((part) => part.startsWith(".") || part.endsWith(".") || part.includes("..")))
    return "dots";
  if (!local.split(".").every((atom) => LOCAL_ATOM.test(atom))) return "local";
  const domainParts = domain.split(".");
  if (!domainParts.every((label) => LABEL.test(label))) return "domain";
  const tld = domainParts[domainParts.length - 1] ?? "";
  if (domainParts.length < 2 || !TLD.test(tld)) return "noTld";
  return null;
}

export function isEmail(text: string): boolean {
  return emailProblem(text) === null;
}

export interface RefusedEmail {
  text: string;
  problem: EmailProblem;
}

export interface SplitEmails {
  /** Trimmed, in the order written, each address once (case-insensitively). */
  valid: string[];
  refused: RefusedEmail[];
}

/** What people put between addresses in one cell: commas, 、，；; and any spaces or line breaks. */
const SEPARATORS = /[\s,，、;；]+/;

/** Splits a cell that lists several addresses into those MailApp takes and those it would not, with why. */
export function splitEmails(cell: string): SplitEmails {
  const valid: string[] = [];
  const refused: RefusedEmail[] = [];
  const seen = new Set<string>();
  for (const piece of cell.split(SEPARATORS)) {
    if (!piece) continue;
    const problem = emailProblem(piece);
    if (problem) refused.push({ text: piece, problem });
    else if (!seen.has(piece.toLowerCase())) {
      seen.add(piece.toLowerCase());
      valid.push(piece);
    }
  }
  return { valid, refused };
}
