// Set up / repair the workbook, and the same checks without changes for the health check.
// Each stage's fixes are applied before the next stage looks, so later checks see repairs.
// The checks themselves live in setup/: one file per concern (sheets present, header row,
// column headers, formats and dropdowns, lean grid, triggers, workbook-wide settings).
import type { Language } from "../domain/settings";
import { userLocale, utcOffsetMinutes, withDocumentLock } from "../gas/services";
import { findSheet, readTable } from "../gas/table";
import { languageFromLocale, translator } from "../i18n/messages";
import { SCHEMAS, type SheetId } from "../sheets/schema";
import { readLanguage } from "../sheets/settings";
import { applyAll, type Finding } from "./findings";
import { currentUser } from "./identity";
import { codecFor, loadOffice, type Office } from "./office";
import { checkHighlighting, ruleMaker } from "./rules";
import { checkSeeds } from "./seed";
import { checkFormats, checkValidations } from "./setup/columnFormats";
import { checkHeaders } from "./setup/columnHeaders";
import { checkHeaderRow, type HeaderRowState, rememberedHeaders, rememberHeaders } from "./setup/headerRow";
import { checkGrid } from "./setup/leanGrid";
import { ensureSheet, findRenamedSheets } from "./setup/renamedSheets";
import { type AnySpec, type SheetContext, SheetFacts } from "./setup/sheetContext";
import { checkTriggers } from "./setup/triggerChecks";
import { checkTimeZone, removeBlankStarterSheet } from "./setup/workbookChecks";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  "stats",
] as const;
const specs = (): AnySpec[] => ORDER.map((id) => SCHEMAS[id] as unknown as AnySpec);

/** The office's language: Settings if it says, else the user's locale. */
export function officeLanguage(ss: Spreadsheet): Language {
  const fallback = languageFromLocale(userLocale());
  const probe = codecFor(fallback, 480);
  if (!findSheet(ss, SCHEMAS.settings, probe.t(SCHEMAS.settings.nameKey))) return fallback;
  try {
    return readLanguage(readTable(ss, SCHEMAS.settings, probe).records, fallback);
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
  // Sheet sizes and header rows, read once and shared by the checks until fixes change them.
  const facts = new SheetFacts();
  // Repair checks every row's dropdowns and formats; the health check, which a person waits
  // for, the newest records and the empty rows (setup/columnFormats.ts).
  const ctx: SheetContext = { ss, language, t: translator(language), facts, everyRow: apply };
  const findings: Finding[] = [];
  /** Problems that keep the office's records from being read (missing or headerless sheets). */
  let structural = false;
  /** ...of which some only a person can fix: set-up stops after the sheets' own checks. */
  let stuck = false;
  const stage = (fn: (out: Finding[]) => void, blocking = false) => {
    const out: Finding[] = [];
    fn(out);
    if (apply) for (const f of out) if (!f.info) f.fix?.();
    if (apply && out.some((f) => !f.info && f.fix)) facts.clear();
    if (blocking && out.some((f) => !f.info)) structural = true;
    if (blocking && out.some((f) => f.manual)) stuck = true;
    findings.push(...out);
  };
  const sheets = new Map<SheetId, Sheet>();
  const created = new Set<SheetId>();
  const remembered = rememberedHeaders();
  const headers: Partial<Record<SheetId, string[]>> = {};
  // Non-desk sheets that carry a desk sheet's header: renamed ones, or copies left behind.
  const lookalikes = findRenamedSheets(ss, specs());
  for (const spec of specs()) {
    stage((out) => {
      const found = ensureSheet(ctx, spec, out, apply, lookalikes);
      if (found.created) created.add(spec.id);
      if (found.sheet) sheets.set(spec.id, found.sheet);
    }, true);
    const sheet = sheets.get(spec.id);
    if (!sheet) continue;
    let headerRow = "ok" as HeaderRowState;
    stage((out) => {
      headerRow = checkHeaderRow(ctx, sheet, spec, out, remembered[spec.id]);
    }, true);
    if (headerRow === "ok" || (headerRow === "repairable" && apply))
      stage((out) => {
        headers[spec.id] = checkHeaders(ctx, sheet, spec, out);
      }, true);
    stage((out) => {
      checkGrid(ctx, sheet, spec, out);
      // A sheet created in this run was reported once; its trimming goes with it.
      if (created.has(spec.id)) for (const f of out) f.quiet = true;
    });
  }
  if (apply) rememberHeaders(remembered, headers);
  if (sheets.size < ORDER.length || stuck || (!apply && structural)) return { findings, office: null };

  const zone = ss.getSpreadsheetTimeZone();
  const year = Number(Utilities.formatDate(now, zone, "yyyy"));
  stage((out) =>
    checkSeeds(ss, codecFor(language, utcOffsetMinutes(zone, now)), year, out, created.has("settings")),
  );
  // Set-up may just have written the office's lists: read them afresh (and refresh the cache).
  const office = loadOffice(ss, now, { fresh: true });
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
  stage((out) => checkTriggers(office, currentUser(), out, apply));
  return { findings, office };
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
    const changed = findings.some((f) => !f.info && !f.manual);
    const notes = findings.filter((f) => f.info).map((f) => f.problem);
    const lines = [...done, ...notes];
    if (!changed) lines.push(t("setup.nothing"));
    else lines.push(t("setup.done"));
    return { lines, changed };
  });
}
