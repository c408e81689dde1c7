// Session: who the execution runs as, as far as Google reveals it (a simple trigger sees ''
// for most people), the locale, the script's zone, and the opaque per-user key.
import { createHash } from "node:crypto";
import { type Api, emulated, guard } from "../guard";
import { type Host, metered } from "../host";

export const SESSION = emulated<GoogleAppsScript.Base.Session>()("Session", "Session", "Base.Session", [
  "getActiveUser",
  "getEffectiveUser",
  "getActiveUserLocale",
  "getScriptTimeZone",
  "getTemporaryActiveUserKey",
]);

export const USER = emulated<GoogleAppsScript.Base.User>()("Session", "User", "Base.User", ["getEmail"]);

/** Stable per user and script, and says nothing about the email (Google's is opaque too). */
export function temporaryUserKey(scriptId: string, user: string): string {
  return `A${createHash("sha256").update(`${scriptId}\n${user}`).digest("base64url").slice(0, 42)}`;
}

export function session(host: Host): GoogleAppsScript.Base.Session {
  const m = (member: string) => host.meter.record("Session", `Session.${member}`);
  const call = metered(m);
  const user = () => {
    const email = host.email();
    const api = { getEmail: () => email } satisfies Api<typeof USER>;
    return guard(USER, Object.assign(api, { toString: () => email }));
  };
  const api = {
    getActiveUser: () => call("getActiveUser", () => user()),
    getEffectiveUser: () => call("getEffectiveUser", () => user()),
    getActiveUserLocale: () => call("getActiveUserLocale", () => host.locale()),
    getScriptTimeZone: () => call("getScriptTimeZone", () => host.timeZone),
    getTemporaryActiveUserKey: () =>
      call("getTemporaryActiveUserKey", () => temporaryUserKey(host.scriptId, host.user())),
  } satisfies Api<typeof SESSION>;
  return guard(SESSION, api);
}
