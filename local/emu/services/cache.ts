// CacheService: script, document and per-user caches that expire on the simulated clock,
// with Google's key (250 chars), value (100 KB), item (1,000) and lifetime (6 h) limits.
import { type Api, emulated, guard } from "../guard";
import { type Host, metered, storeOf } from "../host";

type GasCache = GoogleAppsScript.Cache.Cache;
type Store = Map<string, { value: string; expires: number }>;

export const CACHE_SERVICE = emulated<GoogleAppsScript.Cache.CacheService>()(
  "CacheService",
  "CacheService",
  "Cache.CacheService",
  ["getScriptCache", "getDocumentCache", "getUserCache"],
);

export const CACHE = emulated<GasCache>()("CacheService", "Cache", "Cache.Cache", [
  "get",
  "getAll",
  "put",
  "putAll",
  "remove",
  "removeAll",
]);

function cacheStore(host: Host, store: Store): GasCache {
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
  const api = {
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
  } satisfies Api<typeof CACHE>;
  return guard(CACHE, api);
}

export function cacheService(host: Host): GoogleAppsScript.Cache.CacheService {
  const script: Store = new Map();
  const document: Store = new Map();
  const users = new Map<string, Store>();
  const m = (member: string) => host.meter.record("CacheService", `CacheService.${member}`);
  const call = metered(m);
  const api = {
    getScriptCache: () => call("getScriptCache", () => cacheStore(host, script)),
    getDocumentCache: () => call("getDocumentCache", () => cacheStore(host, document)),
    getUserCache: () => {
      m("getUserCache");
      return cacheStore(host, storeOf(users, host.user()));
    },
  } satisfies Api<typeof CACHE_SERVICE>;
  return guard(CACHE_SERVICE, api);
}
