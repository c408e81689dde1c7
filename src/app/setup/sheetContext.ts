// What every check of one sheet is given: the workbook, and the office's language and texts.
import type { Language } from "../../domain/settings";
import type { Translate } from "../../i18n/messages";
import type { SheetSpec } from "../../sheets/schema";

export interface SheetContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  language: Language;
  t: Translate;
}

/** A sheet's schema whatever its record type: the checks read only its columns and names. */
export type AnySpec = SheetSpec<unknown>;
