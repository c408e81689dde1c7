// Logger and console: lines go to the runtime's log (and Logger keeps its own for getLog).
import { type Api, emulated, guard } from "../guard";
import type { Host } from "../host";

type GasLogger = GoogleAppsScript.Base.Logger;

export const LOGGER = emulated<GasLogger>()("Logger", "Logger", "Base.Logger", ["log", "getLog", "clear"]);

export const CONSOLE = emulated<Console>()("console", "console", "Console", ["log", "info", "warn", "error"]);

const text = (args: unknown[]) =>
  args.map((a) => (typeof a === "string" ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(" ");

export function logger(host: Host): { Logger: GasLogger; console: Console } {
  const lines: string[] = [];
  const Logger: GasLogger = guard(LOGGER, {
    log: (...args: unknown[]) => {
      const line = text(args);
      lines.push(line);
      host.log(line);
      return Logger;
    },
    getLog: () => lines.join("\n"),
    clear: () => {
      lines.length = 0;
    },
  } satisfies Api<typeof LOGGER>);
  const console = guard(CONSOLE, {
    log: (...a: unknown[]) => host.log(text(a)),
    info: (...a: unknown[]) => host.log(text(a)),
    warn: (...a: unknown[]) => host.log(`WARN ${text(a)}`),
    error: (...a: unknown[]) => host.log(`ERROR ${text(a)}`),
  } satisfies Api<typeof CONSOLE>);
  return { Logger, console };
}
