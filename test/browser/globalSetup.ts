// Runs once before the test workers: picks the browser for the dialog tests, unpacks the
// packaged one if needed (so parallel files never unpack it at once), and says which it is.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolveChromium } from "./chromium";

function versionOf(path: string): string | null {
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
  } catch {
    return null;
  }
}

export default async function setup(): Promise<void> {
  let choice = await resolveChromium();
  let version = versionOf(choice.path);
  if (!version && choice.packaged) {
    // An unpack cut short (a killed run) leaves a broken binary that would be reused: unpack again.
    rmSync(choice.path, { force: true });
    choice = await resolveChromium();
    version = versionOf(choice.path);
  }
  console.log(`Browser tests: ${choice.source} (${version ?? "does not start: browser tests will fail"})`);
}
