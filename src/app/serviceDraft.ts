// A repair or housekeeping service as logged by the dialog or typed into the Call-backs sheet:
// checked field by field, and made into a call-back due some business days after the work.
import type { Callback } from "../domain/callback";
import {
  SERVICE_FIELDS,
  type ServiceErrorCode,
  type ServiceField,
  validateServiceInput,
} from "../domain/service";
import type { MessageKey } from "../i18n/messages";
import { choiceCode } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { schedule } from "./callbacks";
import type { Office } from "./office";

export const FIELDS = SERVICE_FIELDS;
export type Field = ServiceField;

/** What each code of the domain's service check says, in the office's words. */
const MESSAGE: Record<ServiceErrorCode, MessageKey> = {
  unknownSource: "svc.error.source",
  required: "error.required",
  tooLong: "error.tooLong",
  badDate: "error.badDate",
  futureDate: "error.futureDate",
  unknownDepartment: "svc.error.department",
};

/** Checks a service with the domain's rule (the dialog runs the same); returns the draft call-back or per-field messages. */
export function validateService(
  office: Office,
  raw: Partial<Record<Field, unknown>>,
): { draft?: Callback; errors: { field: Field; message: string }[] } {
  const sourceText = raw.source === undefined || raw.source === null ? "" : String(raw.source).trim();
  // A source typed in either language is matched to its code; anything else stays as typed and is refused.
  const source = sourceText ? (choiceCode("cbSource", sourceText) ?? sourceText) : "";
  const checked = validateServiceInput(
    { ...raw, source },
    {
      departments: office.settings.departments.map((d) => d.name),
      now: office.now.getTime(),
      utcOffsetMinutes: office.codec.utcOffsetMinutes,
    },
  );
  if (!checked.ok) {
    const name = (k: Field) =>
      headerFor(CALLBACK_COLUMNS.find((c) => c.key === k) ?? CALLBACK_COLUMNS[0]!, office.language);
    const shown = (k: Field) => (k === "source" ? sourceText : raw[k] === undefined ? "" : String(raw[k]));
    return {
      errors: checked.errors.map((e) => ({
        field: e.field,
        message: office.t(MESSAGE[e.code], { field: name(e.field), value: shown(e.field) }),
      })),
    };
  }
  const service = checked.service;
  const draft = schedule(office, {
    ...SCHEMAS.callbacks.empty(),
    ...service,
    doneAt: new Date(service.doneAt),
    loggedBy: office.user,
  });
  return { draft, errors: [] };
}
