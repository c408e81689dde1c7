// Where an action's modelled time goes: every call it makes, grouped by the desk's function
// that made it, with cells and calibrated ms. For finding what to read less of.
//
//   npx tsx bench/trace.ts --size 10000 --action "status edit"   (npm run build first)
//   npx tsx bench/trace.ts --size 10000 --action hourly --calls   (every call in order)
import { ACTIONS } from "./actions";
import { fixture, officeWith } from "./office";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i < 0 ? undefined : args[i + 1];
}

const size = Number(option("size") ?? 10_000);
const wanted = (option("action") ?? "").toLowerCase();
const everyCall = process.argv.includes("--calls");

/** The innermost frames of the bundle (dist/Code.js) that led to a call. */
function callSite(depth = 3): string {
  const frames = (new Error().stack ?? "")
    .split("\n")
    .filter((l) => l.includes("Code.js"))
    .map((l) => /at (?:Object\.)?([\w$.<>]+) /.exec(l)?.[1] ?? "?")
    .filter((n) => !/^(get|call|wrap|\?)$/.test(n));
  return frames.slice(0, depth).join(" < ");
}

const data = fixture(size);
const rt = await officeWith(data);
const meter = rt.meter;
const original = meter.record.bind(meter);
interface Line {
  key: string;
  site: string;
  cells: number;
  ms: number;
}
let lines: Line[] = [];
meter.record = (service: string, member: string, cells = 0) => {
  const before = meter.elapsedMs;
  original(service, member, cells);
  lines.push({ key: `${service}.${member}`, site: callSite(), cells, ms: meter.elapsedMs - before });
};

for (const action of ACTIONS) {
  const run = !wanted || new RegExp(wanted, "i").test(action.name);
  lines = [];
  try {
    if (run) action.act(rt, data);
    else meter.quietly(() => action.act(rt, data));
  } catch (e) {
    console.log(`${action.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!run) continue;
  const total = lines.reduce((n, l) => n + l.ms, 0);
  console.log(`\n## ${action.name} at ${size}: ${lines.length} calls, ${(total / 1000).toFixed(2)} s`);
  if (everyCall) {
    for (const l of lines)
      console.log(
        `${l.ms.toFixed(0).padStart(7)} ms ${String(l.cells).padStart(8)} cells  ${l.key}  ${l.site}`,
      );
    continue;
  }
  const groups = new Map<string, { n: number; cells: number; ms: number }>();
  for (const l of lines) {
    const k = `${l.key}  ${l.site}`;
    const g = groups.get(k) ?? { n: 0, cells: 0, ms: 0 };
    g.n += 1;
    g.cells += l.cells;
    g.ms += l.ms;
    groups.set(k, g);
  }
  for (const [k, g] of [...groups].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40))
    console.log(
      `${g.ms.toFixed(0).padStart(7)} ms ${String(g.n).padStart(5)}× ${String(g.cells).padStart(9)} cells  ${k}`,
    );
}
