// Repairs and housekeeping services logged by the dialog: each becomes a call-back due a
// number of business days after the work was done. (Rows typed into the sheet: callbackRows.ts.)
import { formatLocal } from "../domain/dates";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { choiceLabel } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor } from "../sheets/schema";
import { readCallbacks, saveCallbacksAt } from "./callbacks";
import { explainError } from "./errors";
import { loadOffice } from "./office";
import { flagUnits } from "./owners";
import { type Field, validateService } from "./serviceDraft";

export { completeCallbackEdits } from "./callbackRows";

export type ServiceResult =
  | { ok: true; id: string; dueAt: string; message: string }
  | { ok: false; errors: { field: string; message: string }[]; message: string };

export interface ServiceOptions {
  labels: Record<string, string>;
  sources: { code: string; label: string }[];
  departments: string[];
  now: string;
}

/** What the Log service dialog needs to draw itself, in the office's language. */
export function serviceOptions(): ServiceOptions {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const labels: Record<string, string> = {};
  for (const c of CALLBACK_COLUMNS) labels[c.key] = headerFor(c, office.language);
  for (const k of [
    "svc.title",
    "svc.save",
    "intake.saving",
    "intake.close",
    "intake.required",
    "intake.another",
  ] as const)
    labels[k] = office.t(k);
  return {
    labels,
    sources: (["repair", "housekeeping"] as const).map((code) => ({
      code,
      label: choiceLabel("cbSource", code, office.t),
    })),
    departments: office.settings.departments.map((d) => d.name),
    now: formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes).replace(" ", "T"),
  };
}

export function submitService(form: unknown, submissionId: string): ServiceResult {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const raw = (typeof form === "object" && form !== null ? form : {}) as Partial<Record<Field, unknown>>;
  const { draft, errors } = validateService(office, raw);
  if (!draft) return { ok: false, errors, message: errors.map((e) => e.message).join("\n") };
  try {
    return withDocumentLock(20_000, () =>
      savedOnce<ServiceResult>("service", submissionId, () => {
        const table = readCallbacks(office);
        const { saved: [saved] = [], firstRow } = saveCallbacksAt(office, table, [draft]);
        const warnings = flagUnits(office, table.sheet, table.map.index.get("unit"), [
          { row: firstRow, unit: draft.unit },
        ]);
        const dueAt = saved?.dueAt ? formatLocal(saved.dueAt.getTime(), office.codec.utcOffsetMinutes) : "";
        const message = [office.t("svc.saved", { id: saved?.id ?? "", due: dueAt }), ...warnings].join("\n");
        const done: ServiceResult = { ok: true, id: saved?.id ?? "", dueAt, message };
        return done;
      }),
    );
  } catch (e) {
    if (e instanceof LockBusyError) return { ok: false, errors: [], message: office.t("error.busy") };
    return { ok: false, errors: [], message: explainError(office, e) };
  }
}
