// Bundles src/ into dist/ for `clasp push`: one Code.js whose entry points are
// top-level function declarations (esbuild-gas-plugin), the dialogs' HTML, and the manifest.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
// Dialogs share their head (base target, charset, common styles): inlined here, since
// Apps Script serves each HTML file on its own.
const head = readFileSync("src/ui/head.html", "utf8");
for (const file of readdirSync("src/ui")) {
  if (!file.endsWith(".html") || file === "head.html") continue;
  const html = readFileSync(`src/ui/${file}`, "utf8").replace("<!-- @include head.html -->", head.trim());
  writeFileSync(`dist/${file}`, html);
}
copyFileSync("appsscript.json", "dist/appsscript.json");
console.log("built dist/");
