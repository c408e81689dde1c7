// Lean sheets: every cell of every sheet counts against the spreadsheet's 10 M-cell limit, so
// set-up trims empty rows and columns past what each sheet needs, and gives the sheets people
// type into their empty rows back when they run short.
import type { SheetId } from "../../sheets/schema";
import type { Finding } from "../findings";
import { type AnySpec, factsOf, type SheetContext } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Empty rows each sheet keeps below its last record: room to type into on the sheets people
 * type into, one spare row on those only the desk appends to (it adds rows as it writes).
 */
const HEADROOM: Record<SheetId, number> = {
  complaints: 200,
  callbacks: 200,
  owners: 100,
  settings: 20,
  categories: 30,
  departments: 20,
  holidays: 30,
  log: 1,
  sent: 1,
  stats: 1,
};

/**
 * Lean grid (every cell counts against the 10 M-cell limit): no empty columns past the
 * schema's width (or the office's last filled column), no more empty rows than the headroom;
 * and a typed sheet that ran short of empty rows gets its headroom back.
 */
export function checkGrid(ctx: SheetContext, sheet: Sheet, spec: AnySpec, findings: Finding[]) {
  const headroom = HEADROOM[spec.id];
  const name = sheet.getName();
  const facts = factsOf(ctx);
  const maxRows = facts.maxRows(sheet);
  const maxColumns = facts.maxColumns(sheet);
  const lastRow = Math.max(1, facts.lastRow(sheet));
  const keepColumns = Math.max(facts.lastColumn(sheet), spec.columns.length);
  const keepRows = lastRow + headroom;
  const extraColumns = Math.max(0, maxColumns - keepColumns);
  // A little slack, so that the rows typed since the last repair do not make every repair trim.
  const extraRows = maxRows - keepRows > Math.max(headroom, 10) ? maxRows - keepRows : 0;
  if (extraColumns || extraRows) {
    const counts = {
      sheet: name,
      columns: extraColumns,
      rows: extraRows,
      cells: (extraColumns * maxRows + extraRows * (maxColumns - extraColumns)).toLocaleString("en-US"),
    };
    findings.push({
      problem: ctx.t("health.excessGrid", counts),
      done: ctx.t("setup.trimmed", counts),
      // Bounds re-read under the set-up's lock: only cells past the last value are removed.
      fix: () => {
        const columns = Math.max(sheet.getLastColumn(), spec.columns.length);
        if (sheet.getMaxColumns() > columns)
          sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
        const rows = Math.max(1, sheet.getLastRow()) + headroom;
        if (extraRows && sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
      },
    });
  }
  typingRoom(ctx, sheet, spec, maxRows, lastRow, findings);
}

/** A sheet people type into keeps at least a quarter of its headroom as empty rows. */
function typingRoom(
  ctx: SheetContext,
  sheet: Sheet,
  spec: AnySpec,
  maxRows: number,
  lastRow: number,
  findings: Finding[],
) {
  const headroom = HEADROOM[spec.id];
  const emptyRows = maxRows - lastRow;
  if (headroom < 50 || emptyRows >= headroom / 4) return;
  const name = sheet.getName();
  findings.push({
    problem: ctx.t("health.fewRows", { sheet: name, count: emptyRows }),
    done: ctx.t("setup.addedRows", { sheet: name, count: lastRow + headroom - maxRows }),
    fix: () => {
      // New rows at the bottom take the last row's formats and dropdowns, as on Google.
      const short = Math.max(1, sheet.getLastRow()) + headroom - sheet.getMaxRows();
      if (short > 0) sheet.insertRowsAfter(sheet.getMaxRows(), short);
    },
  });
}

/** Only the typing room (four calls): for a run that keeps typed sheets usable between repairs. */
export function checkTypingRoom(ctx: SheetContext, sheet: Sheet, spec: AnySpec, findings: Finding[]) {
  typingRoom(ctx, sheet, spec, sheet.getMaxRows(), Math.max(1, sheet.getLastRow()), findings);
}

export interface SheetCells {
  name: string;
  rows: number;
  columns: number;
  cells: number;
}

/** Every sheet's grid (the 10 M-cell limit counts all of them, the desk's or not). */
export function gridCells(ss: Spreadsheet): SheetCells[] {
  return ss.getSheets().map((sheet) => {
    const rows = sheet.getMaxRows();
    const columns = sheet.getMaxColumns();
    return { name: sheet.getName(), rows, columns, cells: rows * columns };
  });
}
