// Bundles the parity suite for Apps Script: one Code.js whose entry points (runParity,
// parityNoop) are top-level functions, and the suite's own manifest.
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { GasPlugin } from "esbuild-gas-plugin";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Writes Code.js and appsscript.json into `outDir` (emptied first). */
export async function buildParity(outDir: string): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(HERE, "gas.ts")],
    bundle: true,
    outfile: join(outDir, "Code.js"),
    target: "es2020",
    format: "iife",
    charset: "utf8",
    legalComments: "none",
    logLevel: "warning",
    // Typed against an older esbuild; works with this one (see shared/apps-script.md).
    plugins: [GasPlugin as unknown as Plugin],
  });
  copyFileSync(join(HERE, "appsscript.json"), join(outDir, "appsscript.json"));
}

export const PARITY_DIR = resolve(HERE, "../../out/parity");
