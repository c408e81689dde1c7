// One schema per sheet: headers in both languages, value kinds, formats, dropdowns, widths.

import { emptyFigures, type FrozenFigures } from "../domain/archive";
import { type Callback, emptyCallback } from "../domain/callback";
import { type Complaint, emptyComplaint } from "../domain/complaint";
import type { LogEntry } from "../domain/log";
import { emptyOwner, type Owner } from "../domain/owners";
import type { MessageKey } from "../i18n/messages";

/** How a column's cells map to record values. */
export type ColumnKind =
  | "text" // owners' or staff's free text: plain-text format, never a formula
  | "datetime"
  | "date"
  | "number"
  | "status"
  | "severity"
  | "channel"
  | "clock"
  | "holidayType"
  | "slaState"
  | "yesNo"
  | "cbSource"
  | "cbMethod"
  | "satisfaction"
  | "cbResult"
  | "cbState"
  | "ownerChannel";

/** Dropdowns whose options come from the office's own lists. */
export type ListSource = "categories" | "departments" | "pauseKinds";

/**
 * The field names of a record that a column may name. `SheetSpec<unknown>` (code that handles
 * any sheet) gets plain strings; a concrete record gets exactly its own keys.
 */
export type FieldOf<T> = unknown extends T ? string : keyof T & string;

/** One column; `K` is the record field it holds, so a renamed field or key fails the typecheck. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  en: string;
  zh: string;
  kind: ColumnKind;
  width?: number;
  /** Dropdown fed by another sheet's list, for text columns. */
  list?: ListSource;
  /** Filled by the desk, not typed: edits are undone with a message. */
  computed?: boolean;
  /** Other names offices use for this column; set-up renames them back. */
  aliases?: readonly string[];
}

export interface SheetSpec<T> {
  id: SheetId;
  nameKey: MessageKey;
  columns: readonly ColumnSpec<FieldOf<T>>[];
  /** The column that tells a used row from an empty one. */
  keyColumn: keyof T & string;
  /** Makes a record with every field at its empty value. */
  empty: () => T;
}

export type SheetId =
  | "complaints"
  | "callbacks"
  | "owners"
  | "settings"
  | "categories"
  | "departments"
  | "holidays"
  | "log"
  | "sent"
  | "stats";

const col = <K extends string>(
  key: K,
  en: string,
  zh: string,
  kind: ColumnKind,
  extra: Partial<Omit<ColumnSpec, "key" | "en" | "zh" | "kind">> = {},
): ColumnSpec<K> => ({
  key,
  en,
  zh,
  kind,
  ...extra,
});

export const COMPLAINT_COLUMNS: readonly ColumnSpec<keyof Complaint>[] = [
  col("id", "ID", "编号", "text", { width: 130, computed: true }),
  col("receivedAt", "Received at", "受理时间", "datetime", { width: 130 }),
  col("receivedBy", "Received by (owner)", "首问责任人", "text", { width: 160, computed: true }),
  col("channel", "Channel", "渠道", "channel", { width: 70 }),
  col("unit", "Unit", "房号", "text", { width: 110, aliases: ["房间号", "Room", "Flat"] }),
  col("owner", "Owner", "业主", "text", { width: 80, aliases: ["业主姓名", "Name"] }),
  col("contact", "Contact", "联系电话", "text", { width: 110, aliases: ["电话", "Phone"] }),
  col("category", "Category", "类别", "text", { width: 100, list: "categories" }),
  col("severity", "Severity", "严重程度", "severity", { width: 80 }),
  col("location", "Location", "地点", "text", { width: 110 }),
  col("content", "Complaint", "投诉内容", "text", { width: 260, aliases: ["内容", "Content"] }),
  col("peopleInvolved", "People involved", "涉及人员", "text", { width: 110 }),
  col("status", "Status", "状态", "status", { width: 90 }),
  col("pauseKind", "Paused for", "暂停类别", "text", { width: 110, list: "pauseKinds" }),
  col("pauseReason", "Pause reason", "暂停原因", "text", { width: 150 }),
  col("department", "Department", "责任部门", "text", { width: 100, list: "departments" }),
  col("assignee", "Handler", "处理人", "text", { width: 160 }),
  col("responseDue", "Response due", "响应时限", "datetime", { width: 130, computed: true }),
  col("resolutionDue", "Resolution due", "解决时限", "datetime", { width: 130, computed: true }),
  col("slaState", "SLA", "时效", "slaState", { width: 80, computed: true }),
  col("acknowledgedAt", "Acknowledged at", "响应时间", "datetime", { width: 130 }),
  col("acknowledgedBy", "Acknowledged by", "响应人", "text", { width: 140 }),
  col("cause", "Cause", "原因调查", "text", { width: 180 }),
  col("responsibility", "Responsibility", "责任认定", "text", { width: 120 }),
  col("investigatedAt", "Investigated at", "调查时间", "datetime", { width: 130 }),
  col("investigatedBy", "Investigated by", "调查人", "text", { width: 140 }),
  col("measures", "Measures", "处理措施", "text", { width: 180 }),
  col("promisedBy", "Promised by", "承诺完成时间", "datetime", { width: 130 }),
  col("ownerAgreed", "Owner agreed", "业主认可", "yesNo", { width: 80 }),
  col("actedAt", "Acted at", "措施时间", "datetime", { width: 130 }),
  col("actedBy", "Acted by", "措施执行人", "text", { width: 140 }),
  col("followUp", "Follow-up", "跟踪反馈", "text", { width: 180 }),
  col("followedUpAt", "Followed up at", "跟踪时间", "datetime", { width: 130 }),
  col("followedUpBy", "Followed up by", "跟踪人", "text", { width: 140 }),
  col("resolvedAt", "Resolved at", "解决时间", "datetime", { width: 130, computed: true }),
  col("rootCause", "Root cause", "根本原因", "text", { width: 180 }),
  col("lessons", "Lessons", "经验教训", "text", { width: 180 }),
  col("closedAt", "Closed at", "关闭时间", "datetime", { width: 130, computed: true }),
  col("recurrenceOf", "Repeats", "重复投诉", "text", { width: 130, computed: true }),
  col("updatedAt", "Updated at", "更新时间", "datetime", { width: 130, computed: true }),
  col("trail", "Status trail", "状态轨迹", "text", { width: 240, computed: true }),
];

/** The repair service and call-back record (维修服务及回访记录表). */
export const CALLBACK_COLUMNS: readonly ColumnSpec<keyof Callback>[] = [
  col("id", "ID", "回访编号", "text", { width: 130, computed: true }),
  col("source", "Source", "来源", "cbSource", { width: 90 }),
  col("ref", "Reference", "关联单号", "text", { width: 130 }),
  col("unit", "Unit", "房号", "text", { width: 110, aliases: ["房间号", "Room", "Flat"] }),
  col("owner", "Owner", "业主", "text", { width: 80 }),
  col("contact", "Contact", "联系电话", "text", { width: 110, aliases: ["电话", "Phone"] }),
  col("content", "Service", "服务内容", "text", { width: 240, aliases: ["维修内容"] }),
  col("doneAt", "Done at", "完成时间", "datetime", { width: 130 }),
  col("handler", "Handler", "处理人", "text", { width: 140 }),
  col("department", "Department", "责任部门", "text", { width: 100, list: "departments" }),
  col("dueAt", "Call-back due", "回访时限", "datetime", { width: 130, computed: true }),
  col("calledAt", "Called back at", "回访时间", "datetime", { width: 130 }),
  col("calledBy", "Called back by", "回访人", "text", { width: 140 }),
  col("method", "Method", "回访方式", "cbMethod", { width: 80 }),
  col("result", "Result", "回访结果", "cbResult", { width: 80 }),
  col("satisfaction", "Satisfaction", "满意度", "satisfaction", { width: 90 }),
  col("remarks", "Owner's remarks", "业主意见", "text", { width: 220 }),
  col("followUp", "Follow-up action", "跟进措施", "text", { width: 180 }),
  col("attempts", "Attempts", "回访次数", "number", { width: 70, computed: true }),
  col("state", "State", "回访状态", "cbState", { width: 80, computed: true }),
  col("loggedBy", "Logged by", "登记人", "text", { width: 160, computed: true }),
];

export const OWNER_COLUMNS: readonly ColumnSpec<keyof Owner>[] = [
  col("unit", "Unit", "房号", "text", { width: 120, aliases: ["房间号", "Room", "Flat"] }),
  col("names", "Owner / residents", "业主/住户", "text", {
    width: 160,
    aliases: ["业主", "业主姓名", "Owner", "Name"],
  }),
  col("phones", "Phones", "联系电话", "text", { width: 180, aliases: ["电话", "Phone", "手机"] }),
  col("channel", "Preferred channel", "首选联系方式", "ownerChannel", { width: 110 }),
  col("keyOwner", "Key owner", "重点业主", "yesNo", { width: 80 }),
  col("notes", "Service needs", "服务需求备注", "text", { width: 260, aliases: ["备注", "Notes"] }),
];

export interface SettingRow {
  key: string;
  value: string;
  note: string;
}

export interface CategoryRow {
  category: string;
  severity: string;
  department: string;
  responseHours: number | null;
  resolutionHours: number | null;
  clock: string;
}

export interface DepartmentRow {
  name: string;
  head: string;
  headEmail: string;
  handlerEmails: string;
}

export interface HolidayRow {
  date: Date | null;
  type: string;
  name: string;
}

export interface SentRow {
  at: Date | null;
  key: string;
  recipient: string;
  item: string;
  kind: string;
  level: string;
  subject: string;
}

/**
 * The Stats sheet: one row per archived complaint with the figures it closed with, so reports
 * and rates still count it after its rows moved to the yearly archive (and which file holds them).
 */
export const STATS_COLUMNS: readonly ColumnSpec<keyof FrozenFigures>[] = [
  col("id", "ID", "编号", "text", { width: 130 }),
  col("unit", "Unit", "房号", "text", { width: 110 }),
  col("category", "Category", "类别", "text", { width: 100 }),
  col("department", "Department", "责任部门", "text", { width: 100 }),
  col("receivedAt", "Received at", "受理时间", "datetime", { width: 130 }),
  col("firstResponseMinutes", "First response (min)", "首次响应（分钟）", "number", { width: 120 }),
  col("resolutionMinutes", "Resolution (min)", "解决用时（分钟）", "number", { width: 120 }),
  col("slaResult", "SLA", "时效", "slaState", { width: 80 }),
  col("reopenCount", "Reopened", "重开次数", "number", { width: 80 }),
  col("closedAt", "Closed at", "关闭时间", "datetime", { width: 130 }),
  col("archivedAt", "Archived at", "归档时间", "datetime", { width: 130 }),
  col("archiveFile", "Archive file", "归档文件", "text", { width: 320 }),
];

export const SCHEMAS = {
  complaints: {
    id: "complaints",
    nameKey: "sheet.complaints",
    columns: COMPLAINT_COLUMNS,
    keyColumn: "id",
    empty: emptyComplaint,
  } satisfies SheetSpec<Complaint>,
  callbacks: {
    id: "callbacks",
    nameKey: "sheet.callbacks",
    columns: CALLBACK_COLUMNS,
    keyColumn: "unit",
    empty: emptyCallback,
  } satisfies SheetSpec<Callback>,
  owners: {
    id: "owners",
    nameKey: "sheet.owners",
    columns: OWNER_COLUMNS,
    keyColumn: "unit",
    empty: emptyOwner,
  } satisfies SheetSpec<Owner>,
  settings: {
    id: "settings",
    nameKey: "sheet.settings",
    columns: [
      col("key", "Setting", "设置项", "text", { width: 200 }),
      col("value", "Value", "值", "text", { width: 260 }),
      col("note", "What it means", "说明", "text", { width: 420 }),
    ],
    keyColumn: "key",
    empty: () => ({ key: "", value: "", note: "" }),
  } satisfies SheetSpec<SettingRow>,
  categories: {
    id: "categories",
    nameKey: "sheet.categories",
    columns: [
      col("category", "Category", "类别", "text", { width: 120 }),
      col("severity", "Severity", "严重程度", "severity", { width: 90 }),
      col("department", "Department", "责任部门", "text", { width: 120, list: "departments" }),
      col("responseHours", "Response (h)", "响应时限（小时）", "number", { width: 110 }),
      col("resolutionHours", "Resolution (h)", "解决时限（小时）", "number", { width: 110 }),
      col("clock", "Clock", "计时方式", "clock", { width: 110 }),
    ],
    keyColumn: "category",
    empty: () => ({
      category: "",
      severity: "",
      department: "",
      responseHours: null,
      resolutionHours: null,
      clock: "",
    }),
  } satisfies SheetSpec<CategoryRow>,
  departments: {
    id: "departments",
    nameKey: "sheet.departments",
    columns: [
      col("name", "Department", "部门", "text", { width: 120 }),
      col("head", "Head", "负责人", "text", { width: 100 }),
      col("headEmail", "Head's email", "负责人邮箱", "text", { width: 200 }),
      col("handlerEmails", "Handlers' emails", "处理人邮箱", "text", { width: 320 }),
    ],
    keyColumn: "name",
    empty: () => ({ name: "", head: "", headEmail: "", handlerEmails: "" }),
  } satisfies SheetSpec<DepartmentRow>,
  holidays: {
    id: "holidays",
    nameKey: "sheet.holidays",
    columns: [
      col("date", "Date", "日期", "date", { width: 110 }),
      col("type", "Type", "类型", "holidayType", { width: 120 }),
      col("name", "Name", "名称", "text", { width: 200 }),
    ],
    keyColumn: "date",
    empty: () => ({ date: null, type: "", name: "" }),
  } satisfies SheetSpec<HolidayRow>,
  log: {
    id: "log",
    nameKey: "sheet.log",
    columns: [
      col("at", "When", "时间", "datetime", { width: 140 }),
      col("item", "Item", "编号", "text", { width: 130 }),
      col("field", "Changed", "变更项", "text", { width: 110 }),
      col("from", "From", "原值", "text", { width: 140 }),
      col("to", "To", "新值", "text", { width: 140 }),
      col("who", "Who", "操作人", "text", { width: 180 }),
      col("note", "Note", "备注", "text", { width: 300 }),
    ],
    keyColumn: "item",
    empty: () => ({ at: new Date(0), item: "", field: "created", from: "", to: "", who: "", note: "" }),
  } satisfies SheetSpec<LogEntry>,
  sent: {
    id: "sent",
    nameKey: "sheet.sent",
    columns: [
      col("at", "Sent at", "发送时间", "datetime", { width: 140 }),
      col("key", "Notice", "通知标识", "text", { width: 380 }),
      col("recipient", "To", "收件人", "text", { width: 200 }),
      col("item", "Item", "编号", "text", { width: 130 }),
      col("kind", "What", "内容", "text", { width: 110 }),
      col("level", "Why", "原因", "text", { width: 110 }),
      col("subject", "Subject", "主题", "text", { width: 300 }),
    ],
    keyColumn: "key",
    empty: () => ({ at: null, key: "", recipient: "", item: "", kind: "", level: "", subject: "" }),
  } satisfies SheetSpec<SentRow>,
  stats: {
    id: "stats",
    nameKey: "sheet.stats",
    columns: STATS_COLUMNS,
    keyColumn: "id",
    empty: emptyFigures,
  } satisfies SheetSpec<FrozenFigures>,
} as const;

export function headerFor(column: ColumnSpec, language: "zh-CN" | "en"): string {
  return language === "zh-CN" ? column.zh : column.en;
}
