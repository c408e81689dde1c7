// `npm run bench -- --years N`: N years of a busy office (30 complaints and 60 repair and
// housekeeping services a day, the archive on at its default 12 months) in one workbook, on the
// local runtime. Each month's records are filled in as the desk would have written them (see
// years/busyOffice.ts), then the real hourly run catches up at the month's end (the archive
// moves what has come due). On the last day of each year the installed triggers run every hour
// while the office keeps working, and a typed row and a status edit are measured. Per year it
// prints the grid and used cells per sheet, the hourly run's and the edits' modelled times in
// both bands, trigger minutes per day and Sent rows; the table goes into out/bench.json
// ("years") beside the per-action results.
//
//   npm run bench -- --years 5                 (about 10 minutes here)
//   npm run bench -- --years 2 --out out/x.json
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { CALIBRATED } from "../local/costs";
import { createRuntime, type Runtime } from "../local/emu/runtime";
import { setDepartment, setSetting, sheetName } from "../sim/workbook";
import { defaultOffice, generateOwners } from "./fixtures";
import { archiveDue } from "./years/archived";
import { BusyOffice } from "./years/busyOffice";
import { rowsOf, workbookCells } from "./years/cells";
import { appendAll, fill } from "./years/fill";
import { type ArchiveCatchUp, dailyTriggerTime, type YearRow, yearTables } from "./years/report";
import { figures, type RunFigures, sampleDay } from "./years/sampleDay";

const HOUR = 3_600_000;
const OFFSET_MS = 8 * HOUR;
const START_YEAR = 2026;
const OWNER = "desk1@office.example";
const MANAGER = "manager@office.example";
const DESK = [OWNER, "desk2@office.example", "desk3@office.example"];
const RATES = { complaintsPerDay: 30, servicesPerDay: 60 };
/** Households in the compound's owner register. */
const OWNERS = 8_000;
/** The measured day starts this long after the desk's triggers catch up and archive the month. */
const WARM_UP_MS = 2 * HOUR;
/** Before each measured day, the desk's own archive job moves what came due in this last stretch. */
const REAL_ARCHIVE_MS = 10 * 24 * HOUR;

/** Office-local midnight starting month `m` (0 = January of the first year). */
const monthStart = (m: number) => Date.UTC(START_YEAR, m, 1) - OFFSET_MS;

/** Complaints in the live workbook. */
const live = (rt: Runtime) =>
  Math.max(
    0,
    rt.meter.quietly(
      () => rt.sheets.spreadsheet.getSheetByName(sheetName(rt, "complaints"))?.getLastRow() ?? 1,
    ) - 1,
  );

/**
 * The desk's hourly run, again and again while the archive has a batch under way or moved
 * something: the month's archiving, which the hourly runs share out over the month.
 */
function catchUp(rt: Runtime, at: number): ArchiveCatchUp {
  const emails = rt.outbox.length;
  const runs: RunFigures[] = [];
  rt.clock.set(at);
  for (let i = 0; i < 20; i++) {
    const first = rt.meter.executions.length;
    const rows = live(rt);
    try {
      // The installed triggers first: they have not fired since the last measured day.
      if (i === 0) rt.advanceTo(at);
      else rt.run("runReminders");
    } catch {
      // Recorded in rt.failures.
    }
    const run = rt.meter.executions.slice(first).find((r) => r.label === "runReminders");
    if (run) runs.push(figures(rt, run, rows - live(rt)));
    if (i > 0 && !rt.properties.document.has("archive.journal") && live(rt) === rows) break;
  }
  return { runs, deskEmails: rt.outbox.length - emails };
}

const { values: args } = parseArgs({
  options: { years: { type: "string" }, out: { type: "string" } },
  strict: false,
});
const years = Math.max(1, Math.min(10, Number(args.years) || 5));
const out = typeof args.out === "string" && args.out ? args.out : "out/bench.json";
const started = performance.now();
const office = defaultOffice(MANAGER);
const { codec } = office;
const rt = await createRuntime({
  now: monthStart(0),
  user: OWNER,
  locale: "zh_CN",
  account: "workspace",
});
rt.run("setupWorkbook");
setSetting(rt, "manager.email", MANAGER);
for (const d of office.settings.departments) setDepartment(rt, d.name, d.head, d.headEmail, d.handlerEmails);
appendAll(rt, "owners", generateOwners(OWNERS), codec);
// Where in the hour the installed hourly trigger fires: the office's runs keep the same beat.
rt.advanceBy(HOUR + 60_000);
const firstRun = rt.meter.executions.find((r) => r.label === "runReminders");
const phase = (firstRun?.startedAt ?? monthStart(0)) % HOUR;

const busy = new BusyOffice(office, {
  start: monthStart(0),
  ...RATES,
  tickPhaseMs: phase,
  triggerOwner: OWNER,
  desk: DESK,
});
const rows: YearRow[] = [];
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

for (let m = 0; m < years * 12; m++) {
  const end = monthStart(m + 1) + phase;
  const month = new Date(monthStart(m) + OFFSET_MS).toISOString().slice(0, 7);
  if ((m + 1) % 12 !== 0) {
    const t0 = performance.now();
    busy.advance(end);
    const t1 = performance.now();
    fill(rt, busy, busy.take(), codec);
    const t2 = performance.now();
    const moved = archiveDue(rt, office, end);
    const t3 = performance.now();
    console.error(
      `${month}: ${live(rt)} complaints live, ${moved} archived (${elapsed()}; office ${((t1 - t0) / 1000).toFixed(1)} s, fill ${((t2 - t1) / 1000).toFixed(1)} s, archive ${((t3 - t2) / 1000).toFixed(1)} s)`,
    );
    continue;
  }
  // The year's last month: the desk's own hourly runs archive it, then its last day is measured.
  const day = end - 24 * HOUR;
  const warmUp = day - WARM_UP_MS;
  busy.advance(warmUp);
  fill(rt, busy, busy.take(), codec);
  archiveDue(rt, office, warmUp - REAL_ARCHIVE_MS);
  const archive = catchUp(rt, warmUp);
  const figures = sampleDay(rt, busy, codec, day, () => live(rt));
  const year = (m + 1) / 12;
  const cells = workbookCells(rt);
  rows.push({
    year,
    day: new Date(day + OFFSET_MS).toISOString().slice(0, 10),
    liveComplaints: live(rt),
    archived: rowsOf(cells, office.codec.t("sheet.stats")),
    archiveFiles: [...rt.drive.files.values()].filter((f) => f.mimeType === "application/json").length,
    archive,
    perDay: dailyTriggerTime(
      figures.hourly,
      figures.digest,
      [...archive.runs, ...figures.hourly],
      RATES.complaintsPerDay,
    ),
    sentRows: rowsOf(cells, office.codec.t("sheet.sent")),
    cells,
    figures,
    office: { ...busy.counts, openComplaints: busy.openComplaints, pendingCallbacks: busy.pendingCallbacks },
  });
  console.error(
    `year ${year}: ${cells.grid.toLocaleString("en-US")} grid cells; the archive caught up in ${archive.runs.length} run(s) (${elapsed()})`,
  );
}

const tables = yearTables(rows, CALIBRATED.pessimisticMultiplier);
console.log(tables);
const wallMs = Math.round(performance.now() - started);
const existing = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>) : {};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      ...existing,
      years: {
        office: {
          ...RATES,
          owners: OWNERS,
          account: rt.account,
          archiveAfterMonths: office.settings.archiveAfterMonths,
        },
        start: new Date(monthStart(0)).toISOString(),
        pessimisticMultiplier: CALIBRATED.pessimisticMultiplier,
        wallMs,
        perYear: rows,
      },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${out} ("years") in ${(wallMs / 1000).toFixed(0)} s`);
