// Utilities: formatDate with Java's patterns and zones (unknown zones mean GMT), UUIDs,
// base64, small text blobs, and sleep charged to the modelled time.
import { randomUUID } from "node:crypto";
import { formatDate } from "../dateformat";
import { type Api, emulated, guard } from "../guard";
import { type Host, metered } from "../host";

export const UTILITIES = emulated<GoogleAppsScript.Utilities.Utilities>()(
  "Utilities",
  "Utilities",
  "Utilities.Utilities",
  ["formatDate", "getUuid", "sleep", "base64Encode", "base64Decode", "newBlob"],
);

export const BLOB = emulated<GoogleAppsScript.Base.Blob>()("Utilities", "Blob", "Base.Blob", [
  "getDataAsString",
  "getContentType",
  "getName",
]);

function blob(data: string, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
  return guard(BLOB, {
    getDataAsString: () => String(data),
    getContentType: () => contentType ?? "text/plain",
    getName: () => name ?? "",
  } satisfies Api<typeof BLOB>);
}

export function utilities(host: Host): GoogleAppsScript.Utilities.Utilities {
  const m = (member: string) => host.meter.record("Utilities", `Utilities.${member}`);
  const call = metered(m);
  const api = {
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
    base64Encode: (data: string | number[]) =>
      call("base64Encode", () =>
        (typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data)).toString("base64"),
      ),
    base64Decode: (data: string) =>
      call("base64Decode", () => [...Buffer.from(data, "base64")].map((b) => (b > 127 ? b - 256 : b))),
    newBlob: (data: string | number[], contentType?: string, name?: string) =>
      call("newBlob", () => blob(String(data), contentType, name)),
  } satisfies Api<typeof UTILITIES>;
  return guard(UTILITIES, api);
}
