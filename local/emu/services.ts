// MailApp, PropertiesService, CacheService, LockService, Utilities, Session and Logger,
// with Apps Script's quotas and limits, all on the simulated clock and metered.
import { createHash, randomUUID } from "node:crypto";
import type { SimClock } from "../clock";
import type { Meter } from "../meter";
import { formatDate, localDay } from "./dateformat";

/** Wraps a service member so it is counted before it runs. */
export function metered(record: (member: string) => void) {
  return <T>(member: string, fn: () => T): T => {
    record(member);
    return fn();
  };
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

export interface Quotas {
  emailRecipientsPerDay: number;
  triggersPerUser: number;
  executionMs: number;
  simpleTriggerMs: number;
  /** Total modelled time of one user's installable trigger executions per 24 hours. */
  triggerMsPerDay: number;
}

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  replyTo: string;
  from: string;
  at: number;
}

const recipients = (list: string) =>
  list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
const ADDRESS = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*@(?:${LABEL}\\.)+\\p{L}{2,}$`, "u");

/** An address as MailApp accepts it, bare or as `Name <address>`. */
export function isValidAddress(entry: string): boolean {
  const angled = /^[^<>]*<([^<>]+)>$/.exec(entry);
  const address = angled ? (angled[1] ?? "").trim() : entry;
  return address.length <= 254 && ADDRESS.test(address);
}

export function mailService(host: Host, outbox: SentMail[]) {
  const used = new Map<string, number>();
  const today = () => `${host.user()}|${localDay(host.clock.now(), host.timeZone)}`;
  const remaining = () => Math.max(0, host.quotas.emailRecipientsPerDay - (used.get(today()) ?? 0));
  return {
    sendEmail(a: unknown, subject?: string, body?: string, options: Record<string, unknown> = {}) {
      host.meter.record("MailApp", "MailApp.sendEmail");
      if (host.current()?.simple)
        throw new Error(
          "You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail",
        );
      const m = (typeof a === "object" && a !== null ? a : { ...options, to: a, subject, body }) as Record<
        string,
        unknown
      >;
      const mail: SentMail = {
        to: String(m.to ?? ""),
        cc: String(m.cc ?? ""),
        bcc: String(m.bcc ?? ""),
        subject: String(m.subject ?? ""),
        body: String(m.body ?? ""),
        htmlBody: String(m.htmlBody ?? ""),
        name: String(m.name ?? ""),
        replyTo: String(m.replyTo ?? ""),
        from: host.user(),
        at: host.clock.now(),
      };
      // One malformed address refuses the whole message: nothing goes to the others either.
      for (const entry of [mail.to, mail.cc, mail.bcc, mail.replyTo].flatMap(recipients))
        if (!isValidAddress(entry)) throw new Error(`Invalid email: ${entry}`);
      if (mail.subject.length > 250) throw new Error("Argument too large: subject");
      if (Buffer.byteLength(mail.htmlBody) + Buffer.byteLength(mail.body) > 200 * 1024)
        throw new Error("Limit Exceeded: Email Body Size.");
      const count = [mail.to, mail.cc, mail.bcc].flatMap(recipients).length;
      if (!count) throw new Error("Failed to send email: no recipient");
      if (count > remaining()) throw new Error("Service invoked too many times for one day: email.");
      used.set(today(), (used.get(today()) ?? 0) + count);
      outbox.push(mail);
    },
    getRemainingDailyQuota() {
      host.meter.record("MailApp", "MailApp.getRemainingDailyQuota");
      return remaining();
    },
  };
}

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

function propertiesStore(host: Host, name: string, store: Map<string, string>) {
  const m = (member: string) => host.meter.record("PropertiesService", `Properties.${member}`);
  const _call = metered(m);
  const size = () => [...store].reduce((n, [k, v]) => n + k.length + v.length, 0);
  const set = (key: string, value: unknown) => {
    const text = String(value);
    if (Buffer.byteLength(text) > VALUE_LIMIT) throw new Error("Argument too large: value");
    const before = store.get(key);
    store.set(key, text);
    if (size() > STORE_LIMIT) {
      if (before === undefined) store.delete(key);
      else store.set(key, before);
      throw new Error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    }
  };
  const self = {
    getProperty(key: string) {
      m("getProperty");
      return store.get(key) ?? null;
    },
    setProperty(key: string, value: unknown) {
      m("setProperty");
      set(key, value);
      return self;
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers = false) {
      m("setProperties");
      if (deleteAllOthers) store.clear();
      for (const [k, v] of Object.entries(values)) set(k, v);
      return self;
    },
    getProperties() {
      m("getProperties");
      return Object.fromEntries(store);
    },
    getKeys() {
      m("getKeys");
      return [...store.keys()];
    },
    deleteProperty(key: string) {
      m("deleteProperty");
      store.delete(key);
      return self;
    },
    deleteAllProperties() {
      m("deleteAllProperties");
      store.clear();
      return self;
    },
    toString: () => name,
  };
  return self;
}

export function propertiesService(host: Host) {
  const script = new Map<string, string>();
  const document = new Map<string, string>();
  const users = new Map<string, Map<string, string>>();
  const m = (member: string) => host.meter.record("PropertiesService", `PropertiesService.${member}`);
  const call = metered(m);
  return {
    stores: { script, document, users },
    service: {
      getScriptProperties: () =>
        call("getScriptProperties", () => propertiesStore(host, "ScriptProperties", script)),
      getDocumentProperties: () =>
        call("getDocumentProperties", () => propertiesStore(host, "DocumentProperties", document)),
      getUserProperties: () => {
        m("getUserProperties");
        const store = users.get(host.user()) ?? new Map<string, string>();
        users.set(host.user(), store);
        return propertiesStore(host, "UserProperties", store);
      },
    },
  };
}

function cacheStore(host: Host, store: Map<string, { value: string; expires: number }>) {
  const m = (member: string) => host.meter.record("CacheService", `Cache.${member}`);
  const call = metered(m);
  const live = (key: string) => {
    const hit = store.get(key);
    if (hit && hit.expires > host.clock.now()) return hit.value;
    store.delete(key);
    return null;
  };
  const put = (key: string, value: string, ttl = 600) => {
    if (key.length > 250) throw new Error("Argument too large: key");
    if (Buffer.byteLength(String(value)) > 100 * 1024) throw new Error("Argument too large: value");
    const seconds = Math.min(Math.max(1, ttl), 21_600);
    store.set(key, { value: String(value), expires: host.clock.now() + seconds * 1000 });
    if (store.size > 1000) store.delete(store.keys().next().value ?? "");
  };
  return {
    get: (key: string) => call("get", () => live(key)),
    getAll: (keys: string[]) => {
      m("getAll");
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = live(k);
        if (v !== null) out[k] = v;
      }
      return out;
    },
    put: (key: string, value: string, ttl?: number) => call("put", () => put(key, value, ttl)),
    putAll: (values: Record<string, string>, ttl?: number) => {
      m("putAll");
      for (const [k, v] of Object.entries(values)) put(k, v, ttl);
    },
    remove: (key: string) =>
      call("remove", () => {
        store.delete(key);
      }),
    removeAll: (keys: string[]) => {
      m("removeAll");
      for (const k of keys) store.delete(k);
    },
  };
}

export function cacheService(host: Host) {
  const script = new Map<string, { value: string; expires: number }>();
  const document = new Map<string, { value: string; expires: number }>();
  const users = new Map<string, Map<string, { value: string; expires: number }>>();
  const m = (member: string) => host.meter.record("CacheService", `CacheService.${member}`);
  const call = metered(m);
  return {
    getScriptCache: () => call("getScriptCache", () => cacheStore(host, script)),
    getDocumentCache: () => call("getDocumentCache", () => cacheStore(host, document)),
    getUserCache: () => {
      m("getUserCache");
      const store = users.get(host.user()) ?? new Map();
      users.set(host.user(), store);
      return cacheStore(host, store);
    },
  };
}

/** Who holds a lock: an execution id, or "other" for someone elsewhere (a test's doing). */
export interface LockHolder {
  id: number | "other";
  /** When "other" lets go (simulated ms); never, when absent. */
  releaseAt?: number;
}

export type LockHolders = Map<string, LockHolder>;

const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

function lock(host: Host, kind: string, holders: LockHolders) {
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
  return {
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
  };
}

export function lockService(host: Host, holders: LockHolders) {
  const m = (member: string) => host.meter.record("LockService", `LockService.${member}`);
  const call = metered(m);
  return {
    getDocumentLock: () => call("getDocumentLock", () => lock(host, "document", holders)),
    getScriptLock: () => call("getScriptLock", () => lock(host, "script", holders)),
    getUserLock: () => call("getUserLock", () => lock(host, `user:${host.user()}`, holders)),
  };
}

export function utilities(host: Host) {
  const m = (member: string) => host.meter.record("Utilities", `Utilities.${member}`);
  const call = metered(m);
  return {
    formatDate(date: Date, timeZone: string, format: string) {
      m("formatDate");
      if (Object.prototype.toString.call(date) !== "[object Date]") throw new Error("Invalid argument: date");
      return formatDate(date, timeZone, format);
    },
    getUuid: () => call("getUuid", () => randomUUID()),
    sleep(ms: number) {
      m("sleep");
      host.meter.charge(ms);
    },
    base64Encode: (data: string) =>
      call("base64Encode", () => Buffer.from(String(data), "utf8").toString("base64")),
    base64Decode: (data: string) =>
      call("base64Decode", () => [...Buffer.from(data, "base64")].map((b) => (b > 127 ? b - 256 : b))),
    newBlob: (data: string, contentType?: string, name?: string) => {
      m("newBlob");
      return {
        getDataAsString: () => String(data),
        getContentType: () => contentType ?? "text/plain",
        getName: () => name ?? "",
      };
    },
  };
}

export function session(host: Host) {
  const m = (member: string) => host.meter.record("Session", `Session.${member}`);
  const call = metered(m);
  const user = () => {
    const email = host.email();
    return { getEmail: () => email, toString: () => email };
  };
  return {
    getActiveUser: () => call("getActiveUser", () => user()),
    getEffectiveUser: () => call("getEffectiveUser", () => user()),
    getActiveUserLocale: () => call("getActiveUserLocale", () => host.locale()),
    getScriptTimeZone: () => call("getScriptTimeZone", () => host.timeZone),
    getTemporaryActiveUserKey: () =>
      call("getTemporaryActiveUserKey", () => temporaryUserKey(host.scriptId, host.user())),
  };
}

/** Stable per user and script, and says nothing about the email (Google's is opaque too). */
export function temporaryUserKey(scriptId: string, user: string): string {
  return `A${createHash("sha256").update(`${scriptId}\n${user}`).digest("base64url").slice(0, 42)}`;
}

export function logger(host: Host) {
  const lines: string[] = [];
  const text = (args: unknown[]) =>
    args
      .map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a)))
      .join(" ");
  return {
    Logger: {
      log: (...args: unknown[]) => {
        const line = text(args);
        lines.push(line);
        host.log(line);
      },
      getLog: () => lines.join("\n"),
      clear: () => {
        lines.length = 0;
      },
    },
    console: {
      log: (...a: unknown[]) => host.log(text(a)),
      info: (...a: unknown[]) => host.log(text(a)),
      warn: (...a: unknown[]) => host.log(`WARN ${text(a)}`),
      error: (...a: unknown[]) => host.log(`ERROR ${text(a)}`),
    },
  };
}
