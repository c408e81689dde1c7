// Repairs and housekeeping services: logged by the dialog or typed into the Call-backs sheet,
// each becomes a call-back due a number of business days after the work was done.
import type { Callback, CallbackSource } from "../domain/callback";
import { formatLocal, isDate, parseLocalDateTime } from "../domain/dates";
import { MAX_CELL_CHARS } from "../domain/text";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { writeRows } from "../gas/table";
import { choiceCode, choiceLabel, decodeRows, encodeRow, isBlank } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { readCallbacks, saveCallbacks, schedule } from "./callbacks";
import { explainError } from "./errors";
import { newIds } from "./ids";
import { flagUnits } from "./owners";
import { loadOffice, type Office } from "./office";

export type ServiceResult =
  | { ok: true; id: string; dueAt: string; message: string }
  | { ok: false; errors: { field: string; message: string }[]; message: string };

const FIELDS = ["source", "unit", "owner", "contact", "content", "doneAt", "handler", "department"] as const;
type Field = (typeof FIELDS)[number];

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
        const [saved] = saveCallbacks(office, table, [draft]);
        const warnings = flagUnits(office, table.sheet, table.map.index.get("unit"), [
          { row: table.nextRow, unit: draft.unit },
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

/**
 * Rows typed into the Call-backs sheet: a new service row is completed (ID, due time, state,
 * who logged it); a follow-up whose done time is filled in becomes due. Caller holds the lock.
 */
export function completeCallbackEdits(office: Office, firstRow: number, lastRow: number): string[] {
  const table = readCallbacks(office);
  const rows = table.values.slice(firstRow - 1, lastRow);
  const decoded = decodeRows(
    SCHEMAS.callbacks,
    table.map,
    rows,
    office.codec,
    firstRow,
    (row) => !row.every(isBlank),
  );
  const messages: string[] = [];
  const out = rows.map((r) => [...r]) as (string | number | boolean | Date)[][];
  const fresh: { at: number; draft: Callback }[] = [];
  decoded.records.forEach((record, i) => {
    const at = (decoded.rowNumbers[i] ?? firstRow) - firstRow;
    if (!record.id) {
      const raw: Partial<Record<Field, unknown>> = {};
      for (const f of FIELDS) raw[f] = rows[at]?.[table.map.index.get(f) ?? -1];
      const { draft, errors } = validateService(office, raw);
      if (!draft)
        messages.push(office.t("edit.incomplete", { problems: errors.map((e) => e.message).join(" ") }));
      else fresh.push({ at, draft: { ...record, ...draft } });
      return;
    }
    out[at] = encodeRow(SCHEMAS.callbacks, table.map, schedule(office, record), office.codec, rows[at]);
  });
  if (fresh.length) {
    const saved = newIds(
      office,
      fresh.length,
      table.records.map((c) => c.id),
      "HF",
    );
    fresh.forEach(({ at, draft }, i) => {
      const cb = { ...draft, id: saved[i] ?? "" };
      out[at] = encodeRow(SCHEMAS.callbacks, table.map, cb, office.codec, rows[at]);
      const due = cb.dueAt ? formatLocal(cb.dueAt.getTime(), office.codec.utcOffsetMinutes) : "";
      messages.push(office.t("svc.saved", { id: cb.id, due }));
    });
  }
  writeRows(table.sheet, SCHEMAS.callbacks, table.map, firstRow, out);
  const flagged = fresh.map(({ at, draft }) => ({ row: firstRow + at, unit: draft.unit }));
  messages.push(...flagUnits(office, table.sheet, table.map.index.get("unit"), flagged));
  return messages;
}
