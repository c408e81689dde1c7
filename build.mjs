// Bundles src/ into dist/ for `clasp push`: one Code.js whose entry points are
// top-level function declarations (esbuild-gas-plugin), the dialogs' HTML, and the manifest.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { GasPlugin } from "esbuild-gas-plugin";

rmSync("dist", { recursive: true, force: true });
mkdirSync("dist", { recursive: true });
await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  outfile: "dist/Code.js",
  target: "es2020",
  format: "iife",
  charset: "utf8",
  legalComments: "none",
  plugins: [GasPlugin],
});
for (const file of readdirSync("src/ui")) {
  if (file.endsWith(".html")) copyFileSync(`src/ui/${file}`, `dist/${file}`);
}
copyFileSync("appsscript.json", "dist/appsscript.json");
console.log("built dist/");
