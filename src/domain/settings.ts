// The office's own rules, as read from the Settings, Categories and Departments sheets.
import type { Clock } from "./calendar";
import type { CallbackRules } from "./callback";
import type { Severity } from "./complaint";

export type Language = "zh-CN" | "en";

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
