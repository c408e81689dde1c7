// What set-up seeds into a new workbook: categories with targets, departments (and the
// settings' defaults, declared with the settings in settingList.ts).
import type { Language } from "../domain/settings";
import type { CategoryRow, DepartmentRow } from "./schema";
import { SETTINGS } from "./settingList";

export interface SettingDefault {
  key: string;
  value: Record<Language, string>;
  note: Record<Language, string>;
}

/** Each setting's default, as declared in settingList.ts (the benchmark builds its office from it). */
export const SETTING_DEFAULTS: readonly SettingDefault[] = SETTINGS.map((s) => ({
  key: s.key,
  value: s.default,
  note: s.note,
}));

interface CategoryDefault {
  name: Record<Language, string>;
  department: number;
  clock: "business" | "24/7";
  /** [response, resolution] hours for normal, serious, urgent. */
  hours: [[number, number], [number, number], [number, number]];
}

const DEPARTMENTS: readonly Record<Language, string>[] = [
  { en: "Security", "zh-CN": "安防" },
  { en: "Engineering", "zh-CN": "工程维修" },
  { en: "Environment", "zh-CN": "环境" },
  { en: "Customer service", "zh-CN": "客服" },
  { en: "Parking", "zh-CN": "停车" },
];
const [SECURITY, ENGINEERING, ENVIRONMENT, SERVICE, PARKING] = [0, 1, 2, 3, 4];

const OFFICE_HOURS: CategoryDefault["hours"] = [
  [8, 24],
  [4, 16],
  [2, 8],
];
const ROUND_THE_CLOCK: CategoryDefault["hours"] = [
  [2, 24],
  [1, 12],
  [0.5, 4],
];

const CATEGORIES: readonly CategoryDefault[] = [
  {
    name: { en: "Noise", "zh-CN": "噪音扰民" },
    department: SECURITY,
    clock: "business",
    hours: OFFICE_HOURS,
  },
  {
    name: { en: "Illegal alterations", "zh-CN": "违章搭建" },
    department: SERVICE,
    clock: "business",
    hours: OFFICE_HOURS,
  },
  {
    name: { en: "Sanitation", "zh-CN": "环境卫生" },
    department: ENVIRONMENT,
    clock: "business",
    hours: OFFICE_HOURS,
  },
  { name: { en: "Parking", "zh-CN": "停车" }, department: PARKING, clock: "business", hours: OFFICE_HOURS },
  { name: { en: "Leak", "zh-CN": "漏水" }, department: ENGINEERING, clock: "24/7", hours: ROUND_THE_CLOCK },
  { name: { en: "Lift", "zh-CN": "电梯" }, department: ENGINEERING, clock: "24/7", hours: ROUND_THE_CLOCK },
  {
    name: { en: "Safety", "zh-CN": "安全隐患" },
    department: SECURITY,
    clock: "24/7",
    hours: ROUND_THE_CLOCK,
  },
  {
    name: { en: "Access control", "zh-CN": "门禁" },
    department: SECURITY,
    clock: "business",
    hours: OFFICE_HOURS,
  },
  { name: { en: "Fees", "zh-CN": "收费" }, department: SERVICE, clock: "business", hours: OFFICE_HOURS },
  {
    name: { en: "Service attitude", "zh-CN": "服务态度" },
    department: SERVICE,
    clock: "business",
    hours: OFFICE_HOURS,
  },
  { name: { en: "Other", "zh-CN": "其他" }, department: SERVICE, clock: "business", hours: OFFICE_HOURS },
];

const SEVERITY_ORDER = ["normal", "serious", "urgent"] as const;

export function defaultCategories(language: Language): CategoryRow[] {
  return CATEGORIES.flatMap((c) =>
    SEVERITY_ORDER.map((severity, i) => {
      const [responseHours, resolutionHours] = c.hours[i] ?? [24, 72];
      return {
        category: c.name[language],
        severity,
        department: DEPARTMENTS[c.department]?.[language] ?? "",
        responseHours,
        resolutionHours,
        clock: c.clock,
      };
    }),
  );
}

export function defaultDepartments(language: Language): DepartmentRow[] {
  return DEPARTMENTS.map((d) => ({ name: d[language], head: "", headEmail: "", handlerEmails: "" }));
}
