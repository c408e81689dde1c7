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

/** Masks a phone number for emails and reports: 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  // A Chinese mobile number may be written with its country code (+86 / 0086).
  const digits = phone.replace(/\D/g, "").replace(/^(?:0086|86)(?=1\d{10}$)/, "");
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length === 0) return phone ? "****" : "";
  return `****${digits.slice(-2)}`;
}

/** True when Sheets would read the text as a formula if it were typed into a cell. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Google Sheets refuses more than 50,000 characters in one cell. */
export const MAX_CELL_CHARS = 50_000;

export function normaliseKey(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}
