// Who is running the script, as far as Google tells: the email where it is shared, and
// the anonymous per-user key (Session.getTemporaryActiveUserKey) everywhere else.
import { documentProps } from "./services";

/**
 * The person's email, or "" where Google withholds it: a simple trigger (onOpen, onEdit)
 * run by a consumer account or a user of another domain than the script's owner.
 */
export function sessionEmail(): string {
  return Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || "";
}

/** Unique to the person and the script, without revealing who; Google rotates it every 30 days. */
export function temporaryUserKey(): string {
  try {
    return Session.getTemporaryActiveUserKey() || "";
  } catch {
    return "";
  }
}

/** A JSON value kept in the document's properties (shared by every editor of the workbook). */
export function readDocumentJson<T>(key: string, fallback: T): T {
  const text = documentProps().getProperty(key);
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function writeDocumentJson(key: string, value: unknown): void {
  documentProps().setProperty(key, JSON.stringify(value));
}
