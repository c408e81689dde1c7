// What a workbook holds, sheet by sheet: its grid (every cell counts against Google's 10 M per
// spreadsheet) and the part of it in use (up to the last row and column holding anything).
import type { Runtime } from "../../local/emu/runtime";

export interface SheetCells {
  sheet: string;
  grid: number;
  used: number;
  /** Data rows below the header. */
  rows: number;
}

export interface WorkbookCells {
  sheets: SheetCells[];
  grid: number;
  used: number;
  limit: number;
}

export function workbookCells(rt: Runtime): WorkbookCells {
  return rt.meter.quietly(() => {
    const sheets = rt.sheets.spreadsheet.getSheets().map((s) => {
      const last = s.getLastRow();
      return {
        sheet: s.getName(),
        grid: s.getMaxRows() * s.getMaxColumns(),
        used: last * s.getLastColumn(),
        rows: Math.max(0, last - 1),
      };
    });
    const { total, limit } = rt.sheets.gridCells();
    return { sheets, grid: total, used: sheets.reduce((n, s) => n + s.used, 0), limit };
  });
}

/** Data rows of one sheet by name (0 when it does not exist). */
export function rowsOf(cells: WorkbookCells, sheet: string): number {
  return cells.sheets.find((s) => s.sheet === sheet)?.rows ?? 0;
}
