// The Owners sheet: flagging units that are not in it (with the registry's spelling when
// the numbers match), and importing a pasted list or CSV with a preview of refused rows.

import { parseTable } from "../domain/csv";
import { type ImportPlan, type Owner, ownerChanges, planImport } from "../domain/owners";
import { checkUnit, type UnitRegistry, unitPattern, unitRegistry } from "../domain/units";
import { appendRecords } from "../gas/append";
import { patchRows, type RowPatch, readHeaderMap } from "../gas/patch";
import { LockBusyError, savedOnce, withDocumentLock } from "../gas/services";
import { findSheet, readTable, type Table } from "../gas/table";
import { choiceCode, headerNames } from "../sheets/codec";
import { headerFor, OWNER_COLUMNS, SCHEMAS } from "../sheets/schema";
import { explainError } from "./errors";
import { recordsWhere } from "./lookup";
import { loadOffice, type Office } from "./office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function readOwners(office: Office): Table<Owner> {
  return readTable<Owner>(office.ss, SCHEMAS.owners, office.codec, ["unit"]);
}

/** Units checked at once in one search of the registry. */
const UNITS_PER_SEARCH = 40;

/**
 * The part of the registry these units need: the owners whose unit has the same numbers,
 * found on Google's side, so checking a unit does not read the whole Owners sheet. Null
 * while the office keeps no owner list (no sheet, or no unit in it).
 */
export function ownerRegistry(office: Office, units: readonly string[]): UnitRegistry | null {
  const sheet = findSheet(office.ss, SCHEMAS.owners, office.t(SCHEMAS.owners.nameKey));
  if (!sheet) return null;
  const wanted = [...new Set(units.map((u) => u.trim()).filter(Boolean))];
  const found: string[] = [];
  for (let i = 0; i < wanted.length; i += UNITS_PER_SEARCH) {
    const text = wanted
      .slice(i, i + UNITS_PER_SEARCH)
      .map((u) => `(?:${unitPattern(u)})`)
      .join("|");
    found.push(
      ...recordsWhere<Owner>(office, SCHEMAS.owners, "unit", { text, regex: true, entire: true }).records.map(
        (o) => o.unit,
      ),
    );
  }
  if (found.length) return unitRegistry(found);
  return hasAnyUnit(sheet) ? unitRegistry([]) : null;
}

/** Whether any owner row has a unit: the first match is enough. */
function hasAnyUnit(sheet: Sheet): boolean {
  const col = readHeaderMap(sheet, OWNER_COLUMNS).index.get("unit");
  const last = sheet.getLastRow();
  if (col === undefined || last < 2) return false;
  return (
    sheet
      .getRange(2, col + 1, last - 1, 1)
      .createTextFinder("\\S")
      .useRegularExpression(true)
      .findNext() !== null
  );
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
  if (unitColumn === undefined || !rows.length) return [];
  const registry = ownerRegistry(
    office,
    rows.map((r) => r.unit),
  );
  if (!registry) return [];
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
  counts: ImportCounts;
}

export interface ImportCounts {
  add: number;
  update: number;
  /** Units already in the registry with nothing to change. */
  same: number;
  rejected: number;
}

const noCounts = (): ImportCounts => ({ add: 0, update: 0, same: 0, rejected: 0 });

const headerLookup = (header: string): keyof Owner | null => {
  const wanted = header.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
  const column = OWNER_COLUMNS.find((c) => headerNames(c).includes(wanted));
  return (column?.key as keyof Owner | undefined) ?? null;
};

const columnName = (office: Office, key: string) => {
  const column = OWNER_COLUMNS.find((c) => c.key === key);
  return column ? headerFor(column, office.language) : key;
};

/** The preview's rows and counts: what each line of the list will do, in the office's words. */
function describe(office: Office, plan: ImportPlan): ImportReport {
  const { t } = office;
  const counts = noCounts();
  if (plan.missingColumns.length) return { ok: false, message: t("owners.missingColumns"), rows: [], counts };
  const rows = plan.rows.map((r) => {
    let action = "";
    if (r.problem) counts.rejected += 1;
    else if (!r.updates) {
      counts.add += 1;
      action = t("owners.action.add");
    } else if (r.changes.length) {
      counts.update += 1;
      action = t("owners.action.updateCells", {
        columns: r.changes.map((k) => columnName(office, k)).join("、"),
      });
    } else {
      counts.same += 1;
      action = t("owners.action.same");
    }
    return {
      line: r.line,
      unit: r.owner.unit,
      names: r.owner.names,
      phones: r.owner.phones,
      action,
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
  return { ok: true, message: t("owners.plan", { ...counts }), rows, counts };
}

function plan(text: string, table: Table<Owner>): ImportPlan {
  return planImport(
    parseTable(text),
    table.records,
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
  for (const c of OWNER_COLUMNS) labels[c.key] = headerFor(c, office.language);
  if (!String(text ?? "").trim()) return { labels, ok: true, message: "", rows: [], counts: noCounts() };
  return { labels, ...describe(office, plan(String(text ?? ""), readOwners(office))) };
}

/**
 * Imports the rows that passed: new units are appended after the last used row, known units
 * get only the cells the list changes, addressed by row and checked to still hold that unit.
 * Nothing else in the registry is touched: owners the list does not name, rows without a unit
 * (an owner whose unit is not known yet), columns the office added. The answer lists only the
 * refused rows; a repeat of the same submission gets its counts back.
 */
export function importOwners(text: unknown, submissionId: string): ImportReport {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  try {
    return withDocumentLock(30_000, () =>
      savedOnce<ImportReport>(
        "owners",
        submissionId,
        () => {
          const table = readOwners(office);
          const planned = plan(String(text ?? ""), table);
          const report = describe(office, planned);
          if (!report.ok) return report;
          const patches: RowPatch<Owner>[] = [];
          const fresh: Owner[] = [];
          for (const r of planned.rows) {
            if (r.problem) continue;
            const current = r.target === undefined ? undefined : table.records[r.target];
            const row = r.target === undefined ? undefined : table.rowNumbers[r.target];
            if (!current || row === undefined) fresh.push(r.owner);
            else if (r.changes.length)
              patches.push({ row, expect: { unit: current.unit }, set: ownerChanges(current, r.owner) });
          }
          const outcome = patchRows(table.sheet, SCHEMAS.owners, office.codec, patches);
          appendRecords(table.sheet, SCHEMAS.owners, office.codec, fresh);
          const counts = { ...report.counts, update: report.counts.update - outcome.skipped.length };
          const skipped = outcome.skipped.map((s) => String(patches[s.index]?.expect?.unit ?? ""));
          const message = [
            office.t("owners.done", { ...counts }),
            skipped.length
              ? office.t("owners.skipped", { count: skipped.length, units: skipped.join("、") })
              : "",
          ]
            .filter(Boolean)
            .join("\n");
          return { ok: true, message, counts, rows: report.rows.filter((r) => r.problem) };
        },
        // A double click gets the counts back, not a copy of a 20,000-row list.
        (done) => ({ ...done, rows: done.rows.slice(0, 50) }),
      ),
    );
  } catch (e) {
    const message = e instanceof LockBusyError ? office.t("error.busy") : explainError(office, e);
    return { ok: false, message, rows: [], counts: noCounts() };
  }
}
