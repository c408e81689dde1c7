// What the emulated Spreadsheet service offers the rest of the local runtime.

export interface UserEditResult {
  /** False when a strict data validation rejected the typing (the cell keeps its old value). */
  accepted: boolean;
  rejection?: string;
  range: GoogleAppsScript.Spreadsheet.Range;
  /** Single-cell edits only, as in Apps Script's edit event. */
  value?: unknown;
  oldValue?: unknown;
}

export interface GridCells {
  sheets: Record<string, number>;
  total: number;
  limit: number;
}

export interface Toast {
  message: string;
  title: string;
  at: number;
}

export interface SpreadsheetHandle {
  /** The global `SpreadsheetApp`. */
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** The workbook the script is bound to. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /**
   * A person typing or pasting into the sheet: strings are parsed as typed (unless the cell
   * is plain text "@"), strict validations refuse invalid entries. Not counted as script calls.
   */
  userEdit(sheetName: string, a1: string, input: string | unknown[][]): UserEditResult;
  /** A person selecting a range (what getActiveRange / getActiveSheet return). */
  select(sheetName: string, a1: string): void;
  /** A person deleting or renaming a sheet. */
  userDeleteSheet(sheetName: string): void;
  userRenameSheet(from: string, to: string): void;
  /**
   * A person sorting the sheet by a column (1-based), as Data → Sort sheet does: the rows below
   * the frozen rows move whole (values, formats, notes, validations), blanks last.
   */
  userSort(sheetName: string, column: number, ascending?: boolean): void;
  /** A person inserting `count` rows above row `row` (they take the formats of the row above). */
  userInsertRows(sheetName: string, row: number, count: number): void;
  userDeleteRows(sheetName: string, row: number, count: number): void;
  /** A person inserting `count` columns left of column `column` (they take the formats of the column to the left). */
  userInsertColumns(sheetName: string, column: number, count: number): void;
  userDeleteColumns(sheetName: string, column: number, count: number): void;
  /** Grid cells (max rows × max columns) per sheet and in all; the workbook may hold 10 million. */
  gridCells(): GridCells;
  toasts: Toast[];
  /** Names of the sheets whose ranges scripts read or wrote since the last clear(). */
  touched: Set<string>;
  /** Writes the workbook as .xlsx (values, formats, validations, frozen rows, highlighting, notes). */
  saveXlsx(path: string): Promise<void>;
}
