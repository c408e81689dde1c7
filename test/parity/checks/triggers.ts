// 20 installable triggers per user per script: the 21st is refused. Leaves the user's
// triggers as it found them.
import type { ParityGlobals, Recorder } from "../report";

/** The handler the check's triggers name (a no-op in the parity bundle). */
export const NOOP = "parityNoop";
const LIMIT = 20;
const TOO_MANY = /too many triggers/i;

export function triggerLimit(g: ParityGlobals, r: Recorder): void {
  const before = g.ScriptApp.getProjectTriggers().length;
  if (before >= LIMIT) {
    r.skip("20 triggers per user", `this user already has ${before} triggers in the scratch project`);
    return;
  }
  const create = () => g.ScriptApp.newTrigger(NOOP).timeBased().everyHours(12).create();
  try {
    r.time("ScriptApp.ScriptApp.newTrigger + ScriptApp.ClockTriggerBuilder.create", 0, LIMIT - before, () => {
      for (let i = before; i < LIMIT; i++) create();
    });
    const all = r.time("ScriptApp.ScriptApp.getProjectTriggers", 0, 1, () =>
      g.ScriptApp.getProjectTriggers(),
    );
    r.same("20 triggers can be installed", all.length, LIMIT);
    r.same(
      "getProjectTriggers finds them by handler",
      all.filter((t) => t.getHandlerFunction() === NOOP).length,
      LIMIT - before,
    );
    r.throws("the 21st is refused", create, TOO_MANY);
  } finally {
    const ours = g.ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === NOOP);
    r.time("ScriptApp.ScriptApp.deleteTrigger", 0, ours.length, () => {
      for (const t of ours) g.ScriptApp.deleteTrigger(t);
    });
  }
  r.same("deleting them leaves the count as it was", g.ScriptApp.getProjectTriggers().length, before);
}
