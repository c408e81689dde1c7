// Logging a complaint from the dialog: validate, then allocate, score and write under the lock.
import { CHANNELS, type Complaint, SEVERITIES } from "../domain/complaint";
import { formatLocal } from "../domain/dates";
import { type IntakeError, type IntakeInput, validateIntake } from "../domain/intake";
import { categoryNames } from "../domain/settings";
import { nextEmptyRow } from "../gas/patch";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { writeRows } from "../gas/table";
import { choiceLabel, encodeRow } from "../sheets/codec";
import { COMPLAINT_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { openComplaints, registerNew } from "./complaintRows";
import { writeLog } from "./complaints";
import { explainError } from "./errors";
import { loadOffice, type Office } from "./office";
import { flagUnits } from "./owners";

export interface IntakeOptions {
  language: string;
  labels: Record<string, string>;
  categories: string[];
  severities: { code: string; label: string }[];
  channels: { code: string; label: string }[];
  now: string;
}

export type SubmitResult =
  | { ok: true; id: string; responseDue: string; recurrenceOf: string; message: string }
  | { ok: false; errors: { field: string; message: string }[]; message: string };

/** What the dialog needs to draw itself, in the office's language. */
export function intakeOptions(): IntakeOptions {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const { t } = office;
  const labels: Record<string, string> = {};
  for (const c of COMPLAINT_COLUMNS) labels[c.key] = headerFor(c, office.language);
  for (const k of [
    "intake.title",
    "intake.submit",
    "intake.saving",
    "intake.another",
    "intake.close",
    "intake.hint.receivedAt",
    "intake.required",
    "intake.recurrence",
    "error.required",
    "error.badDate",
    "error.futureDate",
    "error.timeOnly",
    "error.tooEarly",
    "error.tooLong",
  ] as const)
    labels[k] = t(k);
  return {
    language: office.language,
    labels,
    categories: categoryNames(office.settings),
    severities: SEVERITIES.map((code) => ({ code, label: choiceLabel("severity", code, t) })),
    channels: CHANNELS.map((code) => ({ code, label: choiceLabel("channel", code, t) })),
    now: formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes).replace(" ", "T"),
  };
}

export function fieldMessage(
  office: Office,
  error: IntakeError,
  raw: Partial<Record<keyof IntakeInput, unknown>>,
) {
  const column = COMPLAINT_COLUMNS.find((c) => c.key === error.field);
  const field = column ? headerFor(column, office.language) : error.field;
  return office.t(`error.${error.code}`, { field, value: String(raw[error.field] ?? "") });
}

/** Saves one complaint; a repeated submission (double click, retry) returns the first result. */
export function submitComplaint(form: unknown, submissionId: string): SubmitResult {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const raw = (typeof form === "object" && form !== null ? form : {}) as Partial<
    Record<keyof IntakeInput, unknown>
  >;
  const validated = validateIntake(raw, {
    categories: categoryNames(office.settings),
    now: office.now.getTime(),
    utcOffsetMinutes: office.codec.utcOffsetMinutes,
  });
  if (!validated.ok) {
    const errors = validated.errors.map((e) => ({ field: e.field, message: fieldMessage(office, e, raw) }));
    return { ok: false, errors, message: errors.map((e) => e.message).join("\n") };
  }
  try {
    // Checked under the lock: a double click waits for the first save, then finds it.
    return withDocumentLock(20_000, () =>
      savedOnce<SubmitResult>("submission", submissionId, () => {
        const { saved, warnings } = saveNewComplaints(office, [validated.complaint]);
        const result = saved[0];
        if (!result) throw new Error("nothing saved");
        const done: SubmitResult = {
          ok: true,
          id: result.id,
          responseDue: result.responseDue
            ? formatLocal(result.responseDue.getTime(), office.codec.utcOffsetMinutes)
            : "",
          recurrenceOf: result.recurrenceOf,
          message: [
            office.t("intake.saved", {
              id: result.id,
              due: result.responseDue
                ? formatLocal(result.responseDue.getTime(), office.codec.utcOffsetMinutes)
                : "",
            }),
            ...warnings,
          ].join("\n"),
        };
        return done;
      }),
    );
  } catch (e) {
    if (e instanceof LockBusyError) return { ok: false, errors: [], message: office.t("error.busy") };
    return { ok: false, errors: [], message: explainError(office, e) };
  }
}

/** Appends new complaints after the last used row. Caller holds the document lock. */
export function saveNewComplaints(
  office: Office,
  drafts: readonly Complaint[],
): { saved: Complaint[]; warnings: string[] } {
  const { sheet, map } = openComplaints(office);
  const saved = registerNew(office, sheet, map, drafts);
  const first = nextEmptyRow(sheet, map.width);
  const rows = saved.map((c) => encodeRow(SCHEMAS.complaints, map, c, office.codec));
  writeRows(sheet, SCHEMAS.complaints, map, first, rows);
  const warnings = flagUnits(
    office,
    sheet,
    map.index.get("unit"),
    saved.map((c, i) => ({ row: first + i, unit: c.unit })),
  );
  writeLog(
    office,
    saved.map((c) => ({
      item: c.id,
      field: "created" as const,
      from: "",
      to: c.unit,
      note: c.recurrenceOf ? `↺ ${c.recurrenceOf}` : "",
    })),
  );
  return { saved, warnings };
}
