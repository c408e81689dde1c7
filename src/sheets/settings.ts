// Turns the rows of Settings, Categories, Departments and Holidays into the office's rules.
import type { BusinessCalendar } from "../domain/calendar";
import { SEVERITIES, type Severity } from "../domain/complaint";
import { formatLocal, isDate } from "../domain/dates";
import {
  type CategoryTarget,
  DEFAULT_TIME_ZONE,
  type Language,
  type OfficeSettings,
} from "../domain/settings";
import type { MessageKey, Translate } from "../i18n/messages";
import { clockCode } from "./codec";
import type { CategoryRow, DepartmentRow, HolidayRow, SettingRow } from "./schema";
import { type ReadContext, readEmails } from "./settingKinds";
import { type AnySetting, SETTINGS, type Setting, type SettingField } from "./settingList";

/** A value in Settings or Categories the desk cannot use, said in the office's language by the health check. */
export interface SettingsProblem {
  /** The setting's key, or the category's name with `row`. */
  where: string;
  /** Sheet row, for rows of a list such as Categories. */
  row?: number;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** The problem as the health check says it: which setting (or which row), then what is wrong. */
export function describeProblem(t: Translate, p: SettingsProblem): string {
  return t("health.settings", {
    where: p.row ? t("settings.row", { name: p.where, row: p.row }) : p.where,
    problem: t(p.key, p.params),
  });
}

/** The setting's cell, or its default when the cell is empty or the row is missing. */
function cellText(rows: readonly SettingRow[], key: string, fallback: string): string {
  return rows.find((r) => r.key.trim() === key)?.value.trim() || fallback;
}

/** One setting's value; what is wrong with it goes to `problems`, under the setting's key. */
function readOne<F extends SettingField>(
  s: Setting<F>,
  rows: readonly SettingRow[],
  lang: Language,
  ctx: ReadContext,
  problems: SettingsProblem[],
) {
  const fallback = s.default[lang];
  const read = s.kind.read(cellText(rows, s.key, fallback), fallback, ctx);
  problems.push(...read.problems.map((p) => ({ where: s.key, ...p })));
  return read.value;
}

const LANGUAGE_SETTING = SETTINGS.find((s) => s.field === "language") as Setting<"language">;

/** The office's language as Settings says it, else `fallback` (the user's own). */
export function readLanguage(rows: readonly SettingRow[], fallback: Language): Language {
  const ctx = { fallbackLanguage: fallback, fallbackZone: DEFAULT_TIME_ZONE };
  return readOne(LANGUAGE_SETTING, rows, fallback, ctx, []);
}

type SettingsFields = Omit<OfficeSettings, "categories" | "departments">;

/** Every declared setting read into its field; each bad value is reported and its fallback used. */
function readDeclared(rows: readonly SettingRow[], ctx: ReadContext, problems: SettingsProblem[]) {
  const language = readOne(LANGUAGE_SETTING, rows, ctx.fallbackLanguage, ctx, problems);
  const fields: Record<string, unknown> = { language };
  for (const s of SETTINGS) {
    if (s.field === "language") continue;
    const value = readOne(s as AnySetting, rows, language, ctx, problems);
    const [group, name] = s.field.split(".") as [string, string | undefined];
    if (name === undefined) fields[group] = value;
    else fields[group] = { ...(fields[group] as object | undefined), [name]: value };
  }
  // Typed by SETTINGS' fields (the completeness check in settingList.ts); test/unit pins the shape.
  return fields as unknown as SettingsFields;
}

/** The value of a field such as "digestHour" or "callbacks.maxAttempts". */
function fieldValue(settings: SettingsFields, field: SettingField): unknown {
  const [group = "", name] = field.split(".");
  const top = (settings as unknown as Record<string, unknown>)[group];
  return name === undefined ? top : (top as Record<string, unknown>)[name];
}

/** Required settings left empty (their default): the desk reads them fine but cannot do that part of its work. */
export function requiredProblems(settings: OfficeSettings): SettingsProblem[] {
  return SETTINGS.flatMap((s: AnySetting) => {
    const value = fieldValue(settings, s.field);
    if (!s.required || (value !== "" && !(Array.isArray(value) && !value.length))) return [];
    return [{ where: s.key, key: "settings.required" as const, params: { note: s.note[settings.language] } }];
  });
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
  const fields = readDeclared(rows, { fallbackLanguage, fallbackZone }, problems);
  if (fields.dayEndMinutes <= fields.dayStartMinutes) {
    problems.push({ where: "hours.close", key: "settings.closesBeforeOpen" });
    [fields.dayStartMinutes, fields.dayEndMinutes] = [540, 1080];
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
  return {
    problems,
    settings: {
      ...fields,
      categories: targets,
      departments: departments
        .filter((d) => d.name.trim())
        .map((d) => ({
          name: d.name.trim(),
          head: d.head.trim(),
          headEmail: d.headEmail.trim(),
          handlerEmails: readEmails(d.handlerEmails).value,
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
