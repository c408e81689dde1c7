// ScriptApp: installable triggers (time-driven and spreadsheet events), per user, with the
// 20-per-user limit, and the schedule the simulated clock fires them on.
import { randomUUID } from "node:crypto";
import { localParts, zonedTime } from "../dateformat";
import { type Api, emulated, guard, guardEnum } from "../guard";
import type { Host } from "../host";

type GasTrigger = GoogleAppsScript.Script.Trigger;
type GasClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GasSheetBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export const SCRIPT_APP = emulated<GoogleAppsScript.Script.ScriptApp>()(
  "ScriptApp",
  "ScriptApp",
  "Script.ScriptApp",
  ["newTrigger", "getProjectTriggers", "getUserTriggers", "deleteTrigger", "getScriptId"],
  ["EventType", "TriggerSource", "AuthMode"],
);

export const TRIGGER_BUILDER = emulated<GoogleAppsScript.Script.TriggerBuilder>()(
  "ScriptApp",
  "TriggerBuilder",
  "Script.TriggerBuilder",
  ["timeBased", "forSpreadsheet"],
);

export const CLOCK_TRIGGER_BUILDER = emulated<GasClockBuilder>()(
  "ScriptApp",
  "ClockTriggerBuilder",
  "Script.ClockTriggerBuilder",
  ["everyMinutes", "everyHours", "everyDays", "atHour", "nearMinute", "inTimezone", "at", "after", "create"],
);

export const SPREADSHEET_TRIGGER_BUILDER = emulated<GasSheetBuilder>()(
  "ScriptApp",
  "SpreadsheetTriggerBuilder",
  "Script.SpreadsheetTriggerBuilder",
  ["onOpen", "onEdit", "onChange", "onFormSubmit", "create"],
);

export const TRIGGER = emulated<GasTrigger>()("ScriptApp", "Trigger", "Script.Trigger", [
  "getHandlerFunction",
  "getUniqueId",
  "getEventType",
  "getTriggerSource",
  "getTriggerSourceId",
]);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type EventType = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_FORM_SUBMIT" | "ON_CHANGE";

export const TOO_MANY_TRIGGERS =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";

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

// Enums are the names as strings: a script compares them with ScriptApp.EventType.* only.
const EventType = guardEnum("ScriptApp.EventType", {
  CLOCK: "CLOCK",
  ON_OPEN: "ON_OPEN",
  ON_EDIT: "ON_EDIT",
  ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
  ON_CHANGE: "ON_CHANGE",
});
const TriggerSource = guardEnum("ScriptApp.TriggerSource", {
  CLOCK: "CLOCK",
  SPREADSHEETS: "SPREADSHEETS",
  FORMS: "FORMS",
});
const AuthMode = guardEnum("ScriptApp.AuthMode", {
  NONE: "NONE",
  LIMITED: "LIMITED",
  FULL: "FULL",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
});

export function triggerApi(t: InstalledTrigger): GasTrigger {
  return guard(TRIGGER, {
    getHandlerFunction: () => t.handler,
    getUniqueId: () => t.id,
    getEventType: () => t.type as unknown as GoogleAppsScript.Script.EventType,
    getTriggerSource: () =>
      (t.type === "CLOCK" ? "CLOCK" : "SPREADSHEETS") as unknown as GoogleAppsScript.Script.TriggerSource,
    // Google returns null for a time-driven trigger, whatever @types says.
    getTriggerSourceId: () => (t.type === "CLOCK" ? null : "spreadsheet") as string,
  } satisfies Api<typeof TRIGGER>);
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

export function scriptApp(
  host: Host,
  triggers: InstalledTrigger[],
  inSimpleTrigger: () => boolean,
): GoogleAppsScript.Script.ScriptApp {
  const m = (member: string) => host.meter.record("ScriptApp", member);
  const mine = () => triggers.filter((t) => t.user === host.user());
  const install = (t: Omit<InstalledTrigger, "id" | "user" | "created">) => {
    if (inSimpleTrigger()) throw new Error("You do not have permission to call ScriptApp.newTrigger.");
    if (mine().length >= host.quotas.triggersPerUser) throw new Error(TOO_MANY_TRIGGERS);
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
    const b: GasClockBuilder = guard(CLOCK_TRIGGER_BUILDER, {
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
    } satisfies Api<typeof CLOCK_TRIGGER_BUILDER>);
    return b;
  };

  const sheetBuilder = (handler: string) => {
    let type: EventType | null = null;
    const on = (t: EventType) => () => {
      type = t;
      return b;
    };
    const b: GasSheetBuilder = guard(SPREADSHEET_TRIGGER_BUILDER, {
      onOpen: on("ON_OPEN"),
      onEdit: on("ON_EDIT"),
      onChange: on("ON_CHANGE"),
      onFormSubmit: on("ON_FORM_SUBMIT"),
      create: () => {
        m("SpreadsheetTriggerBuilder.create");
        if (type === null)
          throw new Error("Choose the event first: onOpen, onEdit, onChange or onFormSubmit.");
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
    } satisfies Api<typeof SPREADSHEET_TRIGGER_BUILDER>);
    return b;
  };

  const api = {
    newTrigger(handler: string) {
      m("ScriptApp.newTrigger");
      return guard(TRIGGER_BUILDER, {
        timeBased: () => clockBuilder(handler),
        forSpreadsheet: (_ss: unknown) => sheetBuilder(handler),
      } satisfies Api<typeof TRIGGER_BUILDER>);
    },
    getProjectTriggers() {
      m("ScriptApp.getProjectTriggers");
      return mine().map(triggerApi);
    },
    getUserTriggers(_doc: unknown) {
      m("ScriptApp.getUserTriggers");
      return mine().map(triggerApi);
    },
    deleteTrigger(trigger: GasTrigger) {
      m("ScriptApp.deleteTrigger");
      const i = triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.user === host.user());
      if (i >= 0) triggers.splice(i, 1);
    },
    getScriptId: () => host.scriptId,
  } satisfies Api<typeof SCRIPT_APP>;
  return guard(SCRIPT_APP, {
    ...api,
    EventType: EventType as object,
    TriggerSource: TriggerSource as object,
    AuthMode: AuthMode as object,
  });
}
