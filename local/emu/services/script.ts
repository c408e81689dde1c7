// ScriptApp: installable triggers (time-driven and spreadsheet events), per user, with the
// 20-per-user limit, and the schedule the simulated clock fires them on.
import { randomUUID } from "node:crypto";
import { localParts, zonedTime } from "./dateformat";
import type { Host } from "./services";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type EventType = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";

export interface InstalledTrigger {
  id: string;
  handler: string;
  type: EventType;
  user: string;
  /** Next time a clock trigger fires (ms), or null for a one-off that has fired. */
  nextAt: number | null;
  everyMs: number | null;
  atHour: number | null;
  minute: number;
  timeZone: string;
  created: number;
}

export function triggerApi(t: InstalledTrigger) {
  return {
    getHandlerFunction: () => t.handler,
    getUniqueId: () => t.id,
    getEventType: () => t.type,
    getTriggerSource: () => (t.type === "CLOCK" ? "CLOCK" : "SPREADSHEETS"),
    getTriggerSourceId: () => (t.type === "CLOCK" ? null : "spreadsheet"),
  };
}

/** The next local time at hour `h` (plus `minute`) after `after`, in `timeZone`. */
function nextDaily(after: number, h: number, minute: number, timeZone: string, everyDays: number): number {
  const p = localParts(after, timeZone);
  let at = zonedTime(timeZone, p.year, p.month, p.day, h, minute);
  while (at <= after) at += DAY;
  return at + (everyDays - 1) * DAY;
}

export function scheduleNext(t: InstalledTrigger, after: number): number | null {
  if (t.atHour !== null)
    return nextDaily(
      after,
      t.atHour,
      t.minute,
      t.timeZone,
      Math.max(1, Math.round((t.everyMs ?? DAY) / DAY)),
    );
  if (t.everyMs) {
    let at = t.nextAt ?? t.created;
    while (at <= after) at += t.everyMs;
    return at;
  }
  return null;
}

export function scriptApp(host: Host, triggers: InstalledTrigger[], inSimpleTrigger: () => boolean) {
  const m = (member: string) => host.meter.record("ScriptApp", member);
  const mine = () => triggers.filter((t) => t.user === host.user());
  const install = (t: Omit<InstalledTrigger, "id" | "user" | "created">) => {
    if (inSimpleTrigger()) throw new Error("You do not have permission to call ScriptApp.newTrigger.");
    if (mine().length >= host.quotas.triggersPerUser)
      throw new Error(
        "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
      );
    const installed: InstalledTrigger = {
      ...t,
      id: randomUUID(),
      user: host.user(),
      created: host.clock.now(),
    };
    if (installed.type === "CLOCK" && installed.nextAt === null)
      installed.nextAt = scheduleNext(installed, host.clock.now());
    triggers.push(installed);
    return triggerApi(installed);
  };

  const clockBuilder = (handler: string) => {
    const spec = {
      everyMs: null as number | null,
      atHour: null as number | null,
      minute: 0,
      timeZone: host.timeZone,
      at: null as number | null,
    };
    const b = {
      everyMinutes(n: number) {
        if (![1, 5, 10, 15, 30].includes(n))
          throw new Error("The value passed to everyMinutes must be 1, 5, 10, 15 or 30.");
        spec.everyMs = n * 60_000;
        return b;
      },
      everyHours(n: number) {
        spec.everyMs = n * HOUR;
        return b;
      },
      everyDays(n: number) {
        spec.everyMs = n * DAY;
        return b;
      },
      atHour(h: number) {
        spec.atHour = h;
        return b;
      },
      nearMinute(minute: number) {
        spec.minute = minute;
        return b;
      },
      inTimezone(tz: string) {
        spec.timeZone = tz;
        return b;
      },
      at(date: Date) {
        spec.at = date.getTime();
        return b;
      },
      after(ms: number) {
        spec.at = host.clock.now() + ms;
        return b;
      },
      create() {
        m("ClockTriggerBuilder.create");
        if (spec.atHour !== null && (spec.everyMs ?? 0) < DAY)
          throw new Error("atHour requires everyDays or onWeekDay.");
        return install({
          handler,
          type: "CLOCK",
          nextAt: spec.at,
          everyMs: spec.at !== null ? null : spec.everyMs,
          atHour: spec.atHour,
          // Google runs a daily trigger some time within the hour; this one runs 15 minutes in.
          minute: spec.atHour !== null && spec.minute === 0 ? 15 : spec.minute,
          timeZone: spec.timeZone,
        });
      },
    };
    return b;
  };

  const sheetBuilder = (handler: string) => {
    const make = (type: EventType) => ({
      create: () => {
        m("SpreadsheetTriggerBuilder.create");
        return install({
          handler,
          type,
          nextAt: null,
          everyMs: null,
          atHour: null,
          minute: 0,
          timeZone: host.timeZone,
        });
      },
    });
    return {
      onOpen: () => make("ON_OPEN"),
      onEdit: () => make("ON_EDIT"),
      onChange: () => make("ON_CHANGE"),
      onFormSubmit: () => make("ON_FORM_SUBMIT"),
    };
  };

  return {
    newTrigger(handler: string) {
      m("ScriptApp.newTrigger");
      return {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (_ss: unknown) => sheetBuilder(handler),
      };
    },
    getProjectTriggers() {
      m("ScriptApp.getProjectTriggers");
      return mine().map(triggerApi);
    },
    getUserTriggers(_doc: unknown) {
      m("ScriptApp.getUserTriggers");
      return mine().map(triggerApi);
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      m("ScriptApp.deleteTrigger");
      const i = triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.user === host.user());
      if (i >= 0) triggers.splice(i, 1);
    },
    EventType: {
      CLOCK: "CLOCK",
      ON_OPEN: "ON_OPEN",
      ON_EDIT: "ON_EDIT",
      ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
      ON_CHANGE: "ON_CHANGE",
    },
    TriggerSource: { CLOCK: "CLOCK", SPREADSHEETS: "SPREADSHEETS", FORMS: "FORMS" },
    AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL", CUSTOM_FUNCTION: "CUSTOM_FUNCTION" },
    getScriptId: () => "local-script",
  };
}
