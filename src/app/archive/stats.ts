// The Stats sheet: one row per archived complaint with the figures it closed with, written
// under the document lock before the complaint's rows leave the workbook. It is also the
// archive's index: a complaint is archived when it has a Stats row, in the file that row names.
import type { FrozenFigures } from "../../domain/archive";
import { appendRecords } from "../../gas/append";
import { readHeaderMap } from "../../gas/patch";
import { findSheet } from "../../gas/table";
import { headerFor, SCHEMAS } from "../../sheets/schema";
import type { Office } from "../office";
import { writeHeader } from "../setup/headerRow";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const spec = SCHEMAS.stats;

export function findStats(office: Office): Sheet | null {
  return findSheet(office.ss, spec, office.t(spec.nameKey));
}

/** The Stats sheet, made the first time a complaint is archived: its header, frozen, and no spare grid. */
export function ensureStats(office: Office): Sheet {
  const found = findStats(office);
  if (found) return found;
  const sheet = office.ss.insertSheet(office.t(spec.nameKey));
  writeHeader(
    sheet,
    spec.columns.map((c) => headerFor(c, office.language)),
  );
  sheet.setFrozenRows(1);
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  // Every cell counts against the workbook's 10 million: a new sheet's 1,000 × 26 grid is trimmed.
  const columns = sheet.getMaxColumns();
  if (columns > spec.columns.length)
    sheet.deleteColumns(spec.columns.length + 1, columns - spec.columns.length);
  const rows = sheet.getMaxRows();
  if (rows > 2) sheet.deleteRows(3, rows - 2);
  return sheet;
}

export interface StatsIndex {
  /** Row of each archived complaint's Stats row. */
  rows: Map<string, number>;
  /** The archive file each one names. */
  files: Map<string, string>;
}

/** Which complaints have a Stats row, where, and naming which file. */
export function statsIndex(sheet: Sheet | null): StatsIndex {
  const out: StatsIndex = { rows: new Map(), files: new Map() };
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return out;
  const map = readHeaderMap(sheet, spec.columns);
  const column = (key: string) => {
    const col = map.index.get(key);
    return col === undefined
      ? []
      : sheet
          .getRange(2, col + 1, last - 1, 1)
          .getValues()
          .map(([v]) => String(v ?? "").trim());
  };
  const files = column("archiveFile");
  column("id").forEach((id, i) => {
    if (!id) return;
    out.rows.set(id, i + 2);
    out.files.set(id, files[i] ?? "");
  });
  return out;
}

export function appendStats(office: Office, sheet: Sheet, figures: readonly FrozenFigures[]): void {
  appendRecords(sheet, spec, office.codec, figures);
}
