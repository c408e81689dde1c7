// A Chromium driven by playwright-core, and a dialog of the bundle opened in it with
// google.script.run bridged to the local runtime. The browser is the system's Chromium when
// there is one (CHROMIUM_PATH, else Debian's /usr/bin/chromium), else the one shipped inside
// the @sparticuz/chromium npm package, so `npm ci && npm test` needs nothing else installed.
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import type { Runtime } from "../../local/emu/runtime";

export interface ChromiumChoice {
  path: string;
  /** What a person reads in the test output. */
  source: string;
  /** Unpacked from the npm package (into the temp folder), rather than installed on the machine. */
  packaged: boolean;
}

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Picks the browser. The packaged one is unpacked (brotli, ~2 s) into the temp folder on
 * first use and reused afterwards; test/browser/globalSetup.ts does that once before the
 * workers start, so parallel test files never unpack it at the same time.
 */
export async function resolveChromium(): Promise<ChromiumChoice> {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} does not exist`);
    return { path: wanted, source: `CHROMIUM_PATH ${wanted}`, packaged: false };
  }
  if (existsSync(SYSTEM_CHROMIUM))
    return { path: SYSTEM_CHROMIUM, source: `system Chromium ${SYSTEM_CHROMIUM}`, packaged: false };
  const { default: packaged } = await import("@sparticuz/chromium");
  const path = await packaged.executablePath();
  return {
    path,
    source: `Chromium from the npm package @sparticuz/chromium, unpacked to ${path}`,
    packaged: true,
  };
}

export async function launch(): Promise<Browser> {
  const { path } = await resolveChromium();
  return chromium.launch({
    executablePath: path,
    // Flags for a closed network: no background calls home, no sandbox when run as root.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Runs the menu item that shows a dialog, and opens that dialog in a new page once it has drawn itself. */
export async function openDialog(browser: Browser, rt: Runtime, menuFunction: string): Promise<Page> {
  rt.run(menuFunction);
  const dialog = rt.ui.dialogs.at(-1);
  if (!dialog) throw new Error(`${menuFunction} showed no dialog`);
  const page = await browser.newPage();
  await page.exposeBinding("__gasRun", (_source, fn: string, argsJson: string) =>
    rt.callFromDialog(fn, ...(JSON.parse(argsJson) as unknown[])),
  );
  await page.setContent(rt.dialogHtml(dialog));
  await page.waitForSelector("body[data-ready='1']");
  return page;
}
