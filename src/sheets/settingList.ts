// Every setting of the Settings sheet, declared once: its key, the OfficeSettings field it
// fills, its kind (how it is read and checked), its default and its note in both languages.
// Set-up seeds from this list, reading and the health check's problems follow it, and the
// typecheck fails when an OfficeSettings field has no setting or a kind gives the wrong type.
import type { Language, OfficeSettings } from "../domain/settings";
import {
  choice,
  email,
  hour,
  integer,
  language,
  list,
  number,
  type SettingKind,
  text,
  time,
  zone,
} from "./settingKinds";

type Texts = Record<Language, string>;
type Leaf = string | number | string[];
/** The OfficeSettings fields Settings fills ("callbacks.maxAttempts" for a nested one); not the lists of other sheets. */
type SettingsOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends Leaf
    ? `${Prefix}${K}`
    : T[K] extends readonly unknown[]
      ? never
      : SettingsOf<T[K], `${K}.`>;
}[keyof T & string];
export type SettingField = SettingsOf<OfficeSettings>;
type FieldType<F extends string> = F extends `${infer A extends keyof OfficeSettings}.${infer B}`
  ? B extends keyof OfficeSettings[A]
    ? OfficeSettings[A][B]
    : never
  : F extends keyof OfficeSettings
    ? OfficeSettings[F]
    : never;

export interface Setting<F extends SettingField = SettingField> {
  key: string;
  field: F;
  kind: SettingKind<FieldType<F>>;
  /** The desk cannot do its work while it is empty (its default): the health check says so. */
  required?: boolean;
  default: Texts;
  note: Texts;
}

/** Any declared setting, whatever its field (the reader works on this). */
export type AnySetting = { [F in SettingField]: Setting<F> }[SettingField];

const setting = <F extends SettingField>(s: Setting<F>): Setting<F> => s;
const same = (v: string): Texts => ({ en: v, "zh-CN": v });

export const SETTINGS = [
  setting({
    key: "office.name",
    field: "officeName",
    kind: text(),
    default: { en: "Property service centre", "zh-CN": "物业客服中心" },
    note: { en: "Shown in emails and reports.", "zh-CN": "用于邮件和报告的抬头。" },
  }),
  setting({
    key: "office.language",
    field: "language",
    kind: language(),
    default: { en: "en", "zh-CN": "zh-CN" },
    note: {
      en: "zh-CN or en: the language of menus, sheets and emails.",
      "zh-CN": "zh-CN 或 en：菜单、表格和邮件的语言。",
    },
  }),
  setting({
    key: "office.timeZone",
    field: "timeZone",
    kind: zone(),
    default: same("Asia/Shanghai"),
    note: { en: "The office's time zone (IANA name).", "zh-CN": "办公室所在时区（IANA 名称）。" },
  }),
  setting({
    key: "hours.open",
    field: "dayStartMinutes",
    kind: time(),
    default: same("09:00"),
    note: {
      en: "Business hours start (deadlines count business hours).",
      "zh-CN": "上班时间（时限按工作时间计算）。",
    },
  }),
  setting({
    key: "hours.close",
    field: "dayEndMinutes",
    kind: time(),
    default: same("18:00"),
    note: { en: "Business hours end.", "zh-CN": "下班时间。" },
  }),
  setting({
    key: "manager.email",
    field: "managerEmail",
    kind: email(),
    required: true,
    default: same(""),
    note: {
      en: "The office manager: daily digest and escalations.",
      "zh-CN": "管理处经理邮箱：接收日报和升级提醒。",
    },
  }),
  setting({
    key: "sla.goldenResponseHours",
    field: "goldenResponseHours",
    kind: number(0.5, 720),
    default: same("24"),
    note: {
      en: "Golden rule: first response within this many hours of receipt, whatever the category.",
      "zh-CN": "黄金 24 小时：受理后多少小时内必须首次响应（任何类别）。",
    },
  }),
  setting({
    key: "reminders.leadHours",
    field: "reminderLeadHours",
    kind: number(0, 720),
    default: same("4"),
    note: {
      en: "Remind the handler this many hours before a deadline.",
      "zh-CN": "到期前多少小时提醒处理人。",
    },
  }),
  setting({
    key: "escalation.managerDelayHours",
    field: "managerDelayHours",
    kind: number(0, 720),
    default: same("4"),
    note: {
      en: "Hours after a breach (when the department head is told) before the manager is told.",
      "zh-CN": "超时（通知部门负责人）后再过多少小时上报经理。",
    },
  }),
  setting({
    key: "recurrence.windowDays",
    field: "recurrenceWindowDays",
    kind: number(0, 3650),
    default: same("30"),
    note: {
      en: "Same unit, or same category at the same place, within this many days counts as a repeat.",
      "zh-CN": "同一房号、或同一地点同类投诉在多少天内再次发生视为重复投诉。",
    },
  }),
  setting({
    key: "digest.hour",
    field: "digestHour",
    kind: hour(),
    default: same("8"),
    note: {
      en: "Hour of the day the manager's digest is sent (0–23).",
      "zh-CN": "每天几点发送经理日报（0–23）。",
    },
  }),
  setting({
    key: "callback.complaintDays",
    field: "callbacks.complaintDays",
    kind: number(0, 60),
    default: same("1"),
    note: {
      en: "Call the owner back within this many business days after a complaint is resolved.",
      "zh-CN": "投诉解决后多少个工作日内回访业主。",
    },
  }),
  setting({
    key: "callback.serviceDays",
    field: "callbacks.serviceDays",
    kind: number(0, 60),
    default: same("3"),
    note: {
      en: "Call the owner back within this many business days after a repair or housekeeping service.",
      "zh-CN": "维修或家政服务完成后多少个工作日内回访。",
    },
  }),
  setting({
    key: "callback.maxAttempts",
    field: "callbacks.maxAttempts",
    kind: integer(1, 20),
    default: same("3"),
    note: {
      en: "Tries before an unreachable owner's call-back may close (and its complaint with it).",
      "zh-CN": "联系不上业主时最多尝试几次后可按“无法联系”结案。",
    },
  }),
  setting({
    key: "units.match",
    field: "unitMatch",
    kind: choice(["numbers", "exact"]),
    default: same("numbers"),
    note: {
      en: 'How units are matched against the Owners sheet. "numbers": only the numbers count, so 3-2-1201 and 3栋2单元1201 are the same unit and a near-miss is suggested; "exact": the text must be the same.',
      "zh-CN":
        "房号与业主档案的比对方式。numbers：只比对数字，3-2-1201 与 3栋2单元1201 视为同一房号，并提示相近写法；exact：文字须完全一致。",
    },
  }),
  setting({
    key: "pause.kinds",
    field: "pauseKinds",
    kind: list(),
    default: {
      en: "Waiting for owner, Waiting for third party, Waiting for materials",
      "zh-CN": "等待业主, 等待第三方, 等待材料",
    },
    note: {
      en: "Reasons that stop the deadline clock, separated by commas.",
      "zh-CN": "可暂停计时的原因，用逗号分隔。",
    },
  }),
  setting({
    key: "archive.afterMonths",
    field: "archiveAfterMonths",
    kind: integer(0, 60),
    default: same("12"),
    note: {
      en: "Closed complaints, with their call-backs, Log and Sent rows, move to a yearly archive in Drive this many months after closing; their figures stay in the Stats sheet. 0 keeps everything in the workbook.",
      "zh-CN":
        "已关闭的投诉连同其回访、日志和发送记录，在关闭满多少个月后移入云端硬盘的年度归档，其统计数据保留在归档统计表中。0 表示全部保留在工作簿中。",
    },
  }),
] as const satisfies readonly AnySetting[];

// Compile-time completeness: an OfficeSettings field that no setting fills fails the typecheck here.
type Unfilled = Exclude<SettingField, (typeof SETTINGS)[number]["field"]>;
const everyFieldFilled: [Unfilled] extends [never] ? true : Unfilled = true;
void everyFieldFilled;

/** The Settings rows set-up seeds, in the office's language. */
export function settingRows(lang: Language): { key: string; value: string; note: string }[] {
  return SETTINGS.map((s) => ({ key: s.key, value: s.default[lang], note: s.note[lang] }));
}
