// `npm run bench`: what each thing people and triggers do costs at N complaints, on the local
// runtime with the calibrated cost model (local/costs.ts), in two bands: calibrated and
// pessimistic. Flags an action whose pessimistic time passes half its limit.
//
//   npm run bench -- --sizes 1000,10000,50000,100000   sizes to measure (default below)
//   npm run bench -- --costs                            print the cost table with its sources
//   npm run bench -- --out out/bench.json               where to write the results
//   npm run bench -- --before-trails                    a workbook from before status trails
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { CALIBRATED, FIGURES, SOURCES, type SourceKey } from "../local/costs";
import type { Runtime } from "../local/emu/runtime";
import { ACTIONS, type Measure, measure, notLoaded } from "./actions";
import { fixture, NOW, officeWith } from "./office";
import { pureLogic } from "./pure";

// The README's main table; 100k and 200k by flag (minutes each, most of it the hourly run).
const DEFAULT_SIZES = [1_000, 10_000, 50_000];

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i] ?? "";
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (args[i + 1] ?? "");
}

const markdown = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

function costTable(): string {
  const cite = (key: SourceKey) => {
    const s = SOURCES[key];
    return s.url ? `[${s.short}](${s.url})` : s.short;
  };
  const rows = FIGURES.map((f) => [
    f.operation,
    f.published,
    f.model,
    cite(f.source),
    SOURCES[f.source].date || "–",
  ]);
  const sources = Object.values(SOURCES)
    .filter((s) => s.url)
    .map((s) => `- ${s.short}: ${s.title}, <${s.url}> (${s.date})`);
  return `${markdown(["operation", "published figure", "model", "source", "date"], rows)}\n\n${sources.join("\n")}`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function actionTable(results: Measure[]): string {
  return markdown(
    [
      "rows",
      "action",
      "calls",
      "cells read",
      "cells written",
      "flushes",
      "calibrated s",
      `pessimistic s (×${CALIBRATED.pessimisticMultiplier})`,
      "limit s",
      "flag",
    ],
    results.map((r) => [
      r.rows,
      r.action,
      r.calls,
      r.cellsRead,
      r.cellsWritten,
      r.flushes,
      seconds(r.calibratedMs),
      seconds(r.pessimisticMs),
      seconds(r.limitMs),
      r.error ? `FAILED: ${r.error}` : r.flagged ? "⚠ over half the limit" : "",
    ]),
  );
}

if (option("years") !== undefined) await import("./years").then(() => process.exit(0)); // N years of a busy office: bench/years.ts

if (process.argv.includes("--costs")) {
  console.log(costTable());
  process.exit(0);
}

const sizes = (option("sizes") ?? DEFAULT_SIZES.join(","))
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const beforeTrails = process.argv.includes("--before-trails");
const out = option("out") || (beforeTrails ? "out/bench-before-trails.json" : "out/bench.json");

const results: Measure[] = [];
const pure: Record<number, number> = {};
for (const rows of sizes) {
  const data = fixture(rows, { trails: !beforeTrails });
  pure[rows] = pureLogic(data);
  let rt: Runtime;
  try {
    rt = await officeWith(data);
  } catch (e) {
    // A size the workbook cannot hold (Google's 10 M-cell limit) is a result, not a crash.
    results.push(notLoaded(rows, e));
    console.error(`${rows} complaints do not fit: ${e instanceof Error ? e.message : String(e)}`);
    continue;
  }
  for (const action of ACTIONS) results.push(measure(rt, rows, action, data));
  console.error(
    `measured ${rows} complaints, ${data.services.length} call-backs, ${data.owners.length} owners`,
  );
}

console.log(actionTable(results));
const flagged = results.filter((r) => r.flagged || r.error);
console.log(
  flagged.length
    ? `\nFlagged (pessimistic time over half the limit, or failed):\n${flagged.map((r) => `- ${r.rows}: ${r.action} ${seconds(r.pessimisticMs)} s of ${seconds(r.limitMs)} s${r.error ? ` (${r.error})` : ""}`).join("\n")}`
    : "\nNothing flagged.",
);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      now: new Date(NOW).toISOString(),
      workbook: beforeTrails ? "from before status trails" : "as this version writes it",
      model: {
        pessimisticMultiplier: CALIBRATED.pessimisticMultiplier,
        limitsMs: { trigger: 30_000, dialog: 30_000, run: 360_000 },
      },
      pureLogicMs: pure,
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${out}`);
