// The local Apps Script runtime: loads the built dist/Code.js into a V8 context whose
// globals are the emulated services, runs entry points as executions (metered, time-limited),
// fires simple and installable triggers, and moves a simulated clock.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { SimClock } from "../clock";
import { type CallCosts, ExecutionTimeExceeded, Meter } from "../meter";
import type { SpreadsheetHandle, UserEditResult } from "./contract";
import { writeOutbox } from "./eml";
import {
  cacheService,
  type Execution,
  type Host,
  type LockHolders,
  lockService,
  logger,
  mailService,
  propertiesService,
  type Quotas,
  type SentMail,
  session,
  utilities,
} from "./services";
import { createSpreadsheetService } from "./spreadsheet";
import { type InstalledTrigger, scheduleNext, scriptApp, triggerApi } from "./triggers";
import { type DialogRecord, htmlService, shimmed, type UiLog, ui } from "./ui";

export interface RuntimeOptions {
  now?: Date | string | number;
  timeZone?: string;
  user?: string;
  locale?: string;
  quotas?: Partial<Quotas>;
  costs?: Partial<CallCosts>;
  distDir?: string;
  /** An .xlsx workbook to open instead of a new one. */
  workbook?: string;
}

export interface Failure {
  name: string;
  at: number;
  message: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const messageOf = (e: unknown) =>
  typeof e === "object" && e !== null && "message" in e
    ? String((e as { message: unknown }).message)
    : String(e);

function hasDate(v: unknown, seen = new Set<unknown>()): boolean {
  if (Object.prototype.toString.call(v) === "[object Date]") return true;
  if (typeof v !== "object" || v === null || seen.has(v)) return false;
  seen.add(v);
  return Object.values(v).some((x) => hasDate(x, seen));
}

export async function createRuntime(options: RuntimeOptions = {}) {
  const clock = new SimClock(new Date(options.now ?? "2026-03-02T01:00:00Z").getTime());
  const meter = new Meter(options.costs);
  const quotas: Quotas = {
    emailRecipientsPerDay: 100,
    triggersPerUser: 20,
    executionMs: 360_000,
    simpleTriggerMs: 30_000,
    ...options.quotas,
  };
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  const locale = options.locale ?? "zh_CN";
  const distDir = options.distDir ?? join(ROOT, "dist");
  let user = options.user ?? "desk@example.com";
  let current: Execution | null = null;
  let executions = 0;
  const logs: string[] = [];
  const failures: Failure[] = [];
  const outbox: SentMail[] = [];
  const installed: InstalledTrigger[] = [];
  const holders: LockHolders = new Map();
  const uiLog: UiLog = { menus: [], alerts: [], answers: [], dialogs: [] };

  const host: Host = {
    meter,
    clock,
    timeZone,
    quotas,
    current: () => current,
    user: () => current?.user ?? user,
    locale: () => locale,
    log: (line) => logs.push(line),
  };
  const inSimple = () => current?.simple === true;
  const theUi = ui(host, uiLog, inSimple);
  const sheets: SpreadsheetHandle = await createSpreadsheetService({
    meter,
    clock,
    getUi: () => theUi as unknown as GoogleAppsScript.Base.Ui,
    timeZone,
    locale,
    xlsxPath: options.workbook,
  });
  const props = propertiesService(host);
  const script = scriptApp(host, installed, inSimple);
  const { Logger, console } = logger(host);

  class SimDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [number]));
    }
    static override now() {
      return clock.now();
    }
  }

  const globals: Record<string, unknown> = {
    SpreadsheetApp: sheets.app,
    MailApp: mailService(host, outbox),
    PropertiesService: props.service,
    CacheService: cacheService(host),
    LockService: lockService(host, holders),
    ScriptApp: script,
    Utilities: utilities(host),
    Session: session(host),
    HtmlService: htmlService(host, distDir),
    Logger,
    console,
    Date: SimDate,
  };
  const context = vm.createContext({ ...globals });
  vm.runInContext(readFileSync(join(distDir, "Code.js"), "utf8"), context, { filename: "Code.js" });
  const injected = new Set(Object.keys(globals));

  function execute<T>(name: string, simple: boolean, body: () => T, as = user): T {
    const exec: Execution = { id: ++executions, name, simple, user: as };
    const limit = simple ? quotas.simpleTriggerMs : quotas.executionMs;
    const startedAt = clock.now();
    current = exec;
    meter.beginExecution(name, startedAt, limit);
    let result: T | undefined;
    let error: unknown;
    try {
      result = body();
    } catch (e) {
      error = e;
    }
    for (const [kind, holder] of holders) if (holder === exec.id) holders.delete(kind);
    const record = meter.endExecution(error);
    // A script that swallowed the time-out exception was stopped all the same.
    if (error === undefined && record && record.modelledMs > limit) error = new ExecutionTimeExceeded();
    current = null;
    if (record) clock.advance(Math.ceil(record.modelledMs));
    if (error !== undefined) {
      failures.push({ name, at: startedAt, message: messageOf(error) });
      throw error;
    }
    return result as T;
  }

  const fn = (name: string) => {
    const f = (context as Record<string, unknown>)[name];
    if (typeof f !== "function") throw new Error(`Script function not found: ${name}`);
    return f as (...args: unknown[]) => unknown;
  };

  function fireInstallable(type: InstalledTrigger["type"], event: Record<string, unknown>) {
    for (const t of installed.filter((x) => x.type === type))
      try {
        execute(
          t.handler,
          false,
          () => fn(t.handler)({ ...event, triggerUid: t.id, authMode: "FULL" }),
          t.user,
        );
      } catch {
        // Recorded in failures; Google emails the trigger's owner and carries on.
      }
  }

  function fireClock(t: InstalledTrigger, at: number) {
    const p = new Date(at);
    const event = {
      authMode: "FULL",
      triggerUid: t.id,
      year: p.getUTCFullYear(),
      month: p.getUTCMonth() + 1,
      "day-of-month": p.getUTCDate(),
      hour: p.getUTCHours(),
      minute: p.getUTCMinutes(),
      second: p.getUTCSeconds(),
      timezone: "UTC",
    };
    try {
      execute(t.handler, false, () => fn(t.handler)(event), t.user);
    } catch {
      // Recorded in failures.
    }
  }

  function advanceTo(target: Date | string | number) {
    const end = new Date(target).getTime();
    for (;;) {
      const due = installed
        .filter((t) => t.type === "CLOCK" && t.nextAt !== null && t.nextAt <= end)
        .sort((a, b) => (a.nextAt ?? 0) - (b.nextAt ?? 0) || a.created - b.created)[0];
      if (!due || due.nextAt === null) break;
      const at = due.nextAt;
      if (at > clock.now()) clock.set(at);
      due.nextAt = due.everyMs || due.atHour !== null ? scheduleNext(due, Math.max(at, clock.now())) : null;
      if (due.nextAt === null && !due.everyMs) installed.splice(installed.indexOf(due), 1);
      fireClock(due, at);
    }
    if (end > clock.now()) clock.set(end);
  }

  const spreadsheet = sheets.spreadsheet;
  const userObject = () => ({ getEmail: () => user, getNickname: () => user.split("@")[0] ?? user });

  return {
    clock,
    meter,
    quotas,
    sheets,
    context: context as Record<string, unknown>,
    scriptApp: script,
    ui: uiLog,
    outbox,
    failures,
    logs,
    get user() {
      return user;
    },
    setUser(email: string) {
      user = email;
    },
    entryPoints(): string[] {
      return Object.keys(context).filter(
        (k) => !injected.has(k) && typeof (context as Record<string, unknown>)[k] === "function",
      );
    },
    run(name: string, ...args: unknown[]): unknown {
      return execute(name, false, () => fn(name)(...args));
    },
    /** As google.script.run: arguments and result travel as JSON; Dates are refused. */
    callFromDialog(name: string, ...args: unknown[]): unknown {
      args.forEach((a, i) => {
        if (hasDate(a)) throw new Error(`Failed due to illegal value in property: ${i}`);
      });
      const sent = JSON.parse(JSON.stringify(args)) as unknown[];
      let result: unknown;
      try {
        result = execute(name, false, () => fn(name)(...sent));
      } catch (e) {
        throw new Error(messageOf(e));
      }
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    },
    open() {
      const event = { source: spreadsheet, authMode: "LIMITED", user: userObject() };
      if (typeof (context as Record<string, unknown>).onOpen === "function")
        try {
          execute("onOpen", true, () => fn("onOpen")(event));
        } catch {
          // Recorded in failures.
        }
      fireInstallable("ON_OPEN", { source: spreadsheet, user: userObject() });
    },
    /** A person typing (a string) or pasting (rows) into a sheet; fires onEdit like Sheets. */
    edit(sheetName: string, a1: string, input: string | unknown[][]): UserEditResult {
      const result = sheets.userEdit(sheetName, a1, input);
      if (!result.accepted) return result;
      const event: Record<string, unknown> = {
        source: spreadsheet,
        range: result.range,
        authMode: "LIMITED",
        user: userObject(),
        triggerUid: "",
      };
      if (result.value !== undefined) event.value = result.value;
      if (result.oldValue !== undefined) event.oldValue = result.oldValue;
      if (typeof (context as Record<string, unknown>).onEdit === "function")
        try {
          execute("onEdit", true, () => fn("onEdit")(event));
        } catch {
          // Recorded in failures.
        }
      fireInstallable("ON_EDIT", event);
      return result;
    },
    advanceTo,
    advanceBy(ms: number) {
      advanceTo(clock.now() + ms);
    },
    /** Installed triggers of every user. */
    triggers() {
      return installed.map(triggerApi);
    },
    /** Someone else holds the lock until the returned function is called. */
    holdLock(kind: "document" | "script") {
      holders.set(kind, "other");
      return () => {
        if (holders.get(kind) === "other") holders.delete(kind);
      };
    },
    dialogHtml(dialog: DialogRecord): string {
      return shimmed(dialog.html);
    },
    writeDialogs(dir: string) {
      mkdirSync(dir, { recursive: true });
      uiLog.dialogs.forEach((d, i) =>
        writeFileSync(
          join(dir, `${i + 1}-${d.title.replace(/[^\p{L}\p{N}]+/gu, "-")}.html`),
          shimmed(d.html),
        ),
      );
    },
    writeOutbox(dir: string) {
      writeOutbox(outbox, dir, timeZone);
    },
    saveXlsx(path: string) {
      return sheets.saveXlsx(path);
    },
    properties: props.stores,
  };
}

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
