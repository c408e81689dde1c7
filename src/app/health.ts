// The health check: everything set-up would repair, plus what only a person can fix
// (settings values, emails, next year's holidays) and how the runs are doing.
import { formatLocal } from "../domain/dates";
import { isEmail } from "../domain/escalation";
import { remainingEmailQuota } from "../gas/services";
import { readTable } from "../gas/table";
import { translator } from "../i18n/messages";
import { type HolidayRow, SCHEMAS } from "../sheets/schema";
import type { Office } from "./office";
import { lastSuccess } from "./runs";
import { CLOCK_HANDLERS, inspectWorkbook, officeLanguage } from "./setup";

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

export function checkHealth(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date): HealthReport {
  const { findings, office } = inspectWorkbook(ss, now, false);
  const t = office?.t ?? translator(officeLanguage(ss));
  const problems = findings.filter((f) => !f.info).map((f) => f.problem);
  const info = findings.filter((f) => f.info).map((f) => f.problem);
  const repairable = problems.length > 0;
  if (office) problems.push(...officeProblems(office));
  const quota = remainingEmailQuota();
  if (quota < LOW_QUOTA) problems.push(t("health.quotaLow", { count: quota }));
  else info.push(t("health.quota", { count: quota }));
  const offset = office?.codec.utcOffsetMinutes ?? 480;
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
  const out = office.problems.map((p) => t("health.settings", { where: p.where, problem: p.problem }));
  if (!isEmail(settings.managerEmail)) out.push(t("health.missingEmail", { who: "manager.email" }));
  for (const d of settings.departments) {
    if (!isEmail(d.headEmail)) out.push(t("health.missingEmail", { who: `${d.name} (${d.head || "head"})` }));
    for (const e of d.handlerEmails)
      if (!isEmail(e)) out.push(t("health.missingEmail", { who: `${d.name}: ${e}` }));
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
