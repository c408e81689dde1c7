// Turning failures into messages an assistant can act on: the one place every toast, dialog
// and menu run explains a missing sheet or column, in the office's language, with the fix.
import { LockBusyError, userLocale } from "../gas/services";
import { MissingColumnsError, MissingSheetError } from "../gas/table";
import { allLabels, languageFromLocale, type Translate, translator } from "../i18n/messages";
import { SCHEMAS, type SheetSpec } from "../sheets/schema";
import { officeLanguage } from "./setup";
import { findRenamedSheets } from "./setup/renamedSheets";

/**
 * `office` may be null when the failure came while loading the office itself (e.g. the
 * Settings sheet is gone): the language is then the office's as far as the workbook still
 * tells, else the person's.
 */
export function explainError(office: { t: Translate } | null | undefined, e: unknown): string {
  const t = office?.t ?? fallbackTranslator();
  if (e instanceof MissingSheetError) {
    const sheet = e.sheetNames[0] ?? "";
    const found = renamedTo(e.sheetNames);
    return found
      ? t("error.sheetRenamed", { sheet, found, menu: t("menu.title"), setup: t("menu.setup") })
      : t("error.noSheet", { sheet });
  }
  if (e instanceof MissingColumnsError)
    return t("error.missingColumns", { sheet: e.sheetName, columns: e.columns.join(", ") });
  if (e instanceof LockBusyError) return t("error.busy");
  return messageOf(e);
}

/** The sheet someone renamed, recognised by its header row, if the missing one was renamed. */
function renamedTo(names: readonly string[]): string | null {
  const spec = (Object.values(SCHEMAS) as unknown as SheetSpec<unknown>[]).find((s) =>
    allLabels(s.nameKey).some((label) => names.includes(label)),
  );
  if (!spec) return null;
  try {
    return findRenamedSheets(SpreadsheetApp.getActive(), [spec]).get(spec.id)?.getName() ?? null;
  } catch {
    return null;
  }
}

function fallbackTranslator(): Translate {
  try {
    return translator(officeLanguage(SpreadsheetApp.getActive()));
  } catch {
    return translator(languageFromLocale(userLocale()));
  }
}

/** An error's message, whichever realm or service threw it. */
export function messageOf(e: unknown): string {
  return typeof e === "object" && e !== null && "message" in e
    ? String((e as { message: unknown }).message)
    : String(e);
}
