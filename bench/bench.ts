// `npm run bench`: the reminder/escalation run and the digest at 1k, 10k and 50k complaints,
// on the local runtime (Spreadsheet calls counted, Apps Script time modelled) and as pure
// domain logic (timed in Node). Prints a table and writes out/bench.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { computeDigest } from "../src/domain/digest";
import { planNotices, type TrackedItem } from "../src/domain/escalation";
import { statusHistories } from "../src/domain/log";
import { findTarget } from "../src/domain/settings";
import { computeSla } from "../src/domain/sla";
import type { Status } from "../src/domain/complaint";
import { choiceCode, encodeRow, mapHeaders } from "../src/sheets/codec";
import { SCHEMAS } from "../src/sheets/schema";
import { createRuntime, type Runtime } from "../local/emu/runtime";
import { cellOf, readSheet, setDepartment, setSetting, sheetName, type SheetKey } from "../sim/workbook";
import { defaultOffice, generateHistory, generateOwners, generateServices, type History } from "./fixtures";
import type { Callback } from "../src/domain/callback";
import type { Owner } from "../src/domain/owners";

const SIZES = [1_000, 10_000, 50_000];
const NOW = Date.parse("2026-11-24T02:00:00Z");

interface Measure {
  rows: number;
  run: string;
  spreadsheetCalls: number;
  sheetsTouched: number;
  mailCalls: number;
  modelledMs: number;
  wallMs: number;
}

function fill<T>(rt: Runtime, key: SheetKey, spec: (typeof SCHEMAS)[SheetKey], records: readonly T[]) {
  rt.meter.quietly(() => {
    const sheet = rt.sheets.spreadsheet.getSheetByName(sheetName(rt, key));
    if (!sheet) throw new Error(`no ${key}`);
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    const map = mapHeaders(spec.columns, header);
    const office = defaultOffice();
    const rows = records.map((r) => encodeRow(spec as never, map, r as never, office.codec));
    const need = rows.length + 1 - sheet.getMaxRows();
    if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
    if (rows.length) sheet.getRange(2, 1, rows.length, map.width).setValues(rows);
  });
}

interface Fixture extends History {
  services: Callback[];
  owners: Owner[];
}

async function officeWith(history: Fixture): Promise<Runtime> {
  const rt = await createRuntime({ now: new Date(NOW), user: "desk1@office.example", locale: "zh_CN" });
  rt.run("setupWorkbook");
  setSetting(rt, "manager.email", "manager@office.example");
  ["安防", "工程维修", "环境", "客服", "停车"].forEach((d, i) =>
    setDepartment(rt, d, "", `head${i}@office.example`, [`handler${i}@office.example`]),
  );
  fill(rt, "complaints", SCHEMAS.complaints, history.complaints);
  fill(rt, "log", SCHEMAS.log, history.log);
  fill(rt, "callbacks", SCHEMAS.callbacks, history.services);
  fill(rt, "owners", SCHEMAS.owners, history.owners);
  return rt;
}

/** Runs an entry point, or a person's edit, and reads the meter. */
function measure(rt: Runtime, rows: number, run: string, act: () => void = () => rt.run(run)): Measure {
  rt.meter.reset();
  rt.sheets.touched.clear();
  const started = performance.now();
  act();
  const wallMs = performance.now() - started;
  const exec = rt.meter.executions.at(-1);
  return {
    rows,
    run,
    spreadsheetCalls: rt.meter.total("SpreadsheetApp"),
    sheetsTouched: rt.sheets.touched.size,
    mailCalls: rt.meter.total("MailApp"),
    modelledMs: Math.round(exec?.modelledMs ?? 0),
    wallMs: Math.round(wallMs),
  };
}

/** The pure part of both runs: score every complaint, plan notices, compute the digest. */
function pureLogic(history: History): number {
  const office = defaultOffice();
  const started = performance.now();
  const histories = statusHistories(history.log, (v) => choiceCode("status", v) as Status | null);
  const items: TrackedItem[] = [];
  for (const c of history.complaints) {
    if (!c.receivedAt || !c.severity) continue;
    const sla = computeSla({
      receivedAt: c.receivedAt.getTime(),
      target: findTarget(office.settings, c.category, c.severity),
      goldenResponseHours: office.settings.goldenResponseHours,
      history: histories.get(c.id) ?? [],
      now: NOW,
      leadMinutes: office.settings.reminderLeadHours * 60,
      calendar: office.calendar,
    });
    items.push({ complaint: c, sla });
  }
  planNotices(items, office.settings, NOW, new Set());
  computeDigest(items, NOW, 480);
  return performance.now() - started;
}

/** A person resolves one complaint: onEdit scores it and schedules its call-back. */
function resolveOne(rt: Runtime, id: string) {
  const view = readSheet(rt, "complaints");
  const i = view.rows.findIndex((r) => r["编号"] === id);
  rt.edit(view.name, cellOf(view, view.rowNumber(i), "状态"), "已解决");
}

const results: (Measure & { pureMs: number })[] = [];
for (const rows of SIZES) {
  const office = defaultOffice();
  const fixture: Fixture = {
    ...generateHistory(office, rows, NOW),
    services: generateServices(office, rows, NOW),
    owners: generateOwners(Math.round(rows * 0.4)),
  };
  const pureMs = Math.round(pureLogic(fixture) * 10) / 10;
  for (const run of ["runReminders", "runDailyDigest"]) {
    const rt = await officeWith(fixture);
    results.push({ ...measure(rt, rows, run), pureMs });
  }
  const rt = await officeWith(fixture);
  const unit = fixture.owners[0]?.unit ?? "";
  results.push({
    ...measure(rt, rows, "getUnitHistory", () => rt.callFromDialog("getUnitHistory", unit)),
    pureMs,
  });
  const open = fixture.complaints.find((c) => c.status === "in_progress")?.id ?? "";
  results.push({ ...measure(rt, rows, "onEdit (resolve → call-back)", () => resolveOne(rt, open)), pureMs });
  if (rt.failures.length) throw new Error(rt.failures.map((f) => `${f.name}: ${f.message}`).join("; "));
  console.error(`measured ${rows} complaints, ${rows} services, ${fixture.owners.length} owners`);
}

const header = [
  "rows",
  "run",
  "Spreadsheet calls",
  "sheets",
  "MailApp calls",
  "modelled Apps Script ms",
  "local wall ms",
  "pure logic ms",
];
const table = [
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...results.map(
    (r) =>
      `| ${r.rows} | ${r.run} | ${r.spreadsheetCalls} | ${r.sheetsTouched || "-"} | ${r.mailCalls} | ${r.modelledMs} | ${r.wallMs} | ${r.pureMs} |`,
  ),
].join("\n");
console.log(table);
mkdirSync("out", { recursive: true });
writeFileSync(
  "out/bench.json",
  `${JSON.stringify({ now: new Date(NOW).toISOString(), results }, null, 2)}\n`,
);
console.log("\nwrote out/bench.json");
