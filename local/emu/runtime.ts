// The local Apps Script runtime: loads the built dist/Code.js into a V8 context whose
// globals are the emulated services, runs entry points as executions (metered, time-limited,
// possibly overlapping), fires simple and installable triggers, and moves a simulated clock.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { SimClock } from "../clock";
import { type CallCosts, ExecutionTimeExceeded } from "../meter";
import type { SpreadsheetHandle, UserEditResult } from "./contract";
import { writeOutbox } from "./eml";
import type { Execution, Host, Quotas } from "./host";
import { type InterleaveWhen, type Interleaving, InterleavingMeter } from "./interleave";
import { cacheService } from "./services/cache";
import { driveService } from "./services/drive";
import { htmlService, shimmed } from "./services/html";
import { type LockHolders, lockService } from "./services/lock";
import { logger } from "./services/logger";
import { mailService, type SentMail } from "./services/mail";
import { propertiesService } from "./services/properties";
import { type InstalledTrigger, scheduleNext, scriptApp, triggerApi } from "./services/script";
import { session, temporaryUserKey } from "./services/session";
import { utilities } from "./services/utilities";
import { createSpreadsheetService } from "./spreadsheet";
import { type DialogRecord, type UiLog, ui } from "./ui";

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
  /** The account that owns the script; by default the first user. */
  owner?: string;
  /** "consumer" (gmail.com, the default) or "workspace": what Session reveals, and the daily quotas. */
  account?: "consumer" | "workspace";
  /** A Workspace account's domain; by default the owner's. */
  domain?: string;
}

const HOUR = 3_600_000;
const SCRIPT_ID = "local-script";
const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();
const userObject = (email: string) => ({
  getEmail: () => email,
  getNickname: () => email.split("@")[0] ?? email,
  toString: () => email,
});

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
  const meter = new InterleavingMeter(options.costs);
  const account = options.account ?? "consumer";
  const quotas: Quotas = {
    emailRecipientsPerDay: account === "workspace" ? 1500 : 100,
    triggersPerUser: 20,
    executionMs: 360_000,
    simpleTriggerMs: 30_000,
    triggerMsPerDay: (account === "workspace" ? 6 : 1.5) * HOUR,
    ...options.quotas,
  };
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  const locale = options.locale ?? "zh_CN";
  const distDir = options.distDir ?? join(ROOT, "dist");
  let user = options.user ?? "desk@example.com";
  const owner = options.owner ?? user;
  const domain = (options.domain ?? domainOf(owner)).toLowerCase();
  /** Running executions, innermost last: a person's edit or another run can land inside one. */
  const stack: Execution[] = [];
  const current = () => stack[stack.length - 1] ?? null;
  let executions = 0;
  const logs: string[] = [];
  const failures: Failure[] = [];
  const outbox: SentMail[] = [];
  const installed: InstalledTrigger[] = [];
  const holders: LockHolders = new Map();
  const uiLog: UiLog = { menus: [], alerts: [], answers: [], dialogs: [] };
  /** Installable trigger time per user in the current 24-hour window. */
  const triggerTime = new Map<string, { since: number; usedMs: number }>();

  // A run's clock moves with the modelled time it has spent.
  clock.follow(() => {
    const exec = current();
    return exec ? exec.startedAt + meter.elapsedMs : null;
  });
  meter.execution = () => current()?.name ?? null;

  /** Google hides who is editing from simple triggers, except for the owner (and, on Workspace, the owner's domain). */
  const revealedInSimple = (email: string) =>
    email.toLowerCase() === owner.toLowerCase() || (account === "workspace" && domainOf(email) === domain);

  const host: Host = {
    meter,
    clock,
    timeZone,
    quotas,
    current,
    user: () => current()?.user ?? user,
    email: () => current()?.email ?? user,
    scriptId: SCRIPT_ID,
    locale: () => locale,
    log: (line) => logs.push(line),
  };
  const inSimple = () => current()?.simple === true;
  const theUi = ui(host, uiLog, inSimple);
  const sheets: SpreadsheetHandle = await createSpreadsheetService({
    meter,
    clock,
    getUi: () => theUi,
    timeZone,
    locale,
    xlsxPath: options.workbook,
  });
  const props = propertiesService(host);
  const script = scriptApp(host, installed, inSimple);
  const { Logger, console } = logger(host);
  const drive = driveService(host, distDir);

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
  // An advanced service is a global only when the manifest enables it.
  if (drive.service) globals.Drive = drive.service;
  const context = vm.createContext({ ...globals });
  vm.runInContext(readFileSync(join(distDir, "Code.js"), "utf8"), context, { filename: "Code.js" });
  const injected = new Set(Object.keys(globals));

  function windowOf(who: string) {
    const now = clock.now();
    let used = triggerTime.get(who);
    // Google's daily quotas reset 24 hours after their first use.
    if (!used || now >= used.since + 24 * HOUR) {
      used = { since: now, usedMs: 0 };
      triggerTime.set(who, used);
    }
    return used;
  }

  interface Run {
    name: string;
    simple?: boolean;
    /** An installable trigger's execution: counts against its owner's daily trigger time. */
    trigger?: boolean;
    as?: string;
  }

  function execute<T>(run: Run, body: () => T): T {
    const as = run.as ?? user;
    const simple = run.simple === true;
    const startedAt = clock.now();
    const exec: Execution = {
      id: ++executions,
      name: run.name,
      simple,
      user: as,
      email: !simple || revealedInSimple(as) ? as : "",
      startedAt,
    };
    const limit = simple ? quotas.simpleTriggerMs : quotas.executionMs;
    const daily = run.trigger ? windowOf(as) : null;
    stack.push(exec);
    meter.beginExecution(run.name, startedAt, limit);
    let result: T | undefined;
    let error: unknown;
    try {
      if (daily && daily.usedMs >= quotas.triggerMsPerDay)
        throw new Error("Service using too much computer time for one day.");
      result = body();
    } catch (e) {
      error = e;
    }
    for (const [kind, holder] of holders) if (holder.id === exec.id) holders.delete(kind);
    const record = meter.endExecution(error);
    stack.pop();
    // A script that swallowed the time-out exception was stopped all the same.
    if (error === undefined && record && record.modelledMs > limit) error = new ExecutionTimeExceeded();
    if (record) {
      clock.set(Math.max(clock.resting, startedAt + Math.ceil(record.modelledMs)));
      if (daily) daily.usedMs += record.modelledMs;
    }
    if (error !== undefined) {
      failures.push({ name: run.name, at: startedAt, message: messageOf(error) });
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
        execute({ name: t.handler, trigger: true, as: t.user }, () =>
          fn(t.handler)({ ...event, triggerUid: t.id, authMode: "FULL" }),
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
      execute({ name: t.handler, trigger: true, as: t.user }, () => fn(t.handler)(event));
    } catch {
      // Recorded in failures.
    }
  }

  /** A simple trigger's event sees the person only where Google would reveal them. */
  const simpleUser = () => userObject(revealedInSimple(user) ? user : "");

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
    /** The account that owns the script. */
    owner,
    account,
    setUser(email: string) {
      user = email;
    },
    /** What Session.getTemporaryActiveUserKey() returns for `email` in this script. */
    temporaryUserKey(email: string = user): string {
      return temporaryUserKey(SCRIPT_ID, email);
    },
    entryPoints(): string[] {
      return Object.keys(context).filter(
        (k) => !injected.has(k) && typeof (context as Record<string, unknown>)[k] === "function",
      );
    },
    /** Runs an entry point as the current user (from the editor, or a menu item). */
    run(name: string, ...args: unknown[]): unknown {
      return execute({ name }, () => fn(name)(...args));
    },
    /**
     * Runs code of the test's own as an execution of the script (metered, time-limited, its
     * clock moving), handing it the globals the bundle sees: for checks written against the
     * Apps Script globals, such as the parity suite, that run here and on Google alike.
     */
    runWithGlobals<T>(name: string, body: (globals: Readonly<Record<string, unknown>>) => T): T {
      return execute({ name }, () => body(globals));
    },
    /** As google.script.run: arguments and result travel as JSON; Dates are refused. */
    callFromDialog(name: string, ...args: unknown[]): unknown {
      args.forEach((a, i) => {
        if (hasDate(a)) throw new Error(`Failed due to illegal value in property: ${i}`);
      });
      const sent = JSON.parse(JSON.stringify(args)) as unknown[];
      let result: unknown;
      try {
        result = execute({ name }, () => fn(name)(...sent));
      } catch (e) {
        throw new Error(messageOf(e));
      }
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    },
    open() {
      const event = { source: spreadsheet, authMode: "LIMITED", user: simpleUser() };
      if (typeof (context as Record<string, unknown>).onOpen === "function")
        try {
          execute({ name: "onOpen", simple: true }, () => fn("onOpen")(event));
        } catch {
          // Recorded in failures.
        }
      fireInstallable("ON_OPEN", { source: spreadsheet, user: userObject(user) });
    },
    /** A person typing (a string) or pasting (rows) into a sheet; fires onEdit like Sheets. */
    edit(sheetName: string, a1: string, input: string | unknown[][]): UserEditResult {
      const result = sheets.userEdit(sheetName, a1, input);
      if (!result.accepted) return result;
      const event: Record<string, unknown> = {
        source: spreadsheet,
        range: result.range,
        authMode: "LIMITED",
        user: simpleUser(),
        triggerUid: "",
      };
      if (result.value !== undefined) event.value = result.value;
      if (result.oldValue !== undefined) event.oldValue = result.oldValue;
      if (typeof (context as Record<string, unknown>).onEdit === "function")
        try {
          execute({ name: "onEdit", simple: true }, () => fn("onEdit")(event));
        } catch {
          // Recorded in failures.
        }
      fireInstallable("ON_EDIT", { ...event, user: userObject(user) });
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
    /**
     * Someone else holds the lock until the returned function is called, or, with
     * releaseAfterMs, until that much simulated time has passed: a wait that outlasts it
     * takes the lock after waiting only the rest (charged to the waiting run).
     */
    holdLock(kind: "document" | "script", hold: { releaseAfterMs?: number } = {}) {
      const releaseAt = hold.releaseAfterMs === undefined ? undefined : clock.now() + hold.releaseAfterMs;
      holders.set(kind, { id: "other", releaseAt });
      return () => {
        if (holders.get(kind)?.id === "other") holders.delete(kind);
      };
    },
    /**
     * Runs `action` once, right before the matching service call of a running execution:
     * a person's edit, sort or row insert, or another execution (`rt.run`, `rt.edit`), which
     * then overlaps the one it interrupted.
     */
    interleave(when: InterleaveWhen, action: () => void): Interleaving {
      return meter.schedule(when, action);
    },
    /** Entry points of the executions running now, outermost first (empty between executions). */
    running(): string[] {
      return stack.map((e) => e.name);
    },
    /** A user's installable trigger time in the current 24-hour window. */
    triggerTime(email: string = owner) {
      const used = triggerTime.get(email);
      const live = used && clock.now() < used.since + 24 * HOUR;
      return { usedMs: live ? used.usedMs : 0, limitMs: quotas.triggerMsPerDay };
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
    /** The user's Drive as the Drive advanced service sees it. */
    drive,
  };
}

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
