// Turns the rows of Settings, Categories, Departments and Holidays into the office's rules.
import { type BusinessCalendar, parseTimeOfDay } from "../domain/calendar";
import { SEVERITIES, type Severity } from "../domain/complaint";
import { formatLocal, isDate } from "../domain/dates";
import { splitEmails } from "../domain/email";
import {
  type CategoryTarget,
  DEFAULT_TIME_ZONE,
  isTimeZoneId,
  type Language,
  type OfficeSettings,
} from "../domain/settings";
import type { MessageKey } from "../i18n/messages";
import { clockCode } from "./codec";
import { SETTING_DEFAULTS } from "./defaults";
import type { CategoryRow, DepartmentRow, HolidayRow, SettingRow } from "./schema";

/** A value in Settings or Categories the desk cannot use, said in the office's language by the health check. */
export interface SettingsProblem {
  /** The setting's key, or the category's name with `row`. */
  where: string;
  /** Sheet row, for rows of a list such as Categories. */
  row?: number;
  key: MessageKey;
  params?: Record<string, string | number>;
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
  if (text !== "" && Number.isFinite(n) && n >= min && n <= max) return n;
  const used = Number(SETTING_DEFAULTS.find((d) => d.key === key)?.value.en ?? min);
  problems.push({ where: key, key: "settings.notNumber", params: { value: text, min, max, used } });
  return used;
}

/**
 * `fallbackZone`: the zone to keep using when office.timeZone is not a real zone ID (the
 * spreadsheet's own zone when it is valid); a bad name is reported, never used.
 */
export function readSettings(
  rows: readonly SettingRow[],
  categories: readonly CategoryRow[],
  departments: readonly DepartmentRow[],
  fallbackLanguage: Language,
  fallbackZone: string = DEFAULT_TIME_ZONE,
): { settings: OfficeSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const langText = settingValue(rows, "office.language", fallbackLanguage);
  const language: Language = langText === "en" || langText === "zh-CN" ? langText : fallbackLanguage;
  if (langText !== language)
    problems.push({ where: "office.language", key: "settings.badLanguage", params: { value: langText } });
  const zoneText = settingValue(rows, "office.timeZone", language);
  const usableFallback = isTimeZoneId(fallbackZone) ? fallbackZone : DEFAULT_TIME_ZONE;
  const timeZone = isTimeZoneId(zoneText) ? zoneText : usableFallback;
  if (timeZone !== zoneText)
    problems.push({
      where: "office.timeZone",
      key: "settings.badTimeZone",
      params: { value: zoneText, used: timeZone },
    });
  const time = (key: string) => {
    const text = settingValue(rows, key, language);
    const minutes = parseTimeOfDay(text);
    if (minutes !== null) return minutes;
    const used = SETTING_DEFAULTS.find((d) => d.key === key)?.value.en ?? "09:00";
    problems.push({ where: key, key: "settings.notTime", params: { value: text, used } });
    return parseTimeOfDay(used) ?? 540;
  };
  let dayStartMinutes = time("hours.open");
  let dayEndMinutes = time("hours.close");
  if (dayEndMinutes <= dayStartMinutes) {
    problems.push({ where: "hours.close", key: "settings.closesBeforeOpen" });
    [dayStartMinutes, dayEndMinutes] = [540, 1080];
  }
  const targets: CategoryTarget[] = [];
  categories.forEach((row, i) => {
    const where = { where: row.category || "?", row: i + 2 };
    const severity = row.severity as Severity;
    const clock = clockCode(row.clock) ?? "business";
    if (!SEVERITIES.includes(severity))
      problems.push({ ...where, key: "settings.unknownSeverity", params: { value: row.severity } });
    else if (!row.responseHours || !row.resolutionHours || row.responseHours <= 0 || row.resolutionHours <= 0)
      problems.push({ ...where, key: "settings.badHours" });
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
      timeZone,
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
          handlerEmails: handlerEmails(d.handlerEmails),
        })),
    },
  };
}

/**
 * A cell listing handlers' addresses, split the way people write them (commas, 、，；, spaces):
 * the valid ones first, then the malformed ones, kept so the health check can name them
 * (senders check each address before sending).
 */
function handlerEmails(cell: string): string[] {
  const { valid, refused } = splitEmails(cell);
  return [...valid, ...refused.map((r) => r.text)];
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
