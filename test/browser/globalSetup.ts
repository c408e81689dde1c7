// Runs once before the test workers: picks the browser for the dialog tests, unpacks the
// packaged one if needed (so parallel files never unpack it at once), and says which it is.
import { execFileSync } from "node:child_process";
import { resolveChromium } from "./chromium";

export default async function setup(): Promise<void> {
  const choice = await resolveChromium();
  let version = "";
  try {
    version = execFileSync(choice.path, ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
  } catch {
    version = "version unknown";
  }
  console.log(`Browser tests: ${choice.source} (${version})`);
}
