// The five-year tables: per year, the workbook's size and what the desk's runs and edits cost;
// per sheet, how its grid grows year by year.
import type { Counts } from "./busyOffice";
import type { WorkbookCells } from "./cells";
import type { Band, DayFigures } from "./sampleDay";

export interface YearRow {
  year: number;
  /** The measured day, office-local. */
  day: string;
  liveComplaints: number;
  /** Complaints moved to the yearly archive (their Stats rows). */
  archived: number;
  archiveFiles: number;
  /** The desk's hourly runs archiving the year's last month (they share that out over the month). */
  archive: { runs: number; modelledMs: number; moved: number; perRun: number[]; deskEmails: number };
  cells: WorkbookCells;
  figures: DayFigures;
  office: Counts & { openComplaints: number; pendingCallbacks: number };
}

const markdown = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

const s = (ms: number) => (ms / 1000).toFixed(1);
const both = (b: Band) => `${s(b.calibratedMs)} / ${s(b.pessimisticMs)}`;
const minutes = (b: Band) =>
  `${(b.calibratedMs / 60_000).toFixed(1)} / ${(b.pessimisticMs / 60_000).toFixed(1)}`;
const thousands = (n: number) => n.toLocaleString("en-US");

/** The middle value (the lower of the two middle ones). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** The median and the largest of a day's runs, each in both bands. */
export function spread(runs: readonly Band[]): { median: Band; max: Band } {
  const pick = (f: (values: number[]) => number) => ({
    calibratedMs: f(runs.map((r) => r.calibratedMs)),
    pessimisticMs: f(runs.map((r) => r.pessimisticMs)),
  });
  return { median: pick(median), max: pick((v) => (v.length ? Math.max(...v) : 0)) };
}

export function yearTables(rows: readonly YearRow[], multiplier: number): string {
  const band = `calibrated / ×${multiplier}`;
  const main = markdown(
    [
      "year",
      "complaints live",
      "archived",
      "grid cells",
      "of 10 M",
      "used cells",
      `hourly run, median s (${band})`,
      `hourly run, slowest s (${band})`,
      `status edit s (${band})`,
      `typed row s (${band})`,
      `trigger min/day (${band})`,
      "Sent rows",
    ],
    rows.map((r) => {
      const hourly = spread(r.figures.hourly);
      return [
        r.year,
        thousands(r.liveComplaints),
        thousands(r.archived),
        thousands(r.cells.grid),
        `${((100 * r.cells.grid) / r.cells.limit).toFixed(1)} %`,
        thousands(r.cells.used),
        both(hourly.median),
        both(hourly.max),
        both(r.figures.statusEdit),
        both(r.figures.typedRow),
        minutes(r.figures.triggerTime),
        thousands(r.cells.sheets.find((x) => x.sheet === "发送记录")?.rows ?? 0),
      ];
    }),
  );
  const sheets = [...new Set(rows.flatMap((r) => r.cells.sheets.map((x) => x.sheet)))];
  const perSheet = markdown(
    ["sheet", ...rows.map((r) => `year ${r.year}: rows · grid · used`)],
    sheets.map((name) => [
      name,
      ...rows.map((r) => {
        const x = r.cells.sheets.find((c) => c.sheet === name);
        return x ? `${thousands(x.rows)} · ${thousands(x.grid)} · ${thousands(x.used)}` : "–";
      }),
    ]),
  );
  const reads = markdown(
    [
      "year",
      "hourly run: calls · cells read (median)",
      "status edit: calls · cells read",
      "the month's archive: runs · complaints moved · modelled min",
      "archive per day, min",
      "emails (measured runs)",
      "failed runs",
    ],
    rows.map((r) => [
      r.year,
      `${median(r.figures.hourly.map((h) => h.calls))} · ${thousands(median(r.figures.hourly.map((h) => h.cellsRead)))}`,
      `${r.figures.statusEdit.calls} · ${thousands(r.figures.statusEdit.cellsRead)}`,
      `${r.archive.runs} · ${thousands(r.archive.moved)} · ${(r.archive.modelledMs / 60_000).toFixed(1)}`,
      (r.archive.modelledMs / 31 / 60_000).toFixed(1),
      r.figures.emails,
      r.figures.failures.length ? r.figures.failures.join("; ") : "none",
    ]),
  );
  return `${main}\n\nPer sheet:\n\n${perSheet}\n\nWhat the runs read, and the archive:\n\n${reads}`;
}
