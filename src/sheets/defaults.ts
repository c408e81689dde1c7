// What set-up seeds into a new workbook: settings, categories with targets, departments.
import type { Language } from "../domain/settings";
import type { CategoryRow, DepartmentRow } from "./schema";

export interface SettingDefault {
  key: string;
  value: Record<Language, string>;
  note: Record<Language, string>;
}

const same = (v: string): Record<Language, string> => ({ en: v, "zh-CN": v });

export const SETTING_DEFAULTS: readonly SettingDefault[] = [
  {
    key: "office.name",
    value: { en: "Property service centre", "zh-CN": "物业客服中心" },
    note: { en: "Shown in emails and reports.", "zh-CN": "用于邮件和报告的抬头。" },
  },
  {
    key: "office.language",
    value: { en: "en", "zh-CN": "zh-CN" },
    note: {
      en: "zh-CN or en: the language of menus, sheets and emails.",
      "zh-CN": "zh-CN 或 en：菜单、表格和邮件的语言。",
    },
  },
  {
    key: "office.timeZone",
    value: same("Asia/Shanghai"),
    note: { en: "The office's time zone (IANA name).", "zh-CN": "办公室所在时区（IANA 名称）。" },
  },
  {
    key: "hours.open",
    value: same("09:00"),
    note: {
      en: "Business hours start (deadlines count business hours).",
      "zh-CN": "上班时间（时限按工作时间计算）。",
    },
  },
  { key: "hours.close", value: same("18:00"), note: { en: "Business hours end.", "zh-CN": "下班时间。" } },
  {
    key: "manager.email",
    value: same(""),
    note: {
      en: "The office manager: daily digest and escalations.",
      "zh-CN": "管理处经理邮箱：接收日报和升级提醒。",
    },
  },
  {
    key: "sla.goldenResponseHours",
    value: same("24"),
    note: {
      en: "Golden rule: first response within this many hours of receipt, whatever the category.",
      "zh-CN": "黄金 24 小时：受理后多少小时内必须首次响应（任何类别）。",
    },
  },
  {
    key: "reminders.leadHours",
    value: same("4"),
    note: {
      en: "Remind the handler this many hours before a deadline.",
      "zh-CN": "到期前多少小时提醒处理人。",
    },
  },
  {
    key: "escalation.managerDelayHours",
    value: same("4"),
    note: {
      en: "Hours after a breach (when the department head is told) before the manager is told.",
      "zh-CN": "超时（通知部门负责人）后再过多少小时上报经理。",
    },
  },
  {
    key: "recurrence.windowDays",
    value: same("30"),
    note: {
      en: "Same unit, or same category at the same place, within this many days counts as a repeat.",
      "zh-CN": "同一房号、或同一地点同类投诉在多少天内再次发生视为重复投诉。",
    },
  },
  {
    key: "digest.hour",
    value: same("8"),
    note: {
      en: "Hour of the day the manager's digest is sent (0–23).",
      "zh-CN": "每天几点发送经理日报（0–23）。",
    },
  },
  {
    key: "callback.complaintDays",
    value: same("1"),
    note: {
      en: "Call the owner back within this many business days after a complaint is resolved.",
      "zh-CN": "投诉解决后多少个工作日内回访业主。",
    },
  },
  {
    key: "callback.serviceDays",
    value: same("3"),
    note: {
      en: "Call the owner back within this many business days after a repair or housekeeping service.",
      "zh-CN": "维修或家政服务完成后多少个工作日内回访。",
    },
  },
  {
    key: "callback.maxAttempts",
    value: same("3"),
    note: {
      en: "Tries before an unreachable owner's call-back may close (and its complaint with it).",
      "zh-CN": "联系不上业主时最多尝试几次后可按“无法联系”结案。",
    },
  },
  {
    key: "units.match",
    value: same("numbers"),
    note: {
      en: 'How units are matched against the Owners sheet. "numbers": only the numbers count, so 3-2-1201 and 3栋2单元1201 are the same unit and a near-miss is suggested; "exact": the text must be the same.',
      "zh-CN":
        "房号与业主档案的比对方式。numbers：只比对数字，3-2-1201 与 3栋2单元1201 视为同一房号，并提示相近写法；exact：文字须完全一致。",
    },
  },
  {
    key: "pause.kinds",
    value: {
      en: "Waiting for owner, Waiting for third party, Waiting for materials",
      "zh-CN": "等待业主, 等待第三方, 等待材料",
    },
    note: {
      en: "Reasons that stop the deadline clock, separated by commas.",
      "zh-CN": "可暂停计时的原因，用逗号分隔。",
    },
  },
];

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
