// The Owners sheet: flagging units that are not in it (with the registry's spelling when
// the numbers match), and importing a pasted list or CSV with a preview of refused rows.
import { type ImportPlan, type Owner, planImport } from "../domain/owners";
import { checkUnit, unitKey, unitRegistry, type UnitRegistry } from "../domain/units";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { findSheet, readTable, type Table, writeRows } from "../gas/table";
import { choiceCode, encodeRow, headerNames } from "../sheets/codec";
import { OWNER_COLUMNS, SCHEMAS } from "../sheets/schema";
import { parseTable } from "../domain/csv";
import { explainError } from "./errors";
import { loadOffice, type Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function readOwners(office: Office): Table<Owner> {
  return readTable<Owner>(office.ss, SCHEMAS.owners, office.codec, ["unit"]);
}

/** The registry to check units against; null while the office keeps no owner list. */
export function ownerRegistry(office: Office): UnitRegistry | null {
  if (!findSheet(office.ss, SCHEMAS.owners, office.t(SCHEMAS.owners.nameKey))) return null;
  const units = readOwners(office).records.map((o) => o.unit);
  return units.length ? unitRegistry(units) : null;
}

/** A warning per unit ("" when it is in the registry). */
export function unitWarnings(
  office: Office,
  registry: UnitRegistry | null,
  units: readonly string[],
): string[] {
  return units.map((unit) => {
    if (!registry || !unit.trim()) return "";
    const check = checkUnit(unit, registry);
    if (check.known) return "";
    if (check.suggestion && office.settings.unitMatch === "numbers")
      return office.t("owners.suggest", { unit, suggestion: check.suggestion });
    return office.t("owners.unknownUnit", { unit });
  });
}

/**
 * Puts each warning as a note on the unit cell of its row, so the flag stays beside the row
 * while the unit is kept as typed (one read and one write, whatever the rows). Returns the
 * warnings given.
 */
export function flagUnits(
  office: Office,
  sheet: Sheet,
  unitColumn: number | undefined,
  rows: readonly { row: number; unit: string }[],
): string[] {
  const registry = ownerRegistry(office);
  if (!registry || unitColumn === undefined || !rows.length) return [];
  const first = Math.min(...rows.map((r) => r.row));
  const last = Math.max(...rows.map((r) => r.row));
  const range = sheet.getRange(first, unitColumn + 1, last - first + 1, 1);
  const notes = range.getNotes();
  const warnings = unitWarnings(
    office,
    registry,
    rows.map((r) => r.unit),
  );
  rows.forEach((r, i) => {
    const cell = notes[r.row - first];
    if (cell) cell[0] = warnings[i] ?? "";
  });
  range.setNotes(notes);
  return warnings.filter(Boolean);
}

export interface ImportReport {
  labels?: Record<string, string>;
  ok: boolean;
  message: string;
  rows: { line: number; unit: string; names: string; phones: string; action: string; problem: string }[];
  counts: { add: number; update: number; rejected: number };
}

const headerLookup = (header: string): keyof Owner | null => {
  const wanted = header.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  const column = OWNER_COLUMNS.find((c) => headerNames(c).includes(wanted));
  return (column?.key as keyof Owner | undefined) ?? null;
};

function describe(office: Office, plan: ImportPlan): ImportReport {
  const { t } = office;
  const counts = { add: 0, update: 0, rejected: 0 };
  const rows = plan.rows.map((r) => {
    if (r.problem) counts.rejected += 1;
    else if (r.updates) counts.update += 1;
    else counts.add += 1;
    return {
      line: r.line,
      unit: r.owner.unit,
      names: r.owner.names,
      phones: r.owner.phones,
      action: r.problem ? "" : t(r.updates ? "owners.action.update" : "owners.action.add"),
      problem: r.problem
        ? t(`owners.problem.${r.problem}`, {
            line: r.line,
            unit: r.owner.unit,
            first: r.firstLine ?? "",
            value: r.problem === "unknownChannel" ? r.owner.channel : r.owner.keyOwner,
          })
        : "",
    };
  });
  if (plan.missingColumns.length) return { ok: false, message: t("owners.missingColumns"), rows: [], counts };
  return { ok: true, message: t("owners.accepted", counts), rows, counts };
}

function plan(text: string, table: Table<Owner>): ImportPlan {
  return planImport(
    parseTable(text),
    table.records.map((o) => o.unit),
    headerLookup,
    (raw) => choiceCode("ownerChannel", raw),
    (raw) => choiceCode("yesNo", raw),
  );
}

const DIALOG_LABELS = [
  "owners.title",
  "owners.hint",
  "owners.preview",
  "owners.import",
  "owners.file",
  "owners.col.line",
  "owners.col.action",
  "history.unit",
  "history.owner",
  "intake.close",
] as const;

/** The preview of an import (nothing written); with no text, just the dialog's labels. */
export function previewOwners(text: unknown): ImportReport {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const labels: Record<string, string> = {};
  for (const k of DIALOG_LABELS) labels[k] = office.t(k);
  for (const c of OWNER_COLUMNS) labels[c.key] = c[office.language === "zh-CN" ? "zh" : "en"];
  if (!String(text ?? "").trim())
    return { labels, ok: true, message: "", rows: [], counts: { add: 0, update: 0, rejected: 0 } };
  return { labels, ...describe(office, plan(String(text ?? ""), readOwners(office))) };
}

/** Imports the rows that passed: new units appended, known units updated in place (one write). */
export function importOwners(text: unknown, submissionId: string): ImportReport {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  try {
    return withDocumentLock(30_000, () =>
      savedOnce<ImportReport>("owners", submissionId, () => {
        const table = readOwners(office);
        const planned = plan(String(text ?? ""), table);
        const report = describe(office, planned);
        if (!report.ok) return report;
        const byKey = new Map(table.records.map((o, i) => [unitKey(o.unit), i]));
        const records = [...table.records];
        for (const r of planned.rows) {
          if (r.problem) continue;
          const i = byKey.get(unitKey(r.owner.unit));
          // An update keeps what the list leaves empty.
          if (i !== undefined) {
            const current = records[i];
            if (current)
              records[i] = {
                ...current,
                ...Object.fromEntries(Object.entries(r.owner).filter(([, v]) => v !== "")),
                unit: current.unit,
              };
          } else records.push(r.owner);
        }
        const rows = records.map((o, i) =>
          encodeRow(SCHEMAS.owners, table.map, o, office.codec, table.values[(table.rowNumbers[i] ?? 0) - 1]),
        );
        // Blank rows the office left between owners are closed up; clear what the block used to cover.
        const blank = Array.from({ length: table.map.width }, () => "");
        while (rows.length < table.nextRow - 2) rows.push([...blank]);
        writeRows(table.sheet, SCHEMAS.owners, table.map, 2, rows);
        const done = { ...report, message: office.t("owners.imported", report.counts) };
        return done;
      }),
    );
  } catch (e) {
    if (e instanceof LockBusyError)
      return {
        ok: false,
        message: office.t("error.busy"),
        rows: [],
        counts: { add: 0, update: 0, rejected: 0 },
      };
    return {
      ok: false,
      message: explainError(office, e),
      rows: [],
      counts: { add: 0, update: 0, rejected: 0 },
    };
  }
}
