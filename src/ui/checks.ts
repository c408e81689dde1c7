// The domain's own checks, run in a dialog before it calls the server: one rule on both sides
// (the server checks again and has the last word). A problem is said with the texts the server
// sent the dialog; one the dialog has no text for is left to the server, which says it.
// Times: the dialog knows the office's wall-clock time, not its zone, so it reads every time
// as office-local with a zero offset, the same on both sides of each comparison.
import {
  type Callback,
  emptyCallback,
  managerClose,
  type OutcomeInput,
  validateOutcome,
} from "../domain/callback";
import { parseLocalDateTime } from "../domain/dates";
import { type IntakeInput, validateIntake } from "../domain/intake";
import { type ServiceField, validateServiceInput } from "../domain/service";
import { fill, type Labels } from "./words";

export interface Problem {
  field: string;
  message: string;
}

/**
 * The office's time now as the dialog reads times: the time the server sent when the dialog
 * opened ("YYYY-MM-DDTHH:mm", office-local) plus how long it has been open. NaN without one
 * (then nothing is refused as being in the future: the server checks).
 */
export function officeNow(serverNow: string, openForMs: number): number {
  return (parseLocalDateTime(serverNow, 0) ?? Number.NaN) + openForMs;
}

/** Each domain error in words: `template(code)` with the field's column name and the value typed. */
export function say<F extends string>(
  errors: readonly { field: F; code: string }[],
  template: (code: string) => string | undefined,
  labels: Labels,
  raw: Readonly<Partial<Record<F, unknown>>>,
): Problem[] {
  return errors.flatMap((e) => {
    const words = template(e.code);
    if (words === undefined) return [];
    const value = String(raw[e.field] ?? "");
    return [{ field: e.field, message: fill(words, { field: labels[e.field] ?? e.field, value }) }];
  });
}

/** The intake dialog: the complaint's rules (src/domain/intake.ts) with the `error.<code>` texts. */
export function intakeProblems(
  form: IntakeInput,
  options: { labels: Labels; categories: readonly string[]; now: string },
  openForMs: number,
): Problem[] {
  const checked = validateIntake(form, {
    categories: options.categories,
    now: officeNow(options.now, openForMs),
    utcOffsetMinutes: 0,
  });
  return checked.ok
    ? []
    : say(checked.errors, (code) => options.labels[`error.${code}`], options.labels, form);
}

/** The Log service dialog: the service's rules (src/domain/service.ts); a missing field is marked "required". */
export function serviceProblems(
  form: Readonly<Record<ServiceField, string>>,
  options: { labels: Labels; departments: readonly string[]; now: string },
  openForMs: number,
): Problem[] {
  const checked = validateServiceInput(form, {
    departments: options.departments,
    now: officeNow(options.now, openForMs),
    utcOffsetMinutes: 0,
  });
  const words = (code: string) => (code === "required" ? options.labels["intake.required"] : undefined);
  return checked.ok ? [] : say(checked.errors, words, options.labels, form);
}

/** What the Record call-back dialog was shown of a call-back. */
export interface CardFacts {
  id: string;
  /** Office-local "YYYY-MM-DD HH:mm", or "" when the work is not done yet. */
  doneAt: string;
  open: boolean;
  followUp: boolean;
}

/**
 * The call-back as the domain's record, from what the dialog was shown: an open card is
 * pending; one awaiting a follow-up is a complaint's whose owner was reached and answered
 * neutral (exactly when the server marks it so). Anything else the server judges from the sheet.
 */
export function cardRecord(card: CardFacts): Callback {
  const doneAt = card.doneAt ? parseLocalDateTime(card.doneAt, 0) : null;
  return {
    ...emptyCallback(),
    id: card.id,
    doneAt: doneAt === null ? null : new Date(doneAt),
    state: card.open ? "pending" : "",
    ...(card.followUp ? { source: "complaint", result: "reached", satisfaction: "neutral" } : {}),
  };
}

/** The Record call-back dialog: the outcome's rules (validateOutcome) with the `cb.error.<code>` texts. */
export function outcomeProblems(
  card: CardFacts,
  form: OutcomeInput,
  options: { labels: Labels; now: string },
  openForMs: number,
): Problem[] {
  const checked = validateOutcome(cardRecord(card), form, officeNow(options.now, openForMs), 0);
  const words = (code: string) => options.labels[`cb.error.${code}`];
  return checked.ok ? [] : say(checked.errors, words, options.labels, form);
}

/** The manager's close of a neutral call-back: the domain's managerClose rules on the reason. */
export function managerCloseProblems(card: CardFacts, reason: string, labels: Labels): Problem[] {
  // Offered only to the manager (the server says so), and checked again by the server.
  const closed = managerClose(cardRecord(card), reason, reason, true);
  if (closed.ok) return [];
  const field: "reason" | "id" =
    closed.error === "reasonRequired" || closed.error === "tooLong" ? "reason" : "id";
  return say([{ field, code: closed.error }], (code) => labels[`cb.error.${code}`], labels, { reason });
}
