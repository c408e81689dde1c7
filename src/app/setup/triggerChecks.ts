// Which account's triggers run the desk, and what this account may repair: only the owner's
// own triggers; another account takes over only when the owner's have fallen silent.
import { formatLocal } from "../../domain/dates";
import { triggerCounts } from "../../gas/services";
import type { Finding } from "../findings";
import type { CurrentUser } from "../identity";
import type { Office } from "../office";
import { lastSuccess } from "../runs";
import { CLOCK_HANDLERS, ownerChecks, removeTriggers } from "./clockTriggers";
import { readOwner, sameAccount, writeOwner } from "./triggerOwner";

/** An owner's triggers silent this long count as gone: another account may then take over. */
const OWNER_SILENT_MS = 24 * 3_600_000;
/** Without a record, a run this recent means someone else's triggers are running the desk. */
const RECENT_RUN_MS = 2 * 3_600_000;

export function checkTriggers(office: Office, me: CurrentUser, out: Finding[], apply: boolean) {
  const { t, now, codec } = office;
  const owner = readOwner();
  const counts = triggerCounts();
  const mineCount = CLOCK_HANDLERS.reduce((n, h) => n + (counts.get(h) ?? 0), 0);
  const lastRun = lastSuccess("runReminders")?.getTime() ?? 0;
  const when = (ms: number) => formatLocal(ms, codec.utcOffsetMinutes);
  const claim = () => writeOwner(office, me);

  if (owner && !sameAccount(owner.email, me.email)) {
    const heard = Math.max(lastRun, owner.at);
    if (now.getTime() - heard > OWNER_SILENT_MS) {
      // The owner's triggers are gone (or the account is): this account may run the desk instead.
      out.push({
        problem: t("health.triggersOfStale", {
          owner: owner.email,
          handler: "runReminders",
          at: when(heard),
        }),
        done: t("setup.tookOverTriggers", { previous: owner.email, at: when(heard), owner: me.email }),
        fix: claim,
      });
      ownerChecks(office, me, counts, null, out);
      return;
    }
    out.push({
      info: true,
      problem: t("health.triggersOf", { owner: owner.email, at: when(owner.at) }),
      done: "",
    });
    for (const handler of CLOCK_HANDLERS)
      if (counts.get(handler))
        out.push({
          problem: t("health.ownTriggersExtra", { handler, owner: owner.email }),
          done: t("setup.removedOwnTriggers", { handler, owner: owner.email }),
          fix: () => removeTriggers(handler),
        });
    return;
  }
  if (!owner && !mineCount && lastRun && now.getTime() - lastRun < RECENT_RUN_MS) {
    const text = t("health.triggersUnrecorded", { handler: "runReminders", at: when(lastRun) });
    out.push({ manual: true, problem: text, done: text });
    return;
  }
  // Triggers this account installed before the desk recorded owners: taken as installed at the
  // digest hour Settings has now (set-up always used it). Recording them changes no cell.
  if (!owner && mineCount && apply) claim();
  ownerChecks(office, me, counts, owner, out);
}
