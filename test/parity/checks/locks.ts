// The document and the script lock are two locks; tryLock answers, waitLock throws on a
// timeout, releaseLock lets go. Contention needs a second execution: local runs only.
import type { ParityGlobals, Recorder } from "../report";

const TIMEOUT = /lock timeout|timed out|too long/i;
const REPEATS = 5;

export function lockSemantics(g: ParityGlobals, r: Recorder): void {
  const document = g.LockService.getDocumentLock();
  const script = g.LockService.getScriptLock();
  r.ok("a bound script has a document lock", document !== null, "getDocumentLock() returned null");
  r.same("tryLock on a free lock takes it", document.tryLock(0), true);
  r.same("… and hasLock says so", document.hasLock(), true);
  r.same("the script lock is another lock: not held", script.hasLock(), false);
  r.same("… and free while the document lock is held", script.tryLock(0), true);
  r.same("the holder may ask again", document.tryLock(0), true);
  document.releaseLock();
  script.releaseLock();
  r.same("releaseLock lets go", [document.hasLock(), script.hasLock()], [false, false]);
  let again = true;
  try {
    document.releaseLock();
  } catch {
    again = false;
  }
  r.ok("releasing a lock not held is harmless", again, "releaseLock threw");
  document.waitLock(1000);
  r.same("waitLock on a free lock takes it", document.hasLock(), true);
  document.releaseLock();

  // Each call timed on its own, summed: the model prices tryLock and releaseLock apart.
  const spent = { tryLock: 0, waitLock: 0, releaseLock: 0 };
  const timed = (member: keyof typeof spent, fn: () => unknown) => {
    const started = g.now();
    fn();
    spent[member] += g.now() - started;
  };
  for (let i = 0; i < REPEATS; i++) {
    timed("tryLock", () => document.tryLock(1000));
    timed("releaseLock", () => document.releaseLock());
    timed("waitLock", () => document.waitLock(1000));
    timed("releaseLock", () => document.releaseLock());
  }
  r.add("LockService.Lock.tryLock", 0, REPEATS, spent.tryLock);
  r.add("LockService.Lock.waitLock", 0, REPEATS, spent.waitLock);
  r.add("LockService.Lock.releaseLock", 0, 2 * REPEATS, spent.releaseLock);

  if (!g.otherHolds) {
    r.skip("contention (tryLock false, waitLock throws)", "needs a second execution: checked locally only");
    return;
  }
  const release = g.otherHolds("document");
  try {
    r.same("tryLock on a lock another execution holds answers false", document.tryLock(100), false);
    r.same("… and hasLock says no", document.hasLock(), false);
    r.throws("waitLock on it throws when the time is up", () => document.waitLock(100), TIMEOUT);
    r.same("the script lock stays free meanwhile", script.tryLock(0), true);
    script.releaseLock();
  } finally {
    release();
  }
  r.same("once the other lets go, tryLock takes it", document.tryLock(0), true);
  document.releaseLock();
}
