// Set up / repair the workbook, and the same checks without changes for the health check.
// Each stage's fixes are applied before the next stage looks, so later checks see repairs.
import { formatLocal } from "../domain/dates";
import type { Language } from "../domain/settings";
import { readDocumentJson, writeDocumentJson } from "../gas/identity";
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
import { SCHEMAS, type SheetId, type SheetSpec } from "../sheets/schema";
import { readLanguage } from "../sheets/settings";
import { applyAll, type Finding } from "./findings";
import { type CurrentUser, currentUser } from "./identity";
import { codecFor, loadOffice, type Office } from "./office";
import { checkHighlighting, ruleMaker } from "./rules";
import { lastSuccess } from "./runs";
import { checkSeeds } from "./seed";
import {
  checkFormats,
  checkGrid,
  checkHeaderRow,
  checkHeaders,
  checkTypingRoom,
  checkValidations,
  ensureSheet,
  findRenamedSheets,
  type HeaderRowState,
  type SheetContext,
} from "./sheetChecks";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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

/** Each sheet's header row as set-up last left it: put back in the office's order if the row is deleted. */
const HEADERS_KEY = "desk.headers";

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
  const ctx: SheetContext = { ss, language, t: translator(language) };
  const findings: Finding[] = [];
  /** Problems that keep the office's records from being read (missing or headerless sheets). */
  let structural = false;
  /** ...of which some only a person can fix: set-up stops after the sheets' own checks. */
  let stuck = false;
  const stage = (fn: (out: Finding[]) => void, blocking = false) => {
    const out: Finding[] = [];
    fn(out);
    if (apply) for (const f of out) if (!f.info) f.fix?.();
    if (blocking && out.some((f) => !f.info)) structural = true;
    if (blocking && out.some((f) => f.manual)) stuck = true;
    findings.push(...out);
  };
  const sheets = new Map<SheetId, Sheet>();
  const created = new Set<SheetId>();
  const remembered = readDocumentJson<Partial<Record<SheetId, string[]>>>(HEADERS_KEY, {});
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
  stage((out) => checkTriggers(office, currentUser(), out, apply));
  return { findings, office };
}

/** One property write, only when a header row changed since it was last remembered. */
function rememberHeaders(
  before: Partial<Record<SheetId, string[]>>,
  now: Partial<Record<SheetId, string[]>>,
) {
  const merged = { ...before, ...now };
  if (JSON.stringify(merged) !== JSON.stringify(before)) writeDocumentJson(HEADERS_KEY, merged);
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

/** The spreadsheet follows the office's zone; a zone Settings names wrongly is reported, never copied. */
function checkTimeZone(ss: Spreadsheet, office: Office, out: Finding[]) {
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

/**
 * Whose triggers run the desk. Installable triggers belong to the account that made them and
 * are invisible to every other: only that account may repair them, or a second set would run.
 */
interface TriggerOwner {
  email: string;
  /** When they were installed (ms). */
  at: number;
  /** The hour and zone the digest trigger was installed for (a trigger cannot be asked). */
  digestHour: number;
  zone: string;
}

const OWNER_KEY = "desk.triggers";
/** An owner's triggers silent this long count as gone: another account may then take over. */
const OWNER_SILENT_MS = 24 * 3_600_000;
/** Without a record, a run this recent means someone else's triggers are running the desk. */
const RECENT_RUN_MS = 2 * 3_600_000;

const sameAccount = (a: string, b: string) => !!a && a.toLowerCase() === b.toLowerCase();
const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;

function checkTriggers(office: Office, me: CurrentUser, out: Finding[], apply: boolean) {
  const { t, now, codec } = office;
  const owner = readDocumentJson<TriggerOwner | null>(OWNER_KEY, null);
  const counts = triggerCounts();
  const mineCount = CLOCK_HANDLERS.reduce((n, h) => n + (counts.get(h) ?? 0), 0);
  const lastRun = lastSuccess("runReminders")?.getTime() ?? 0;
  const when = (ms: number) => formatLocal(ms, codec.utcOffsetMinutes);
  const claim = () => writeOwner(office, me);

  if (owner && !sameAccount(owner.email, me.email)) {
    const heard = Math.max(lastRun, owner.at);
    if (now.getTime() - heard > OWNER_SILENT_MS) {
      // The owner's triggers are gone (or the account is): this account may run the desk instead.
      out.push({
        problem: t("health.triggersOfStale", {
          owner: owner.email,
          handler: "runReminders",
          at: when(heard),
        }),
        done: t("setup.tookOverTriggers", { previous: owner.email, at: when(heard), owner: me.email }),
        fix: claim,
      });
      ownerChecks(office, me, counts, null, out);
      return;
    }
    out.push({
      info: true,
      problem: t("health.triggersOf", { owner: owner.email, at: when(owner.at) }),
      done: "",
    });
    for (const handler of CLOCK_HANDLERS)
      if (counts.get(handler))
        out.push({
          problem: t("health.ownTriggersExtra", { handler, owner: owner.email }),
          done: t("setup.removedOwnTriggers", { handler, owner: owner.email }),
          fix: () => removeTriggers(handler),
        });
    return;
  }
  if (!owner && !mineCount && lastRun && now.getTime() - lastRun < RECENT_RUN_MS) {
    const text = t("health.triggersUnrecorded", { handler: "runReminders", at: when(lastRun) });
    out.push({ manual: true, problem: text, done: text });
    return;
  }
  // Triggers this account installed before the desk recorded owners: taken as installed at the
  // digest hour Settings has now (set-up always used it). Recording them changes no cell.
  if (!owner && mineCount && apply) claim();
  ownerChecks(office, me, counts, owner, out);
}

function writeOwner(office: Office, me: CurrentUser) {
  const record: TriggerOwner = {
    email: me.email,
    at: office.now.getTime(),
    digestHour: office.settings.digestHour,
    zone: office.settings.timeZone,
  };
  writeDocumentJson(OWNER_KEY, record);
}

/** The owner's own view: each handler installed once, the digest at Settings' hour. */
function ownerChecks(
  office: Office,
  me: CurrentUser,
  counts: Map<string, number>,
  owner: TriggerOwner | null,
  out: Finding[],
) {
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
      fix: () => {
        ensureClockTrigger(handler, (b) => buildClock(handler, b, office));
        writeOwner(office, me);
      },
    });
  }
  if (owner && (counts.get("runDailyDigest") ?? 0) >= 1) {
    const stale = owner.digestHour !== settings.digestHour || owner.zone !== settings.timeZone;
    if (stale) out.push(digestHourFinding(office, me, owner));
  }
}

function buildClock(
  handler: string,
  b: GoogleAppsScript.Script.ClockTriggerBuilder,
  office: Office,
): GoogleAppsScript.Script.ClockTriggerBuilder {
  const { settings } = office;
  return handler === "runReminders"
    ? b.everyHours(1)
    : b.atHour(settings.digestHour).everyDays(1).inTimezone(settings.timeZone);
}

function digestHourFinding(office: Office, me: CurrentUser, owner: TriggerOwner): Finding {
  const { t, settings } = office;
  const expected = hourText(settings.digestHour);
  return {
    problem: t("health.digestHour", { found: `${hourText(owner.digestHour)} (${owner.zone})`, expected }),
    done: t("setup.digestHour", { expected, zone: settings.timeZone }),
    fix: () => {
      removeTriggers("runDailyDigest");
      ensureClockTrigger("runDailyDigest", (b) => buildClock("runDailyDigest", b, office));
      writeOwner(office, me);
    },
  };
}

/**
 * Upkeep the hourly run can do between repairs (it runs as the triggers' owner; call it under
 * the document lock): the digest trigger follows a changed digest.hour (or zone), and the
 * sheets people type into get their empty rows back. Returns what it did.
 */
export function hourlyUpkeep(office: Office): string[] {
  const done: Finding[] = [];
  const me = currentUser();
  const owner = readDocumentJson<TriggerOwner | null>(OWNER_KEY, null);
  const { settings } = office;
  if (owner && sameAccount(owner.email, me.email))
    if (owner.digestHour !== settings.digestHour || owner.zone !== settings.timeZone)
      done.push(digestHourFinding(office, me, owner));
  const ctx: SheetContext = { ss: office.ss, language: office.language, t: office.t };
  for (const id of ["complaints", "callbacks"] as const) {
    const spec = SCHEMAS[id] as unknown as SheetSpec<unknown>;
    const sheet = findSheet(office.ss, spec, office.t(spec.nameKey));
    if (sheet) checkTypingRoom(ctx, sheet, spec, done);
  }
  return applyAll(done);
}

/** Removes every trigger of this account for the handler (ScriptApp sees only one's own). */
function removeTriggers(handler: string) {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === handler) ScriptApp.deleteTrigger(trigger);
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
