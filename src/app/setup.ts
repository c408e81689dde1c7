// Set up / repair the workbook, and the same checks without changes for the health check.
// Each stage's fixes are applied before the next stage looks, so later checks see repairs.
import type { Language } from "../domain/settings";
import {
  dedupeTriggers,
  ensureClockTrigger,
  triggerCounts,
  userLocale,
  utcOffsetMinutes,
  withDocumentLock,
} from "../gas/services";
import { findSheet, readTable } from "../gas/table";
import { languageFromLocale, translator } from "../i18n/messages";
import { SCHEMAS, type SheetSpec } from "../sheets/schema";
import { applyAll, type Finding } from "./findings";
import { codecFor, loadOffice, type Office } from "./office";
import { checkHighlighting, ruleMaker } from "./rules";
import { checkSeeds } from "./seed";
import { checkFormats, checkHeaders, checkValidations, ensureSheet, type SheetContext } from "./sheetChecks";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CLOCK_HANDLERS = ["runReminders", "runDailyDigest"] as const;

const ORDER = [
  "settings",
  "departments",
  "categories",
  "holidays",
  "complaints",
  "callbacks",
  "owners",
  "log",
  "sent",
] as const;
const specs = (): SheetSpec<unknown>[] => ORDER.map((id) => SCHEMAS[id] as unknown as SheetSpec<unknown>);

/** The office's language: Settings if it says, else the user's locale. */
export function officeLanguage(ss: Spreadsheet): Language {
  const fallback = languageFromLocale(userLocale());
  const probe = codecFor(fallback, 480);
  if (!findSheet(ss, SCHEMAS.settings, probe.t(SCHEMAS.settings.nameKey))) return fallback;
  try {
    const rows = readTable(ss, SCHEMAS.settings, probe).records;
    const value = rows.find((r) => r.key.trim() === "office.language")?.value.trim();
    return value === "en" || value === "zh-CN" ? value : fallback;
  } catch {
    return fallback;
  }
}

export interface Inspection {
  findings: Finding[];
  /** Loaded when every sheet the office needs could be read. */
  office: Office | null;
}

export function inspectWorkbook(ss: Spreadsheet, now: Date, apply: boolean): Inspection {
  const language = officeLanguage(ss);
  const ctx: SheetContext = { ss, language, t: translator(language) };
  const findings: Finding[] = [];
  const stage = (fn: (out: Finding[]) => void) => {
    const out: Finding[] = [];
    fn(out);
    if (apply) for (const f of out) if (!f.info) f.fix?.();
    findings.push(...out);
  };
  const sheets = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  const created = new Set<string>();
  for (const spec of specs())
    stage((out) => {
      const sheet = ensureSheet(ctx, spec, out, apply);
      if (out.length) created.add(spec.id);
      if (!sheet) return;
      sheets.set(spec.id, sheet);
      checkHeaders(ctx, sheet, spec, out);
    });
  if (sheets.size < ORDER.length || (!apply && findings.some((f) => !f.info)))
    return { findings, office: null };

  const zone = ss.getSpreadsheetTimeZone();
  const year = Number(Utilities.formatDate(now, zone, "yyyy"));
  stage((out) =>
    checkSeeds(ss, codecFor(language, utcOffsetMinutes(zone, now)), year, out, created.has("settings")),
  );
  const office = loadOffice(ss, now);
  const ruleFor = ruleMaker(ctx, office.settings.pauseKinds);
  for (const spec of specs())
    stage((out) => {
      const sheet = sheets.get(spec.id);
      if (!sheet) return;
      checkFormats(ctx, sheet, spec, out);
      checkValidations(ctx, sheet, spec, ruleFor, out);
      // A sheet created in this run was reported once; its formats and dropdowns go with it.
      if (created.has(spec.id)) for (const f of out) f.quiet = true;
    });
  for (const which of ["complaints", "callbacks"] as const)
    stage((out) => {
      const sheet = sheets.get(which);
      if (sheet) checkHighlighting(ctx, sheet, which, out);
      if (created.has(which)) for (const f of out) f.quiet = true;
    });
  if (apply) stage((out) => removeBlankStarterSheet(ss, office, out));
  stage((out) => checkTimeZone(ss, office, out));
  stage((out) => checkTriggers(office, out));
  return { findings, office };
}

/** A new workbook's empty "Sheet1" only gets in the way once the desk's sheets exist. */
function removeBlankStarterSheet(ss: Spreadsheet, office: Office, out: Finding[]) {
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

function checkTimeZone(ss: Spreadsheet, office: Office, out: Finding[]) {
  const found = ss.getSpreadsheetTimeZone();
  const expected = office.settings.timeZone;
  if (!expected || found === expected) return;
  out.push({
    problem: office.t("health.timeZoneMismatch", { found, expected }),
    done: office.t("setup.timeZone", { found, expected }),
    fix: () => ss.setSpreadsheetTimeZone(expected),
  });
}

function checkTriggers(office: Office, out: Finding[]) {
  const counts = triggerCounts();
  const { t, settings } = office;
  for (const handler of CLOCK_HANDLERS) {
    const n = counts.get(handler) ?? 0;
    if (n === 1) continue;
    if (n > 1) {
      out.push({
        problem: t("health.duplicateTrigger", { handler, count: n }),
        done: t("setup.dedupedTrigger", { handler, count: n - 1 }),
        fix: () => dedupeTriggers(handler),
      });
      continue;
    }
    out.push({
      problem: t("health.missingTrigger", { handler }),
      done: t("setup.trigger", { handler }),
      fix: () =>
        ensureClockTrigger(handler, (b) =>
          handler === "runReminders"
            ? b.everyHours(1)
            : b
                .atHour(settings.digestHour)
                .everyDays(1)
                .inTimezone(settings.timeZone || "Asia/Shanghai"),
        ),
    });
  }
}

export interface SetupReport {
  lines: string[];
  changed: boolean;
}

export function setUpWorkbook(ss: Spreadsheet, now: Date): SetupReport {
  return withDocumentLock(30_000, () => {
    const { findings, office } = inspectWorkbook(ss, now, true);
    const t = office?.t ?? translator(officeLanguage(ss));
    const done = applyAll(findings.map((f) => ({ ...f, fix: undefined })));
    const changed = findings.some((f) => !f.info);
    const notes = findings.filter((f) => f.info).map((f) => f.problem);
    const lines = [...done, ...notes];
    if (!changed) lines.push(t("setup.nothing"));
    else lines.push(t("setup.done"));
    return { lines, changed };
  });
}
