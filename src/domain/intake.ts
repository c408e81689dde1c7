// Validating a new complaint, whether it comes from the dialog or a row typed into the sheet.
import {
  CHANNELS,
  type Channel,
  type Complaint,
  emptyComplaint,
  SEVERITIES,
  type Severity,
} from "./complaint";
import { isTimeOnly, parseLocalDateTime, recordTimeProblem } from "./dates";
import { MAX_CELL_CHARS } from "./text";

export interface IntakeInput {
  unit: string;
  owner: string;
  contact: string;
  channel: string;
  category: string;
  severity: string;
  location: string;
  content: string;
  peopleInvolved: string;
  /** Office-local "YYYY-MM-DD HH:mm" (or the dialog's "YYYY-MM-DDTHH:mm"); empty means now. */
  receivedAt: string;
}

export const INTAKE_FIELDS: readonly (keyof IntakeInput)[] = [
  "unit",
  "owner",
  "contact",
  "channel",
  "category",
  "severity",
  "location",
  "content",
  "peopleInvolved",
  "receivedAt",
];

export type IntakeErrorCode =
  | "required"
  | "unknownCategory"
  | "unknownSeverity"
  | "unknownChannel"
  | "badDate"
  | "timeOnly"
  | "tooEarly"
  | "futureDate"
  | "tooLong";

export interface IntakeError {
  field: keyof IntakeInput;
  code: IntakeErrorCode;
}

export interface IntakeContext {
  categories: readonly string[];
  now: number;
  utcOffsetMinutes: number;
}

export type IntakeResult = { ok: true; complaint: Complaint } | { ok: false; errors: IntakeError[] };

const REQUIRED: readonly (keyof IntakeInput)[] = ["unit", "category", "severity", "content"];

/** Checks the input and returns a complaint draft (no ID, deadlines or owner yet). */
export function validateIntake(
  raw: Partial<Record<keyof IntakeInput, unknown>>,
  ctx: IntakeContext,
): IntakeResult {
  const input = {} as IntakeInput;
  for (const f of INTAKE_FIELDS)
    input[f] = raw[f] === undefined || raw[f] === null ? "" : String(raw[f]).trim();
  const errors: IntakeError[] = [];
  for (const f of REQUIRED) if (!input[f]) errors.push({ field: f, code: "required" });
  for (const f of INTAKE_FIELDS)
    if (input[f].length > MAX_CELL_CHARS) errors.push({ field: f, code: "tooLong" });
  if (input.category && !ctx.categories.includes(input.category))
    errors.push({ field: "category", code: "unknownCategory" });
  if (input.severity && !(SEVERITIES as readonly string[]).includes(input.severity))
    errors.push({ field: "severity", code: "unknownSeverity" });
  const channel = input.channel || "phone";
  if (!(CHANNELS as readonly string[]).includes(channel))
    errors.push({ field: "channel", code: "unknownChannel" });
  let receivedAt = ctx.now;
  if (input.receivedAt) {
    const parsed = parseLocalDateTime(input.receivedAt, ctx.utcOffsetMinutes);
    const problem = parsed === null ? null : recordTimeProblem(parsed, ctx.now, ctx.utcOffsetMinutes);
    if (isTimeOnly(input.receivedAt)) errors.push({ field: "receivedAt", code: "timeOnly" });
    else if (parsed === null) errors.push({ field: "receivedAt", code: "badDate" });
    else if (problem)
      errors.push({ field: "receivedAt", code: problem === "future" ? "futureDate" : problem });
    else receivedAt = parsed;
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    complaint: {
      ...emptyComplaint(),
      receivedAt: new Date(receivedAt),
      channel: channel as Channel,
      unit: input.unit,
      owner: input.owner,
      contact: input.contact,
      category: input.category,
      severity: input.severity as Severity,
      location: input.location,
      content: input.content,
      peopleInvolved: input.peopleInvolved,
    },
  };
}
