// The health check: everything set-up would repair, plus what only a person can fix
// (settings values, emails, next year's holidays) and how the runs are doing.
import { formatLocal } from "../domain/dates";
import { emailProblem } from "../domain/email";
import { remainingEmailQuota } from "../gas/services";
import { readTable } from "../gas/table";
import { type Translate, translator } from "../i18n/messages";
import { type HolidayRow, SCHEMAS } from "../sheets/schema";
import { describeProblem, requiredProblems } from "../sheets/settings";
import { unidentifiedEditors, userLabel } from "./identity";
import type { Office } from "./office";
import { lastSuccess } from "./runs";
import { inspectWorkbook, officeLanguage } from "./setup";
import { CLOCK_HANDLERS } from "./setup/clockTriggers";
import { gridCells } from "./setup/leanGrid";

export interface HealthReport {
  title: string;
  ok: boolean;
  problems: string[];
  /** True when set-up can repair at least one problem. */
  repairable: boolean;
  info: string[];
  labels: { repair: string; close: string; ok: string };
}

const LOW_QUOTA = 10;
/** A spreadsheet holds at most 10 million cells; past that nothing more can be saved. */
const CELL_LIMIT = 10_000_000;
const CELLS_HIGH = 0.6;
const CELLS_CRITICAL = 0.8;

export function checkHealth(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): HealthReport {
  const { findings, office } = inspectWorkbook(ss, now, false);
  const t = office?.t ?? translator(officeLanguage(ss));
  const problems = findings.filter((f) => !f.info).map((f) => f.problem);
  const info = findings.filter((f) => f.info).map((f) => f.problem);
  const repairable = findings.some((f) => !f.info && !f.manual);
  if (office) problems.push(...officeProblems(office));
  const offset = office?.codec.utcOffsetMinutes ?? 480;
  problems.push(...identityProblems(t, offset, now));
  reportCells(ss, t, problems, info);
  const quota = remainingEmailQuota();
  if (quota < LOW_QUOTA) problems.push(t("health.quotaLow", { count: quota }));
  else info.push(t("health.quota", { count: quota }));
  for (const handler of CLOCK_HANDLERS) {
    const at = lastSuccess(handler);
    info.push(
      at
        ? t("health.lastRun", { handler, at: formatLocal(at.getTime(), offset) })
        : t("health.neverRun", { handler }),
    );
  }
  if (!problems.length) info.unshift(t("health.ok"));
  return {
    title: t("health.title"),
    ok: problems.length === 0,
    problems,
    repairable,
    info,
    labels: { repair: t("health.repair"), close: t("intake.close"), ok: t("health.ok") },
  };
}

function officeProblems(office: Office): string[] {
  const { t, settings } = office;
  const out = [...office.problems, ...requiredProblems(settings)].map((p) => describeProblem(t, p));
  /** Strictly, as MailApp takes them: one malformed address would make it throw. */
  const email = (who: string, address: string, required: boolean) => {
    const problem = emailProblem(address);
    if (problem === "empty") {
      if (required) out.push(t("health.missingEmail", { who }));
    } else if (problem)
      out.push(t("health.badEmail", { who, why: t(`email.bad.${problem}`, { email: address }) }));
  };
  for (const d of settings.departments) {
    const sheet = t("sheet.departments");
    email(`${sheet} ${d.name} (${d.head || t("health.head")})`, d.headEmail, true);
    for (const e of d.handlerEmails) email(`${sheet} ${d.name}`, e, false);
  }
  const nextYear = Number(formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes).slice(0, 4)) + 1;
  const holidays = readTable<HolidayRow>(office.ss, SCHEMAS.holidays, office.codec).records;
  const hasNext = holidays.some(
    (h) =>
      h.date && formatLocal(h.date.getTime(), office.codec.utcOffsetMinutes).startsWith(String(nextYear)),
  );
  if (!hasNext) out.push(t("health.noHolidaysNextYear", { year: nextYear }));
  return out;
}

/** Editors seen typing whom the desk could not name: their entries carry a placeholder. */
function identityProblems(t: Translate, offset: number, now: Date): string[] {
  return unidentifiedEditors(now.getTime()).map((u) =>
    t("health.unidentified", {
      label: userLabel({ email: "", known: false, tag: u.tag }, t),
      at: formatLocal(u.at, offset),
      menu: t("menu.title"),
      item: t("menu.identify"),
    }),
  );
}

/** Each sheet's grid and the workbook's share of the 10 M-cell limit; a warning from 60 %. */
function reportCells(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  t: Translate,
  problems: string[],
  info: string[],
) {
  const sheets = gridCells(ss);
  const n = (x: number) => x.toLocaleString("en-US");
  for (const s of sheets)
    info.push(
      t("health.sheetCells", { sheet: s.name, rows: n(s.rows), columns: n(s.columns), cells: n(s.cells) }),
    );
  const total = sheets.reduce((sum, s) => sum + s.cells, 0);
  const share = total / CELL_LIMIT;
  const params = { cells: n(total), share: `${(share * 100).toFixed(1)}%` };
  if (share >= CELLS_CRITICAL) problems.push(t("health.cellShareCritical", params));
  else if (share >= CELLS_HIGH) problems.push(t("health.cellShareHigh", params));
  else info.push(t("health.cellShare", params));
}
