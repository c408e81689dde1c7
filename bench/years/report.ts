// The five-year tables: per year, the workbook's size and what the desk's runs and edits cost;
// per sheet, how its grid grows year by year.
import type { Counts } from "./busyOffice";
import type { WorkbookCells } from "./cells";
import type { Band, DayFigures, RunFigures } from "./sampleDay";

export interface ArchiveCatchUp {
  runs: RunFigures[];
  /** Emails those runs sent: the office had sent everything due already, so few or none. */
  deskEmails: number;
}

export interface YearRow {
  year: number;
  /** The measured day, office-local. */
  day: string;
  liveComplaints: number;
  /** Complaints moved to the yearly archive (their Stats rows). */
  archived: number;
  archiveFiles: number;
  /** The desk's hourly runs archiving what came due before the measured day. */
  archive: ArchiveCatchUp;
  /** The day's installed-trigger time, from the measured runs (dailyTriggerTime). */
  perDay: ReturnType<typeof dailyTriggerTime>;
  sentRows: number;
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

const sum = (runs: readonly Band[], f: (b: Band) => number) => runs.reduce((n, r) => n + f(r), 0);

/**
 * What the archive costs per complaint it moves: the runs that moved some, less what such a run
 * costs without archiving (`base`), divided by the complaints moved. Null when none moved.
 */
export function archivePerComplaint(runs: readonly RunFigures[], base: Band): Band | null {
  const archiving = runs.filter((r) => r.archived > 0);
  const moved = archiving.reduce((n, r) => n + r.archived, 0);
  if (!moved) return null;
  const per = (f: (b: Band) => number) => Math.max(0, sum(archiving, f) - archiving.length * f(base)) / moved;
  return { calibratedMs: per((b) => b.calibratedMs), pessimisticMs: per((b) => b.pessimisticMs) };
}

/**
 * Installed-trigger time of a day: 24 hourly runs at the mean of the measured ones that moved
 * nothing to the archive, the digest, and the archive's share for the complaints a day brings
 * (each batch of 100 lands in one hour, about every three days).
 */
export function dailyTriggerTime(
  hourly: readonly RunFigures[],
  digest: readonly Band[],
  archiving: readonly RunFigures[],
  complaintsPerDay: number,
): { base: Band; perComplaint: Band | null; total: Band } {
  const plain = hourly.filter((r) => r.archived === 0);
  const runs = plain.length ? plain : hourly;
  const mean = (f: (b: Band) => number) => sum(runs, f) / Math.max(1, runs.length);
  const base = { calibratedMs: mean((b) => b.calibratedMs), pessimisticMs: mean((b) => b.pessimisticMs) };
  const perComplaint = archivePerComplaint(archiving, base);
  const total = (f: (b: Band) => number) =>
    24 * f(base) + sum(digest, f) + complaintsPerDay * (perComplaint ? f(perComplaint) : 0);
  return {
    base,
    perComplaint,
    total: { calibratedMs: total((b) => b.calibratedMs), pessimisticMs: total((b) => b.pessimisticMs) },
  };
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
      `archive, s per 100 complaints (${band})`,
      `status edit s (${band})`,
      `typed row s (${band})`,
      `trigger min/day (${band})`,
      "Sent rows",
    ],
    rows.map((r) => {
      const hourly = spread(r.figures.hourly);
      const per100 = r.perDay.perComplaint;
      return [
        r.year,
        thousands(r.liveComplaints),
        thousands(r.archived),
        thousands(r.cells.grid),
        `${((100 * r.cells.grid) / r.cells.limit).toFixed(1)} %`,
        thousands(r.cells.used),
        both(hourly.median),
        both(hourly.max),
        per100
          ? both({ calibratedMs: 100 * per100.calibratedMs, pessimisticMs: 100 * per100.pessimisticMs })
          : "–",
        both(r.figures.statusEdit),
        both(r.figures.typedRow),
        minutes(r.perDay.total),
        thousands(r.sentRows),
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
  const calls = (m: { calls: number; cellsRead: number }) => `${m.calls} · ${thousands(m.cellsRead)}`;
  const reads = markdown(
    [
      "year",
      "hourly run: calls · cells read (median)",
      "status edit: calls · cells read",
      "typed row: calls · cells read",
      "archive before the day: runs · complaints moved",
      "emails from the measured runs · from the archive's runs",
      "problems",
    ],
    rows.map((r) => [
      r.year,
      calls({
        calls: median(r.figures.hourly.map((h) => h.calls)),
        cellsRead: median(r.figures.hourly.map((h) => h.cellsRead)),
      }),
      calls(r.figures.statusEdit),
      calls(r.figures.typedRow),
      `${r.archive.runs.length} · ${thousands(r.archive.runs.reduce((n, x) => n + x.archived, 0))}`,
      `${r.figures.emails} · ${r.archive.deskEmails}`,
      r.figures.failures.length ? r.figures.failures.join("; ") : "none",
    ]),
  );
  return `${main}\n\nPer sheet:\n\n${perSheet}\n\nWhat the runs read, and the archive:\n\n${reads}`;
}
