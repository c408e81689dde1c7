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
  const spec = SCHEMAS[which] as unknown as SheetSpec<unknown>;
  const map = mapHeaders(
    spec.columns,
    sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [],
  );
  const last = sheet.getLastRow();
  /** One column's cells, rows 2 to the last ([] when the sheet lacks it). */
  const column = (key: string): unknown[] => {
    const col = map.index.get(key);
    if (col === undefined || last < 2) return [];
    return sheet
      .getRange(2, col + 1, last - 1, 1)
      .getValues()
      .map(([v]) => v);
  };
  return { sheet, map, last, column };
}

type Table = ReturnType<typeof table>;

/** Deletes the rows whose record is among `gone`, block by block from the bottom, as the archive does. */
function removeRows(t: Table, key: string, gone: ReadonlySet<string>): number {
  const rows = t
    .column(key)
    .map((k, i) => (gone.has(text(k)) ? i + 2 : 0))
    .filter((row) => row > 0);
  for (let end = rows.length - 1; end >= 0; ) {
    let start = end;
    while (start > 0 && rows[start - 1] === (rows[start] ?? 0) - 1) start -= 1;
    t.sheet.deleteRows(rows[start] ?? 2, end - start + 1);
    end = start - 1;
  }
  return rows.length;
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
  const statuses = complaints.column("status");
  const closed = complaints.column("closedAt");
  const states: ClosedState[] = complaints.column("id").map((id, i) => {
    const at = closed[i];
    return { id: text(id), status: statusOf(statuses[i]) ?? "", closedAt: isDate(at) ? at.getTime() : null };
  });
  const [source, ref, state, satisfaction] = ["source", "ref", "state", "satisfaction"].map((k) =>
    callbacks.column(k).map(text),
  );
  const links = callbacks.column("id").map((id, i) => ({
    id: text(id),
    source: choiceCode("cbSource", source?.[i] ?? "") ?? "",
    ref: ref?.[i] ?? "",
    state: choiceCode("cbState", state?.[i] ?? "") ?? "",
    satisfaction: choiceCode("satisfaction", satisfaction?.[i] ?? "") ?? "",
  })) as Callback[];
  const due = new Set(archivable(states, links, cutoff).map((d) => d.id));
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
    // Their figures first, as the archive writes Stats before any row leaves.
    const ids = complaints.column("id").map(text);
    const first = ids.findIndex((id) => due.has(id));
    const rows = complaints.sheet
      .getRange(2 + first, 1, ids.length - first, complaints.map.width)
      .getValues()
      .filter((_, i) => due.has(ids[first + i] ?? ""));
    const figures = decodeRows(SCHEMAS.complaints, complaints.map, rows, codec).records.map((c) => {
      const history = parseTrail(c.trail, codec.utcOffsetMinutes, statusOf) ?? [];
      const sla = scoreComplaint(c, history, { now: new Date(now), ...office });
      const month = new Date(now).toISOString().slice(0, 7);
      return frozenFigures(c, sla, new Date(now), `archived by the benchmark's fill, ${month}`);
    });
    const stats = statsSheet(rt, office);
    const map = mapHeaders(
      SCHEMAS.stats.columns,
      stats.getRange(1, 1, 1, stats.getLastColumn()).getValues()[0] ?? [],
    );
    const at = stats.getLastRow() + 1;
    const needed = at + figures.length - 1 - stats.getMaxRows();
    if (needed > 0) stats.insertRowsAfter(stats.getMaxRows(), needed);
    stats
      .getRange(at, 1, figures.length, map.width)
      .setValues(figures.map((f) => encodeRow(SCHEMAS.stats, map, f, codec)));
    const items = new Set([...due, ...theirCallbacks]);
    removeRows(complaints, KEY.complaints, due);
    removeRows(callbacks, KEY.callbacks, theirCallbacks);
    removeRows(table(rt, "log"), KEY.log, items);
    removeRows(table(rt, "sent"), KEY.sent, items);
    return due.size;
  });
}
