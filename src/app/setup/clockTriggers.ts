// The desk's two clock triggers as their owner sees them: each handler installed once, the
// digest at the hour and zone Settings name.
import { dedupeTriggers, ensureClockTrigger } from "../../gas/services";
import type { Finding } from "../findings";
import type { CurrentUser } from "../identity";
import type { Office } from "../office";
import { digestIsStale, type TriggerOwner, writeOwner } from "./triggerOwner";

export const CLOCK_HANDLERS = ["runReminders", "runDailyDigest"] as const;

const hourText = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** The owner's own view: each handler installed once, the digest at Settings' hour. */
export function ownerChecks(
  office: Office,
  me: CurrentUser,
  counts: Map<string, number>,
  owner: TriggerOwner | null,
  out: Finding[],
) {
  const { t } = office;
  for (const handler of CLOCK_HANDLERS) {
    const n = counts.get(handler) ?? 0;
    if (n === 1) continue;
    if (n > 1) {
      out.push({
        problem: t("health.duplicateTrigger", { handler, count: n }),
        done: t("setup.dedupedTrigger", { handler, count: n - 1 }),
        fix: () => dedupeTriggers(handler),
      });
      continue;
    }
    out.push({
      problem: t("health.missingTrigger", { handler }),
      done: t("setup.trigger", { handler }),
      fix: () => {
        ensureClockTrigger(handler, (b) => buildClock(handler, b, office));
        writeOwner(office, me);
      },
    });
  }
  if (owner && (counts.get("runDailyDigest") ?? 0) >= 1 && digestIsStale(owner, office))
    out.push(digestHourFinding(office, me, owner));
}

function buildClock(
  handler: string,
  b: GoogleAppsScript.Script.ClockTriggerBuilder,
  office: Office,
): GoogleAppsScript.Script.ClockTriggerBuilder {
  const { settings } = office;
  return handler === "runReminders"
    ? b.everyHours(1)
    : b.atHour(settings.digestHour).everyDays(1).inTimezone(settings.timeZone);
}

/** Moves the digest trigger to the hour and zone Settings name now. */
export function digestHourFinding(office: Office, me: CurrentUser, owner: TriggerOwner): Finding {
  const { t, settings } = office;
  const expected = hourText(settings.digestHour);
  return {
    problem: t("health.digestHour", { found: `${hourText(owner.digestHour)} (${owner.zone})`, expected }),
    done: t("setup.digestHour", { expected, zone: settings.timeZone }),
    fix: () => {
      removeTriggers("runDailyDigest");
      ensureClockTrigger("runDailyDigest", (b) => buildClock("runDailyDigest", b, office));
      writeOwner(office, me);
    },
  };
}

/** Removes every trigger of this account for the handler (ScriptApp sees only one's own). */
export function removeTriggers(handler: string) {
  for (const trigger of ScriptApp.getProjectTriggers())
    if (trigger.getHandlerFunction() === handler) ScriptApp.deleteTrigger(trigger);
}
