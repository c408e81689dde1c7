// Turns the rows of Settings, Categories, Departments and Holidays into the office's rules.
import { type BusinessCalendar, parseTimeOfDay } from "../domain/calendar";
import { isDate, formatLocal } from "../domain/dates";
import { SEVERITIES, type Severity } from "../domain/complaint";
import type { CategoryTarget, Language, OfficeSettings } from "../domain/settings";
import { clockCode } from "./codec";
import { SETTING_DEFAULTS } from "./defaults";
import type { CategoryRow, DepartmentRow, HolidayRow, SettingRow } from "./schema";

export interface SettingsProblem {
  where: string;
  problem: string;
}

function settingValue(rows: readonly SettingRow[], key: string, language: Language): string {
  const found = rows.find((r) => r.key.trim() === key)?.value.trim();
  if (found) return found;
  return SETTING_DEFAULTS.find((d) => d.key === key)?.value[language] ?? "";
}

function numberSetting(
  rows: readonly SettingRow[],
  key: string,
  language: Language,
  problems: SettingsProblem[],
  min: number,
  max: number,
): number {
  const text = settingValue(rows, key, language);
  const n = Number(text);
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  problems.push({ where: key, problem: `"${text}" is not a number from ${min} to ${max}` });
  return Number(SETTING_DEFAULTS.find((d) => d.key === key)?.value.en ?? min);
}

export function readSettings(
  rows: readonly SettingRow[],
  categories: readonly CategoryRow[],
  departments: readonly DepartmentRow[],
  fallbackLanguage: Language,
): { settings: OfficeSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const langText = settingValue(rows, "office.language", fallbackLanguage);
  const language: Language = langText === "en" || langText === "zh-CN" ? langText : fallbackLanguage;
  if (langText !== language)
    problems.push({ where: "office.language", problem: `"${langText}" is not zh-CN or en` });
  const time = (key: string) => {
    const minutes = parseTimeOfDay(settingValue(rows, key, language));
    if (minutes !== null) return minutes;
    problems.push({ where: key, problem: "not a time like 09:00" });
    return parseTimeOfDay(SETTING_DEFAULTS.find((d) => d.key === key)?.value.en ?? "09:00") ?? 540;
  };
  let dayStartMinutes = time("hours.open");
  let dayEndMinutes = time("hours.close");
  if (dayEndMinutes <= dayStartMinutes) {
    problems.push({ where: "hours.close", problem: "closes before it opens" });
    [dayStartMinutes, dayEndMinutes] = [540, 1080];
  }
  const targets: CategoryTarget[] = [];
  categories.forEach((row, i) => {
    const where = `${row.category || "?"} (row ${i + 2})`;
    const severity = row.severity as Severity;
    const clock = clockCode(row.clock) ?? "business";
    if (!SEVERITIES.includes(severity)) problems.push({ where, problem: "unknown severity" });
    else if (!row.responseHours || !row.resolutionHours || row.responseHours <= 0 || row.resolutionHours <= 0)
      problems.push({ where, problem: "response and resolution hours must be positive numbers" });
    else
      targets.push({
        category: row.category.trim(),
        severity,
        department: row.department.trim(),
        responseHours: row.responseHours,
        resolutionHours: row.resolutionHours,
        clock,
      });
  });
  const splitList = (text: string) =>
    text
      .split(/[,，;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    problems,
    settings: {
      officeName: settingValue(rows, "office.name", language),
      language,
      timeZone: settingValue(rows, "office.timeZone", language),
      dayStartMinutes,
      dayEndMinutes,
      managerEmail: settingValue(rows, "manager.email", language),
      goldenResponseHours: numberSetting(rows, "sla.goldenResponseHours", language, problems, 0.5, 720),
      reminderLeadHours: numberSetting(rows, "reminders.leadHours", language, problems, 0, 720),
      managerDelayHours: numberSetting(rows, "escalation.managerDelayHours", language, problems, 0, 720),
      recurrenceWindowDays: numberSetting(rows, "recurrence.windowDays", language, problems, 0, 3650),
      digestHour: Math.floor(numberSetting(rows, "digest.hour", language, problems, 0, 23)),
      pauseKinds: splitList(settingValue(rows, "pause.kinds", language)),
      unitMatch: settingValue(rows, "units.match", language) === "exact" ? "exact" : "numbers",
      callbacks: {
        complaintDays: numberSetting(rows, "callback.complaintDays", language, problems, 0, 60),
        serviceDays: numberSetting(rows, "callback.serviceDays", language, problems, 0, 60),
        maxAttempts: Math.max(
          1,
          Math.floor(numberSetting(rows, "callback.maxAttempts", language, problems, 1, 20)),
        ),
      },
      categories: targets,
      departments: departments
        .filter((d) => d.name.trim())
        .map((d) => ({
          name: d.name.trim(),
          head: d.head.trim(),
          headEmail: d.headEmail.trim(),
          handlerEmails: splitList(d.handlerEmails),
        })),
    },
  };
}

export function buildCalendar(
  settings: OfficeSettings,
  holidays: readonly HolidayRow[],
  utcOffsetMinutes: number,
): BusinessCalendar {
  const closed = new Set<string>();
  const open = new Set<string>();
  for (const h of holidays) {
    if (!h.date || !isDate(h.date)) continue;
    // Holiday dates are calendar days: read them at the office's own midnight.
    const key = formatLocal(h.date.getTime(), utcOffsetMinutes, false);
    if (h.type === "workday") open.add(key);
    else closed.add(key);
  }
  return {
    utcOffsetMinutes,
    dayStartMinutes: settings.dayStartMinutes,
    dayEndMinutes: settings.dayEndMinutes,
    weekendDays: [0, 6],
    holidays: closed,
    makeupWorkdays: open,
  };
}
