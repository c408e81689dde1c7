// Bundles src/ into dist/ for `clasp push`: one Code.js whose entry points are
// top-level function declarations (esbuild-gas-plugin), the dialogs' HTML, and the manifest.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
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

// Each dialog's script (src/ui/<name>.client.ts with the shared ui modules and the domain
// rules it imports), bundled for the browser.
const clients = readdirSync("src/ui").filter((f) => f.endsWith(".client.ts"));
const bundled = await build({
  entryPoints: clients.map((f) => `src/ui/${f}`),
  bundle: true,
  write: false,
  outdir: "dist/ui",
  entryNames: "[name]",
  platform: "browser",
  target: "es2020",
  format: "iife",
  charset: "utf8",
  legalComments: "none",
});
const scripts = new Map(
  bundled.outputFiles.map((o) => [o.path.split(/[\\/]/).pop().replace(/\.js$/, ".ts"), o.text]),
);

/** A bundle as an inline script: `</script` or `<!--` inside it would end or derail the element. */
function inlineScript(name) {
  const code = scripts.get(name);
  if (code === undefined) throw new Error(`src/ui: no ${name} to include`);
  if (code.includes("<!--")) throw new Error(`${name}: "<!--" cannot stand inside an inline script`);
  return `<script>\n${code.replace(/<\/(script)/gi, "<\\/$1")}</script>`;
}

// Apps Script serves each HTML file on its own, so the shared head and the dialog's script
// are inlined into it here.
const head = readFileSync("src/ui/head.html", "utf8").trim();
for (const file of readdirSync("src/ui")) {
  if (!file.endsWith(".html") || file === "head.html") continue;
  const html = readFileSync(`src/ui/${file}`, "utf8").replace(/<!-- @include ([\w.]+) -->/g, (_, name) =>
    name === "head.html" ? head : inlineScript(name),
  );
  writeFileSync(`dist/${file}`, html);
}
for (const client of clients)
  if (!existsSync(`src/ui/${client.replace(/\.client\.ts$/, ".html")}`))
    throw new Error(`src/ui/${client} has no HTML page of the same name`);
copyFileSync("appsscript.json", "dist/appsscript.json");
console.log("built dist/");
