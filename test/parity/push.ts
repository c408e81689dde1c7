// `npm run parity`: builds the parity suite into out/parity/ and pushes it with clasp to the
// scratch project named in .clasp.parity.json (see test/parity/README.md). Needs a Google
// login (npx clasp login); never run in CI. `--build-only` stops after the build.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative } from "node:path";
import { buildParity, PARITY_DIR } from "./build";

const PROJECT = ".clasp.parity.json";

// What goes to Google may use Apps Script's globals only (no Buffer, no process).
const typecheck = spawnSync("npx", ["tsc", "-p", "test/parity/tsconfig.json"], { stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
await buildParity(PARITY_DIR);
console.log(`built ${relative(process.cwd(), PARITY_DIR)}/`);
if (process.argv.includes("--build-only")) process.exit(0);

if (!existsSync(PROJECT)) {
  console.error(
    `No ${PROJECT}: create a scratch spreadsheet's script and write its ID there, as test/parity/README.md shows:\n` +
      `  { "scriptId": "<the scratch script's ID>", "rootDir": "out/parity" }`,
  );
  process.exit(1);
}
const push = spawnSync("npx", ["clasp", "--project", PROJECT, "push", "--force"], { stdio: "inherit" });
if (push.status !== 0) process.exit(push.status ?? 1);
console.log(
  "pushed. Open the scratch project (npx clasp --project .clasp.parity.json open-script), run runParity, read the log.",
);
