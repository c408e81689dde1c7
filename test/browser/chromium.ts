// Debian's Chromium driven by playwright-core, and a dialog of the bundle opened in it with
// google.script.run bridged to the local runtime.
import { type Browser, chromium, type Page } from "playwright-core";
import type { Runtime } from "../../local/emu/runtime";

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
