// A repair or housekeeping service as logged by the dialog or typed into the Call-backs sheet:
// checked field by field, and made into a call-back due some business days after the work.
import type { Callback, CallbackSource } from "../domain/callback";
import { formatLocal, isDate, parseLocalDateTime } from "../domain/dates";
import { MAX_CELL_CHARS } from "../domain/text";
import { choiceCode } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { schedule } from "./callbacks";
import type { Office } from "./office";

export const FIELDS = [
  "source",
  "unit",
  "owner",
  "contact",
  "content",
  "doneAt",
  "handler",
  "department",
] as const;
export type Field = (typeof FIELDS)[number];

/** Checks a service; returns the draft call-back or per-field messages. */
export function validateService(
  office: Office,
  raw: Partial<Record<Field, unknown>>,
): { draft?: Callback; errors: { field: Field; message: string }[] } {
  const text = (k: Field) =>
    raw[k] === undefined || raw[k] === null
      ? ""
      : isDate(raw[k])
        ? formatLocal((raw[k] as Date).getTime(), office.codec.utcOffsetMinutes)
        : String(raw[k]).trim();
  const name = (k: Field) =>
    headerFor(CALLBACK_COLUMNS.find((c) => c.key === k) ?? CALLBACK_COLUMNS[0]!, office.language);
  const errors: { field: Field; message: string }[] = [];
  const err = (field: Field, key: Parameters<Office["t"]>[0], value = "") =>
    errors.push({ field, message: office.t(key, { field: name(field), value }) });
  const source = choiceCode("cbSource", text("source") || "repair");
  if (source !== "repair" && source !== "housekeeping") err("source", "svc.error.source", text("source"));
  for (const k of ["unit", "content"] as const) if (!text(k)) err(k, "error.required");
  for (const k of FIELDS) if (text(k).length > MAX_CELL_CHARS) err(k, "error.tooLong");
  let doneAt = office.now.getTime();
  if (text("doneAt")) {
    const parsed = parseLocalDateTime(text("doneAt"), office.codec.utcOffsetMinutes);
    if (parsed === null) err("doneAt", "error.badDate", text("doneAt"));
    else if (parsed > office.now.getTime() + 10 * 60_000) err("doneAt", "error.futureDate", text("doneAt"));
    else doneAt = parsed;
  }
  if (text("department") && !office.settings.departments.some((d) => d.name === text("department")))
    err("department", "svc.error.department", text("department"));
  if (errors.length) return { errors };
  const draft = schedule(office, {
    ...SCHEMAS.callbacks.empty(),
    source: source as CallbackSource,
    unit: text("unit"),
    owner: text("owner"),
    contact: text("contact"),
    content: text("content"),
    doneAt: new Date(doneAt),
    handler: text("handler"),
    department: text("department"),
    loggedBy: office.user,
  });
  return { draft, errors };
}
