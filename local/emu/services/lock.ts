// LockService: the document, script and per-user locks are separate locks (holding one does
// not exclude code holding another); a wait is charged to the waiting run's modelled time.
import { type Api, emulated, guard } from "../guard";
import { type Host, metered } from "../host";

type GasLock = GoogleAppsScript.Lock.Lock;

export const LOCK_SERVICE = emulated<GoogleAppsScript.Lock.LockService>()(
  "LockService",
  "LockService",
  "Lock.LockService",
  ["getDocumentLock", "getScriptLock", "getUserLock"],
);

export const LOCK = emulated<GasLock>()("LockService", "Lock", "Lock.Lock", [
  "tryLock",
  "waitLock",
  "releaseLock",
  "hasLock",
]);

/** Who holds a lock: an execution id, or "other" for someone elsewhere (a test's doing). */
export interface LockHolder {
  id: number | "other";
  /** When "other" lets go (simulated ms); never, when absent. */
  releaseAt?: number;
}

export type LockHolders = Map<string, LockHolder>;

export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

function lock(host: Host, kind: string, holders: LockHolders): GasLock {
  const m = (member: string) => host.meter.record("LockService", `Lock.${member}`);
  const me = () => host.current()?.id ?? 0;
  const mine = () => holders.get(kind)?.id === me();
  /** Ms this execution must wait for the lock: 0 when free, Infinity when the holder keeps it. */
  const waitFor = (): number => {
    const holder = holders.get(kind);
    if (!holder || holder.id === me()) return 0;
    // An execution that overlaps the holder's runs while the holder is paused: it never lets go in time.
    if (holder.releaseAt === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(0, holder.releaseAt - host.clock.now());
  };
  /** Waits up to timeoutMs (charged to the modelled time), then takes the lock or gives up. */
  const acquire = (timeoutMs: number): boolean => {
    const wait = waitFor();
    if (wait > Math.max(0, timeoutMs)) {
      host.meter.charge(Math.max(0, timeoutMs));
      return false;
    }
    host.meter.charge(wait);
    holders.set(kind, { id: me() });
    return true;
  };
  const api = {
    tryLock(timeoutMs: number) {
      m("tryLock");
      return acquire(timeoutMs);
    },
    waitLock(timeoutMs: number) {
      m("waitLock");
      if (!acquire(timeoutMs)) throw new Error(LOCK_TIMEOUT);
    },
    releaseLock() {
      m("releaseLock");
      if (mine()) holders.delete(kind);
    },
    hasLock() {
      m("hasLock");
      return mine();
    },
  } satisfies Api<typeof LOCK>;
  return guard(LOCK, api);
}

export function lockService(host: Host, holders: LockHolders): GoogleAppsScript.Lock.LockService {
  const m = (member: string) => host.meter.record("LockService", `LockService.${member}`);
  const call = metered(m);
  const api = {
    getDocumentLock: () => call("getDocumentLock", () => lock(host, "document", holders)),
    getScriptLock: () => call("getScriptLock", () => lock(host, "script", holders)),
    getUserLock: () => call("getUserLock", () => lock(host, `user:${host.user()}`, holders)),
  } satisfies Api<typeof LOCK_SERVICE>;
  return guard(LOCK_SERVICE, api);
}
