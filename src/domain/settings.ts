// The office's own rules, as read from the Settings, Categories and Departments sheets.
import type { Clock } from "./calendar";
import type { CallbackRules } from "./callback";
import type { Severity } from "./complaint";

/** The languages the desk speaks; Settings' office.language is one of them. */
export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export interface CategoryTarget {
  category: string;
  severity: Severity;
  department: string;
  /** Hours to the first response on `clock`; the golden rule (Settings) caps it in calendar hours. */
  responseHours: number;
  resolutionHours: number;
  clock: Clock;
}

export interface Department {
  name: string;
  head: string;
  headEmail: string;
  /** Handlers' emails: who is reminded when an item of the department has no assignee. */
  handlerEmails: string[];
}

export interface OfficeSettings {
  officeName: string;
  language: Language;
  timeZone: string;
  dayStartMinutes: number;
  dayEndMinutes: number;
  managerEmail: string;
  /** The golden rule: first response within this many calendar hours, whatever the category. */
  goldenResponseHours: number;
  /** Remind the handler this many hours before a deadline. */
  reminderLeadHours: number;
  /** After a breach, escalate to the manager once this many more hours pass. */
  managerDelayHours: number;
  recurrenceWindowDays: number;
  digestHour: number;
  pauseKinds: string[];
  callbacks: CallbackRules;
  /** How typed units are matched against the owner registry. */
  unitMatch: "numbers" | "exact";
  /** Closed complaints move to the yearly archive this many months after closing; 0: never. */
  archiveAfterMonths: number;
  categories: CategoryTarget[];
  departments: Department[];
}

export function findTarget(
  settings: OfficeSettings,
  category: string,
  severity: Severity,
): CategoryTarget | null {
  return settings.categories.find((t) => t.category === category && t.severity === severity) ?? null;
}

export function categoryNames(settings: OfficeSettings): string[] {
  return [...new Set(settings.categories.map((t) => t.category))];
}

export function findDepartment(settings: OfficeSettings, name: string): Department | null {
  return settings.departments.find((d) => d.name === name) ?? null;
}

/** The zone the desk uses when neither Settings nor the spreadsheet names a valid one. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

// "Area/Location" (or UTC/GMT): Java's TimeZone, behind Utilities.formatDate, silently treats
// any name it does not know as GMT, so "Beijing" or "UTC+8" must be refused before use.
const ZONE_SHAPE = /^(?:UTC|GMT|[A-Z][A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** True for a real time-zone ID (IANA), as both Java and the JavaScript runtime know them. */
export function isTimeZoneId(zone: string): boolean {
  if (!ZONE_SHAPE.test(zone)) return false;
  if (typeof Intl === "undefined") return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
