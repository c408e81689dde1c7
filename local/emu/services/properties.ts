// PropertiesService: script, document and per-user stores with Google's 9 KB value and
// 500 KB store limits.
import { type Api, emulated, guard } from "../guard";
import { type Host, metered, storeOf } from "../host";

type GasProperties = GoogleAppsScript.Properties.Properties;

export const PROPERTIES_SERVICE = emulated<GoogleAppsScript.Properties.PropertiesService>()(
  "PropertiesService",
  "PropertiesService",
  "Properties.PropertiesService",
  ["getScriptProperties", "getDocumentProperties", "getUserProperties"],
);

export const PROPERTIES = emulated<GasProperties>()(
  "PropertiesService",
  "Properties",
  "Properties.Properties",
  [
    "getProperty",
    "setProperty",
    "setProperties",
    "getProperties",
    "getKeys",
    "deleteProperty",
    "deleteAllProperties",
  ],
);

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

function propertiesStore(host: Host, store: Map<string, string>): GasProperties {
  const m = (member: string) => host.meter.record("PropertiesService", `Properties.${member}`);
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
  const self: GasProperties = guard(PROPERTIES, {
    getProperty(key: string) {
      m("getProperty");
      return store.get(key) ?? null;
    },
    setProperty(key: string, value: string) {
      m("setProperty");
      set(key, value);
      return self;
    },
    setProperties(values: Record<string, string>, deleteAllOthers = false) {
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
  } satisfies Api<typeof PROPERTIES>);
  return self;
}

export function propertiesService(host: Host) {
  const script = new Map<string, string>();
  const document = new Map<string, string>();
  const users = new Map<string, Map<string, string>>();
  const m = (member: string) => host.meter.record("PropertiesService", `PropertiesService.${member}`);
  const call = metered(m);
  const api = {
    getScriptProperties: () => call("getScriptProperties", () => propertiesStore(host, script)),
    getDocumentProperties: () => call("getDocumentProperties", () => propertiesStore(host, document)),
    getUserProperties: () => {
      m("getUserProperties");
      return propertiesStore(host, storeOf(users, host.user()));
    },
  } satisfies Api<typeof PROPERTIES_SERVICE>;
  return { stores: { script, document, users }, service: guard(PROPERTIES_SERVICE, api) };
}
