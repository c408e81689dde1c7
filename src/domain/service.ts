// A repair or housekeeping service as someone logs it (the Log service dialog, or a row typed
// into the Call-backs sheet): each field's check, in codes the caller says in words. The
// dialog runs it before sending and the server runs it again, so both sides keep one rule.
import type { CallbackSource } from "./callback";
import { FUTURE_TOLERANCE_MS, formatLocal, isDate, parseLocalDateTime } from "./dates";
import { MAX_CELL_CHARS } from "./text";

export const SERVICE_FIELDS = [
  "source",
  "unit",
  "owner",
  "contact",
  "content",
  "doneAt",
  "handler",
  "department",
] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

/** The call-back sources a person logs as a service (a complaint's call-back comes from resolving it). */
export const SERVICE_SOURCES = ["repair", "housekeeping"] as const satisfies readonly CallbackSource[];
export type ServiceSource = (typeof SERVICE_SOURCES)[number];

export type ServiceErrorCode =
  | "unknownSource"
  | "required"
  | "tooLong"
  | "badDate"
  | "futureDate"
  | "unknownDepartment";

export interface ServiceError {
  field: ServiceField;
  code: ServiceErrorCode;
}

export interface ServiceContext {
  /** The office's departments by name (Departments sheet). */
  departments: readonly string[];
  now: number;
  utcOffsetMinutes: number;
}

export interface ServiceInput {
  source: ServiceSource;
  unit: string;
  owner: string;
  contact: string;
  content: string;
  /** When the work was done; an empty field means now. */
  doneAt: number;
  handler: string;
  department: string;
}

const REQUIRED: readonly ServiceField[] = ["unit", "content"];

/**
 * Checks a service. `raw.source` is a source code (the caller maps a label typed in either
 * language to its code); empty means a repair. `doneAt` is office-local text or a Date.
 */
export function validateServiceInput(
  raw: Partial<Record<ServiceField, unknown>>,
  ctx: ServiceContext,
): { ok: true; service: ServiceInput } | { ok: false; errors: ServiceError[] } {
  const text = (k: ServiceField) => {
    const v = raw[k];
    if (v === undefined || v === null) return "";
    return isDate(v) ? formatLocal(v.getTime(), ctx.utcOffsetMinutes) : String(v).trim();
  };
  const errors: ServiceError[] = [];
  const source = text("source") || "repair";
  if (!(SERVICE_SOURCES as readonly string[]).includes(source))
    errors.push({ field: "source", code: "unknownSource" });
  for (const k of REQUIRED) if (!text(k)) errors.push({ field: k, code: "required" });
  for (const k of SERVICE_FIELDS)
    if (text(k).length > MAX_CELL_CHARS) errors.push({ field: k, code: "tooLong" });
  let doneAt = ctx.now;
  if (text("doneAt")) {
    const parsed = parseLocalDateTime(text("doneAt"), ctx.utcOffsetMinutes);
    if (parsed === null) errors.push({ field: "doneAt", code: "badDate" });
    else if (parsed > ctx.now + FUTURE_TOLERANCE_MS) errors.push({ field: "doneAt", code: "futureDate" });
    else doneAt = parsed;
  }
  const department = text("department");
  if (department && !ctx.departments.includes(department))
    errors.push({ field: "department", code: "unknownDepartment" });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    service: {
      source: source as ServiceSource,
      unit: text("unit"),
      owner: text("owner"),
      contact: text("contact"),
      content: text("content"),
      doneAt,
      handler: text("handler"),
      department,
    },
  };
}
