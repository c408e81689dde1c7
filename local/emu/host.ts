// What every emulated service needs to know about the runtime around it: the meter, the
// simulated clock, the running execution and who it runs as, and the quotas.
import type { SimClock } from "../clock";
import type { Meter } from "../meter";

/** Wraps a service member so it is counted before it runs. */
export function metered(record: (member: string) => void) {
  return <T>(member: string, fn: () => T): T => {
    record(member);
    return fn();
  };
}

/** The store kept for `user` in `stores`, made empty the first time. */
export function storeOf<K, V>(stores: Map<string, Map<K, V>>, user: string): Map<K, V> {
  const store = stores.get(user) ?? new Map<K, V>();
  stores.set(user, store);
  return store;
}

export interface Execution {
  id: number;
  name: string;
  /** A simple trigger (onOpen, onEdit): 30 s, no authorised services, identity often hidden. */
  simple: boolean;
  /** The person (or trigger owner) the execution runs as. */
  user: string;
  /** What Session and the event's `user` reveal: '' where Google hides the identity. */
  email: string;
  startedAt: number;
}

export interface Quotas {
  emailRecipientsPerDay: number;
  triggersPerUser: number;
  executionMs: number;
  simpleTriggerMs: number;
  /** Total modelled time of one user's installable trigger executions per 24 hours. */
  triggerMsPerDay: number;
}

/** What the services need to know about the runtime around them. */
export interface Host {
  meter: Meter;
  clock: SimClock;
  timeZone: string;
  quotas: Quotas;
  current(): Execution | null;
  user(): string;
  /** The email Session may reveal to the running execution. */
  email(): string;
  scriptId: string;
  locale(): string;
  log(line: string): void;
}
