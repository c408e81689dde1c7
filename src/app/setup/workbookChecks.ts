// Workbook-wide settings set-up keeps in line: the spreadsheet's time zone follows the
// office's, and a new workbook's empty starter sheet goes once the desk's sheets exist.
import type { Finding } from "../findings";
import type { Office } from "../office";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A new workbook's empty "Sheet1" only gets in the way once the desk's sheets exist. */
export function removeBlankStarterSheet(ss: Spreadsheet, office: Office, out: Finding[]) {
  for (const name of ["Sheet1", "工作表1"]) {
    const sheet = ss.getSheetByName(name);
    if (!sheet || ss.getSheets().length < 2 || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) continue;
    out.push({
      problem: "",
      done: office.t("setup.removedBlank", { sheet: name }),
      fix: () => ss.deleteSheet(sheet),
    });
  }
}

/** The spreadsheet follows the office's zone; a zone Settings names wrongly is reported, never copied. */
export function checkTimeZone(ss: Spreadsheet, office: Office, out: Finding[]) {
  if (office.problems.some((p) => p.where === "office.timeZone")) return;
  const found = ss.getSpreadsheetTimeZone();
  const expected = office.settings.timeZone;
  if (!expected || found === expected) return;
  out.push({
    problem: office.t("health.timeZoneMismatch", { found, expected }),
    done: office.t("setup.timeZone", { found, expected }),
    fix: () => ss.setSpreadsheetTimeZone(expected),
  });
}
