// `npm start`: runs the office simulation and leaves the workbook and the outbox in out/.
//   npm start -- --start 2026-03-02 --days 14 --lang zh-CN|en --out out
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { simulate } from "./simulate";

const { values } = parseArgs({
  options: {
    start: { type: "string", default: "2026-09-21" },
    days: { type: "string", default: "14" },
    lang: { type: "string", default: "zh-CN" },
    out: { type: "string", default: "out" },
    seed: { type: "string" },
  },
});

const language =
  values.lang === "en" ? "en" : values.lang === "zh-CN" || values.lang === "zh" ? "zh-CN" : null;
const days = Number(values.days);
if (!language) throw new Error(`--lang must be zh-CN or en, not "${values.lang}"`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.start ?? "") || Number.isNaN(Date.parse(values.start ?? "")))
  throw new Error(`--start must be a date like 2026-09-21, not "${values.start}"`);
if (!Number.isInteger(days) || days < 1 || days > 120)
  throw new Error("--days must be a whole number from 1 to 120");

const out = resolve(values.out ?? "out");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = Date.now();
const result = await simulate({
  start: values.start ?? "",
  days,
  language,
  seed: values.seed ? Number(values.seed) : undefined,
});
const { rt } = result;
await rt.saveXlsx(resolve(out, "workbook.xlsx"));
rt.writeOutbox(resolve(out, "outbox"));

const rate = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "—");
const lines = [
  `Office simulation: ${days} days from ${values.start} (${language}), ${((Date.now() - started) / 1000).toFixed(1)} s`,
  `Complaints logged: ${result.logged.dialog + result.logged.sheet} (${result.logged.dialog} by the dialog, ${result.logged.sheet} typed into the sheet)`,
  `By status: ${Object.entries(result.byStatus)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ")}`,
  `Emails: ${result.emails.total} (${result.emails.reminders} reminders/escalations, ${result.emails.digests} manager digests)`,
  `Escalation notices: ${result.escalations.head} to department heads, ${result.escalations.manager} to the manager`,
  `Repairs and services logged: ${result.services.dialog + result.services.sheet} (${result.services.dialog} by the dialog, ${result.services.sheet} typed into the sheet)`,
  `Call-backs: ${result.callbacks.total} scheduled, ${result.callbacks.done} made, ${result.callbacks.unreachable} unreachable; call-back rate ${rate(result.callbacks.onTime, result.callbacks.due)} (in time ÷ due), satisfaction rate ${rate(result.callbacks.satisfied, result.callbacks.answered)}`,
  `Owner registry: ${result.owners.imported} households imported, ${result.owners.refused} row refused; ${result.owners.flagged} unit(s) flagged as not in the registry`,
  `Edits the desk refused (with a message to the person): ${result.rejectedEdits.length}`,
  `Trigger runs: ${rt.meter.executions.filter((e) => /^run/.test(e.label)).length}, failures: ${rt.failures.length}`,
  "",
  `Workbook: ${resolve(out, "workbook.xlsx")}`,
  `Outbox:   ${resolve(out, "outbox")} (index.md lists every email)`,
];
console.log(lines.join("\n"));
for (const f of rt.failures)
  console.log(`  failure: ${f.name} at ${new Date(f.at).toISOString()}: ${f.message}`);
