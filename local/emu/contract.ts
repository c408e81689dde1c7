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
  toasts: Toast[];
  /** Names of the sheets whose ranges scripts read or wrote since the last clear(). */
  touched: Set<string>;
  /** Writes the workbook as .xlsx (values, formats, validations, frozen rows, highlighting, notes). */
  saveXlsx(path: string): Promise<void>;
}
