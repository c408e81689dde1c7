// The things people and triggers do to the desk, each measured as the executions it causes:
// calls, cells read and written, and modelled Apps Script time in both bands.
import { performance } from "node:perf_hooks";
import { pessimisticMs } from "../local/costs";
import type { Runtime } from "../local/emu/runtime";
import { cellOf, readSheet } from "../sim/workbook";
import type { Fixture } from "./office";

/** Whose limit an action runs under: a simple trigger, a dialog a person waits on, or a run. */
export type Kind = "trigger" | "dialog" | "run";

export const LIMIT_MS: Record<Kind, number> = { trigger: 30_000, dialog: 30_000, run: 360_000 };

export interface Action {
  name: string;
  kind: Kind;
  act: (rt: Runtime, data: Fixture) => void;
}

export interface Measure {
  rows: number;
  action: string;
  kind: Kind;
  calls: number;
  spreadsheetCalls: number;
  mailCalls: number;
  cellsRead: number;
  cellsWritten: number;
  flushes: number;
  calibratedMs: number;
  pessimisticMs: number;
  limitMs: number;
  /** The pessimistic time passes half the limit. */
  flagged: boolean;
  wallMs: number;
  error?: string;
  /** Calls by "Service.Class.member", for a parity run to compare operation by operation. */
  ops: Record<string, number>;
}

const intake = (unit: string) => ({
  unit,
  owner: "王先生",
  contact: "13812345678",
  channel: "phone",
  category: "漏水",
  severity: "urgent",
  location: "卫生间天花板",
  content: "卫生间天花板漏水",
  peopleInvolved: "",
  receivedAt: "",
});

/**
 * A person types a whole new complaint (noise, normal) on the first empty row, as one paste;
 * returns the sheet row. Received at `receivedAt` (local time), the bench's morning by default.
 */
export function typeNewRow(rt: Runtime, unit: string, receivedAt = "2026-11-24 09:40"): number {
  const view = readSheet(rt, "complaints");
  const row = view.rows.length ? view.rowNumber(view.rows.length - 1) + 1 : 2;
  const typed: Record<string, string> = {
    受理时间: receivedAt,
    渠道: "电话",
    房号: unit,
    业主: "李女士",
    联系电话: "13912345678",
    类别: "噪音扰民",
    严重程度: "一般",
    地点: "楼道",
    投诉内容: "夜间装修噪音",
  };
  const from = view.header.indexOf("受理时间");
  const to = view.header.indexOf("投诉内容");
  const values = view.header.slice(from, to + 1).map((h) => typed[h] ?? "");
  rt.edit(view.name, `${cellOf(view, row, "受理时间")}:${cellOf(view, row, "投诉内容")}`, [values]);
  return row;
}

/** A person resolves one complaint in progress: onEdit scores it and schedules its call-back. */
function resolveOne(rt: Runtime, data: Fixture) {
  const id = data.complaints.find((c) => c.status === "in_progress")?.id ?? "";
  const view = readSheet(rt, "complaints");
  const i = view.rows.findIndex((r) => r["编号"] === id);
  rt.edit(view.name, cellOf(view, view.rowNumber(i), "状态"), "已解决");
}

const unitOf = (data: Fixture) => data.complaints[0]?.unit ?? "";

/** Someone changed a setting (unmeasured): the next action reads the office's lists afresh. */
function settingsChanged(rt: Runtime) {
  rt.meter.quietly(() => {
    const view = readSheet(rt, "settings");
    const i = view.rows.findIndex((r) => Object.values(r)[0] === "office.name");
    const cell = cellOf(view, view.rowNumber(i), view.header[1] ?? "");
    rt.edit(view.name, cell, String(view.rows[i]?.[view.header[1] ?? ""] ?? ""));
  });
}

/** In the order an office's hour might see them; set-up last, as a repair of a full workbook. */
export const ACTIONS: Action[] = [
  {
    name: "intake dialog (submitComplaint)",
    kind: "dialog",
    act: (rt, data) => rt.callFromDialog("submitComplaint", intake(unitOf(data)), "bench-intake"),
  },
  {
    name: "typed row (onEdit)",
    kind: "trigger",
    act: (rt, data) => void typeNewRow(rt, unitOf(data)),
  },
  {
    name: "typed row, lists not cached (onEdit)",
    kind: "trigger",
    act: (rt, data) => {
      settingsChanged(rt);
      typeNewRow(rt, unitOf(data));
    },
  },
  { name: "status edit → resolved (onEdit)", kind: "trigger", act: resolveOne },
  {
    name: "record call-back (dialog)",
    kind: "dialog",
    act: (rt, data) =>
      rt.callFromDialog(
        "recordCallback",
        data.services.find((s) => s.state === "pending")?.id ?? "",
        { method: "phone", result: "reached", satisfaction: "satisfied" },
        "bench-callback",
      ),
  },
  {
    name: "unit history (dialog)",
    kind: "dialog",
    act: (rt, data) => rt.callFromDialog("getUnitHistory", unitOf(data)),
  },
  {
    name: "health check (dialog)",
    kind: "dialog",
    act: (rt) => rt.callFromDialog("getHealthReport"),
  },
  { name: "hourly run (runReminders)", kind: "run", act: (rt) => rt.run("runReminders") },
  { name: "digest (runDailyDigest)", kind: "run", act: (rt) => rt.run("runDailyDigest") },
  { name: "set-up/repair (setupWorkbook)", kind: "run", act: (rt) => rt.run("setupWorkbook") },
];

/** Runs one action and sums the executions it caused (an edit may fire more than one trigger). */
export function measure(rt: Runtime, rows: number, action: Action, data: Fixture): Measure {
  rt.meter.reset();
  const before = rt.meter.executions.length;
  const started = performance.now();
  let error: string | undefined;
  try {
    action.act(rt, data);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const wallMs = performance.now() - started;
  const runs = rt.meter.executions.slice(before);
  const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((n, r) => n + f(r), 0);
  const calibratedMs = sum((r) => r.modelledMs);
  const pessimistic = sum((r) => pessimisticMs(rt.meter.costs, r.modelledMs, r.waitedMs));
  const limitMs = LIMIT_MS[action.kind];
  error ??= runs.find((r) => r.error)?.error;
  return {
    rows,
    action: action.name,
    kind: action.kind,
    calls: sum((r) => r.calls),
    spreadsheetCalls: rt.meter.total("SpreadsheetApp"),
    mailCalls: rt.meter.total("MailApp"),
    cellsRead: sum((r) => r.cellsRead),
    cellsWritten: sum((r) => r.cellsWritten),
    flushes: sum((r) => r.flushes),
    calibratedMs: Math.round(calibratedMs),
    pessimisticMs: Math.round(pessimistic),
    limitMs,
    flagged: pessimistic > limitMs / 2,
    wallMs: Math.round(wallMs),
    ...(error ? { error } : {}),
    ops: rt.meter.snapshot(),
  };
}

/** The row for a size whose workbook could not be loaded at all. */
export function notLoaded(rows: number, e: unknown): Measure {
  return {
    rows,
    action: "load the workbook",
    kind: "run",
    calls: 0,
    spreadsheetCalls: 0,
    mailCalls: 0,
    cellsRead: 0,
    cellsWritten: 0,
    flushes: 0,
    calibratedMs: 0,
    pessimisticMs: 0,
    limitMs: LIMIT_MS.run,
    flagged: true,
    wallMs: 0,
    error: e instanceof Error ? e.message : String(e),
    ops: {},
  };
}
