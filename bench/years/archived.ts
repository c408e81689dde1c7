// What the archive job has done by a month's end, for the months its runs are not replayed:
// every complaint the archive's own rule finds due (closed before the cutoff, one row, its
// call-backs settled) has left the live workbook with its call-back, Log and Sent rows, and
// has a Stats row with the figures it closed with. The real job, run by the desk's hourly
// runs, takes over for the month before each measured day. Running it for every month of five
// years would take hours here (about five runs a month, each reading the whole workbook),
// while what it leaves behind is this. Unmetered; the archive files themselves are not made.
import type { Runtime } from "../../local/emu/runtime";
import { sheetName } from "../../sim/workbook";
import { archivable, type ClosedState, frozenFigures, monthsBefore } from "../../src/domain/archive";
import type { Callback } from "../../src/domain/callback";
import type { Status } from "../../src/domain/complaint";
import { isDate } from "../../src/domain/dates";
import { scoreComplaint } from "../../src/domain/rowEdit";
import { parseTrail } from "../../src/domain/trail";
import { choiceCode, decodeRows, encodeRow, mapHeaders } from "../../src/sheets/codec";
import { headerFor, SCHEMAS, type SheetSpec } from "../../src/sheets/schema";
import type { Office } from "../fixtures";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Moved = "complaints" | "callbacks" | "log" | "sent";
/** The column naming each row's record: its ID, or the item a Log or Sent row is about. */
const KEY: Record<Moved, string> = { complaints: "id", callbacks: "id", log: "item", sent: "item" };

function table(rt: Runtime, which: Moved) {
  const sheet = rt.sheets.spreadsheet.getSheetByName(sheetName(rt, which)) as unknown as Sheet;
  const values = sheet.getDataRange().getValues();
  const spec = SCHEMAS[which] as unknown as SheetSpec<unknown>;
  const map = mapHeaders(spec.columns, values[0] ?? []);
  return { sheet, spec, map, rows: values.slice(1) };
}

type Table = ReturnType<typeof table>;

/** Keeps only the rows `keep` says, in order; the rows freed at the end of the data go, as deletions would. */
function keepRows(which: Table, keep: (row: unknown[]) => boolean): number {
  const { sheet, map, rows } = which;
  const kept = rows.filter(keep);
  const gone = rows.length - kept.length;
  if (!gone) return 0;
  if (kept.length)
    sheet.getRange(2, 1, kept.length, map.width).setValues(kept.map((r) => r.slice(0, map.width)));
  sheet.deleteRows(2 + kept.length, gone);
  return gone;
}

function statsSheet(rt: Runtime, office: Office): Sheet {
  const name = office.codec.t("sheet.stats");
  const found = rt.sheets.spreadsheet.getSheetByName(name) as unknown as Sheet | null;
  if (found) return found;
  // As the archive makes it: its header, frozen, no spare grid.
  const sheet = rt.sheets.spreadsheet.insertSheet(name) as unknown as Sheet;
  const columns = SCHEMAS.stats.columns;
  sheet
    .getRange(1, 1, 1, columns.length)
    .setValues([columns.map((c) => headerFor(c, office.codec.language))]);
  sheet.setFrozenRows(1);
  sheet.deleteColumns(columns.length + 1, sheet.getMaxColumns() - columns.length);
  sheet.deleteRows(3, sheet.getMaxRows() - 2);
  return sheet;
}

const statusOf = (label: unknown) => choiceCode("status", String(label ?? "")) as Status | null;

const text = (v: unknown) => String(v ?? "").trim();

/** What the archive's rule reads: each complaint's state, and its call-backs' links (narrow columns only). */
function dueIds(
  complaints: Table,
  callbacks: Table,
  cutoff: number,
): { due: Set<string>; callbacks: Set<string> } {
  const at = (t: Table, key: string) => t.map.index.get(key) ?? -1;
  const [id, status, closedAt] = ["id", "status", "closedAt"].map((k) => at(complaints, k));
  const states: ClosedState[] = complaints.rows.map((r) => {
    const closed = r[closedAt ?? -1];
    return {
      id: text(r[id ?? -1]),
      status: statusOf(r[status ?? -1]) ?? "",
      closedAt: isDate(closed) ? closed.getTime() : null,
    };
  });
  const [cbId, source, ref, state, satisfaction] = ["id", "source", "ref", "state", "satisfaction"].map((k) =>
    at(callbacks, k),
  );
  const links = callbacks.rows.map((r) => ({
    id: text(r[cbId ?? -1]),
    source: choiceCode("cbSource", text(r[source ?? -1])) ?? "",
    ref: text(r[ref ?? -1]),
    state: choiceCode("cbState", text(r[state ?? -1])) ?? "",
    satisfaction: choiceCode("satisfaction", text(r[satisfaction ?? -1])) ?? "",
  })) as Pick<Callback, "id" | "source" | "ref" | "state" | "satisfaction">[];
  const due = new Set(archivable(states, links as Callback[], cutoff).map((d) => d.id));
  const theirs = links.filter((cb) => cb.source === "complaint" && due.has(cb.ref)).map((cb) => cb.id);
  return { due, callbacks: new Set(theirs) };
}

/** Moves out what the archive would have by `now`; returns how many complaints moved. */
export function archiveDue(rt: Runtime, office: Office, now: number): number {
  const { codec } = office;
  return rt.meter.quietly(() => {
    const complaints = table(rt, "complaints");
    const callbacks = table(rt, "callbacks");
    const cutoff = monthsBefore(now, office.settings.archiveAfterMonths, codec.utcOffsetMinutes);
    const { due, callbacks: theirCallbacks } = dueIds(complaints, callbacks, cutoff);
    if (!due.size) return 0;
    const items = new Set([...due, ...theirCallbacks]);
    // Their figures first, as the archive writes Stats before any row leaves.
    const idCol = complaints.map.index.get("id") ?? -1;
    const records = decodeRows(
      SCHEMAS.complaints,
      complaints.map,
      complaints.rows.filter((r) => due.has(text(r[idCol]))),
      codec,
    ).records;
    const figures = records.map((c) => {
      const history = parseTrail(c.trail, codec.utcOffsetMinutes, statusOf) ?? [];
      const sla = scoreComplaint(c, history, { now: new Date(now), ...office });
      return frozenFigures(
        c,
        sla,
        new Date(now),
        `archived by the benchmark's fill, ${new Date(now).toISOString().slice(0, 7)}`,
      );
    });
    const stats = statsSheet(rt, office);
    const map = mapHeaders(
      SCHEMAS.stats.columns,
      stats.getRange(1, 1, 1, stats.getLastColumn()).getValues()[0] ?? [],
    );
    const first = stats.getLastRow() + 1;
    const needed = first + figures.length - 1 - stats.getMaxRows();
    if (needed > 0) stats.insertRowsAfter(stats.getMaxRows(), needed);
    stats
      .getRange(first, 1, figures.length, map.width)
      .setValues(figures.map((f) => encodeRow(SCHEMAS.stats, map, f, codec)));
    const moved = (which: Table, key: string, wanted: ReadonlySet<string>) => {
      const col = which.map.index.get(key) ?? -1;
      return keepRows(which, (row) => !wanted.has(text(row[col])));
    };
    moved(complaints, KEY.complaints, due);
    moved(callbacks, KEY.callbacks, theirCallbacks);
    moved(table(rt, "log"), KEY.log, items);
    moved(table(rt, "sent"), KEY.sent, items);
    return due.size;
  });
}
