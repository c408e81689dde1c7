// One day of a year measured on the real desk: its installed triggers fire at sampled hours (and
// the digest at its hour) while the office's people keep working, filled in before each run; at
// 10:30 a person types a new complaint and resolves it, each measured as the executions it
// causes. Trigger time per day is 24 hourly runs at the sampled runs' mean, plus the digest.
import { pessimisticMs } from "../../local/costs";
import type { Runtime } from "../../local/emu/runtime";
import type { ExecutionRecord } from "../../local/meter";
import { cellOf, readSheet } from "../../sim/workbook";
import type { Status } from "../../src/domain/complaint";
import { type Codec, choiceLabel } from "../../src/sheets/codec";
import { type Measure, measure } from "../actions";
import type { Fixture } from "../office";
import type { BusyOffice } from "./busyOffice";
import { adoptHighWater, fill } from "./fill";

const HOUR = 3_600_000;
const NO_DATA: Fixture = { complaints: [], log: [], services: [], owners: [] };

export interface Band {
  calibratedMs: number;
  pessimisticMs: number;
}

export interface RunFigures extends Band {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Complaints the run's archive job moved out of the workbook. */
  archived: number;
}

export interface DayFigures {
  /** The day's measured hourly runs (MEASURED_HOURS), in order. */
  hourly: RunFigures[];
  digest: RunFigures[];
  typedRow: Measure;
  statusEdit: Measure;
  /** Runs that failed that day, with why. */
  failures: string[];
  /** Emails the desk's own runs sent that day (the measured hours). */
  emails: number;
}

/** An execution's figures, and how many complaints left the live workbook meanwhile. */
export const figures = (rt: Runtime, r: ExecutionRecord, archived = 0): RunFigures => ({
  calibratedMs: Math.round(r.modelledMs),
  pessimisticMs: Math.round(pessimisticMs(rt.meter.costs, r.modelledMs, r.waitedMs)),
  calls: r.calls,
  cellsRead: r.cellsRead,
  cellsWritten: r.cellsWritten,
  archived,
});

/** A unit and a place the office's own complaints never name: the typed complaint repeats none. */
const TYPED_UNIT = "31栋1单元0101";

/** A person types a whole new complaint on the first empty row, as one paste; returns its row. */
function typeNewRow(rt: Runtime): number {
  const view = readSheet(rt, "complaints");
  const row = rt.meter.quietly(() => rt.sheets.spreadsheet.getSheetByName(view.name)?.getLastRow() ?? 1) + 1;
  const typed: Record<string, string> = {
    渠道: "电话",
    房号: TYPED_UNIT,
    业主: "李女士",
    联系电话: "13912345678",
    类别: "噪音扰民",
    严重程度: "一般",
    地点: "31栋会所",
    投诉内容: "夜间装修噪音",
  };
  const from = view.header.indexOf("受理时间");
  const to = view.header.indexOf("投诉内容");
  const values = view.header.slice(from, to + 1).map((h) => typed[h] ?? "");
  rt.edit(view.name, `${cellOf(view, row, "受理时间")}:${cellOf(view, row, "投诉内容")}`, [values]);
  return row;
}

function setStatus(rt: Runtime, codec: Codec, row: number, status: Status) {
  const view = readSheet(rt, "complaints");
  rt.edit(view.name, cellOf(view, row, "状态"), choiceLabel("status", status, codec.t));
}

/** The hours of the day (office-local, from midnight) whose hourly run is the desk's own and measured. */
export const MEASURED_HOURS = [0, 4, 8, 11, 15, 20] as const;

/**
 * The measured day from `day` (its first hourly run): at the measured hours the office's
 * records up to the run are filled in and the desk's triggers fire; the other hours' runs are
 * the office's (years/busyOffice.ts), as in every other month. Runs at all 24 hours here
 * would take most of the benchmark's time: their cost is read from the sampled ones.
 */
export function sampleDay(
  rt: Runtime,
  office: BusyOffice,
  codec: Codec,
  day: number,
  liveComplaints: () => number,
): DayFigures {
  const at = (hour: number) => day + hour * HOUR;
  /** Everything before `to` happens, then the desk's installed triggers fire at `to`. */
  const hourly: RunFigures[] = [];
  const digest: RunFigures[] = [];
  const deskRunsAt = (to: number) => {
    office.advance(to - 1);
    fill(rt, office, office.take(), codec);
    rt.clock.set(to);
    const first = rt.meter.executions.length;
    const before = liveComplaints();
    rt.advanceTo(to);
    for (const r of rt.meter.executions.slice(first))
      if (r.label === "runReminders") hourly.push(figures(rt, r, before - liveComplaints()));
      else if (r.label === "runDailyDigest") digest.push(figures(rt, r));
    // The office's own share of that hour is the desk's: only the ledger follows.
    office.advance(to, { shadow: true });
  };
  const failures = rt.failures.length;
  for (const hour of MEASURED_HOURS.filter((h) => h < 10.5)) deskRunsAt(at(hour));
  // 10:30: a new complaint typed in, moved on by people, and resolved.
  office.advance(at(10.5));
  fill(rt, office, office.take(), codec);
  rt.clock.set(at(10.5));
  let row = 0;
  const typedRow = measure(
    rt,
    liveComplaints(),
    {
      name: "typed row (onEdit)",
      kind: "trigger",
      act: () => {
        row = typeNewRow(rt);
      },
    },
    NO_DATA,
  );
  setStatus(rt, codec, row, "acknowledged");
  setStatus(rt, codec, row, "in_progress");
  const statusEdit = measure(
    rt,
    liveComplaints(),
    {
      name: "status edit → resolved (onEdit)",
      kind: "trigger",
      act: () => setStatus(rt, codec, row, "resolved"),
    },
    NO_DATA,
  );
  const resolved = rt.meter.quietly(() => {
    const view = readSheet(rt, "complaints");
    return view.rows.find((_, i) => view.rowNumber(i) === row)?.["状态"];
  });
  adoptHighWater(rt, office);
  for (const hour of MEASURED_HOURS.filter((h) => h > 10.5)) deskRunsAt(at(hour));
  office.advance(at(24) - 1);
  fill(rt, office, office.take(), codec);
  const refused =
    resolved === choiceLabel("status", "resolved", codec.t) ? [] : [`status edit left ${String(resolved)}`];
  return {
    hourly,
    digest,
    typedRow,
    statusEdit,
    failures: [...refused, ...rt.failures.slice(failures).map((f) => `${f.name}: ${f.message}`)],
    emails: rt.outbox.filter((m) => m.at >= day && m.at < at(24)).length,
  };
}
