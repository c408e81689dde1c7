// Writing only the cells the desk computes, found by the record's ID under the lock.
// People sort, delete, insert and type while a run works: a row number or a column read
// earlier is a guess, so every write here re-reads the rows it touches just before it writes,
// checks the record is still there and still as the decision assumed, and writes cell runs,
// never whole rows. Callers hold the document lock (withDocumentLock).

import { isDate } from "../domain/dates";
import type { Codec } from "../sheets/codec";
import { type Cell, encodeCell, type HeaderMap, isBlank, mapHeaders } from "../sheets/codec";
import type { ColumnSpec, SheetSpec } from "../sheets/schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RowPatch<T> {
  /** The record's ID: the row is found afresh in the ID column. */
  id?: string;
  /** Where the record was when it was read (a hint, checked against `id` or `expect`). */
  row?: number;
  /** Computed values to write, by record key. */
  set: Partial<T>;
  /** Keys a person may also type: written only while the cell is still blank. */
  ifBlank?: readonly (keyof T)[];
  /** Values the row must still hold, as read when deciding; otherwise the patch is skipped. */
  expect?: Partial<T>;
}

export interface PatchOutcome {
  /** Cells written. */
  written: number;
  /** Row each applied patch landed on, by patch index. */
  rows: Map<number, number>;
  skipped: { index: number; id?: string; row?: number; reason: "gone" | "changed" | "duplicate" }[];
  /**
   * Patches whose row no longer held their record right after the write: someone sorted or
   * deleted rows in the instant between the re-read and the write. Their computed cells may
   * have landed on a neighbour; the caller re-computes (computed cells heal, nothing typed is
   * involved beyond `ifBlank` cells that were blank).
   */
  displaced: number[];
}

/** Above this many separate runs in one column, read the column's span and write it back once. */
const MAX_RUNS_PER_COLUMN = 12;

export function readHeaderMap(sheet: Sheet, columns: readonly ColumnSpec[]): HeaderMap {
  const width = Math.max(1, sheet.getLastColumn());
  return mapHeaders(columns, sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
}

/** Cells of the given rows (whole width), read in blocks of adjacent rows. */
export function readRows(sheet: Sheet, rows: readonly number[], width: number): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const [first, last] of runsOf(rows)) {
    const values = sheet.getRange(first, 1, last - first + 1, width).getValues();
    values.forEach((v, i) => out.set(first + i, v));
  }
  return out;
}

/** Every data row's ID, by row number. */
function readIdColumn(sheet: Sheet, idCol: number): Map<string, number[]> {
  const last = sheet.getLastRow();
  const byId = new Map<string, number[]>();
  if (last < 2) return byId;
  sheet
    .getRange(2, idCol + 1, last - 1, 1)
    .getValues()
    .forEach(([v], i) => {
      const id = String(v ?? "").trim();
      if (!id) return;
      const list = byId.get(id) ?? [];
      list.push(i + 2);
      byId.set(id, list);
    });
  return byId;
}

/** Sorted, de-duplicated rows as [first, last] runs of adjacent rows. */
export function runsOf(rows: Iterable<number>): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const run = runs[runs.length - 1];
    if (run && r === run[1] + 1) run[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

function same(a: unknown, b: Cell): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && Math.abs(a.getTime() - b.getTime()) < 60_000;
  return String(a ?? "").trim() === String(b ?? "").trim();
}

export function patchRows<T>(
  sheet: Sheet,
  spec: SheetSpec<T>,
  codec: Codec,
  patches: readonly RowPatch<T>[],
): PatchOutcome {
  const outcome: PatchOutcome = { written: 0, rows: new Map(), skipped: [], displaced: [] };
  if (!patches.length) return outcome;
  const map = readHeaderMap(sheet, spec.columns);
  const idCol = map.index.get("id");
  const columnOf = (key: string) => spec.columns.find((c) => c.key === key);
  const encode = (key: string, value: unknown) => {
    const column = columnOf(key);
    return column ? encodeCell(column, value, codec) : "";
  };

  // Check each hinted row first (cheap); look up the ID column only for those that moved.
  const hinted = patches.map((p) => p.row).filter((r): r is number => r !== undefined && r >= 2);
  let current = readRows(sheet, hinted, map.width);
  const rowFor = new Map<number, number>();
  const lost: number[] = [];
  patches.forEach((p, i) => {
    const at = p.row !== undefined ? current.get(p.row) : undefined;
    const idHere = at && idCol !== undefined ? String(at[idCol] ?? "").trim() : undefined;
    if (at && (p.id === undefined || idHere === p.id)) rowFor.set(i, p.row as number);
    else if (p.id && idCol !== undefined) lost.push(i);
    else outcome.skipped.push({ index: i, row: p.row, reason: "gone" });
  });
  if (lost.length && idCol !== undefined) {
    const byId = readIdColumn(sheet, idCol);
    const found: number[] = [];
    for (const i of lost) {
      const p = patches[i] as RowPatch<T>;
      const rows = byId.get(p.id ?? "") ?? [];
      if (rows.length === 1) {
        rowFor.set(i, rows[0] as number);
        found.push(rows[0] as number);
      } else outcome.skipped.push({ index: i, id: p.id, reason: rows.length ? "duplicate" : "gone" });
    }
    if (found.length) current = new Map([...current, ...readRows(sheet, found, map.width)]);
  }

  // Decide cell by cell against what the row holds now.
  const writes = new Map<number, Map<number, Cell>>(); // column → row → cell
  for (const [i, row] of rowFor) {
    const p = patches[i] as RowPatch<T>;
    const now = current.get(row) ?? [];
    const held = Object.entries(p.expect ?? {}).every(([key, value]) => {
      const col = map.index.get(key);
      return col === undefined || same(now[col], encode(key, value));
    });
    if (!held) {
      outcome.skipped.push({ index: i, id: p.id, row, reason: "changed" });
      continue;
    }
    outcome.rows.set(i, row);
    const ifBlank = new Set<string>((p.ifBlank ?? []).map(String));
    for (const [key, value] of Object.entries(p.set)) {
      const col = map.index.get(key);
      if (col === undefined) continue;
      if (ifBlank.has(key) && !isBlank(now[col])) continue;
      const cell = encode(key, value);
      if (same(now[col], cell) && isDate(now[col]) === isDate(cell)) continue;
      const column = writes.get(col) ?? new Map<number, Cell>();
      column.set(row, cell);
      writes.set(col, column);
    }
  }
  for (const [col, cells] of writes) outcome.written += writeColumnCells(sheet, col, cells);
  if (outcome.written && idCol !== undefined)
    outcome.displaced = displacedAfter(sheet, idCol, patches, outcome.rows);
  return outcome;
}

/** Patches (by index) whose row holds another ID after the write: a cheap check of the ID cells written. */
function displacedAfter<T>(
  sheet: Sheet,
  idCol: number,
  patches: readonly RowPatch<T>[],
  rows: ReadonlyMap<number, number>,
): number[] {
  const runs = runsOf(rows.values());
  const first = runs[0]?.[0] ?? 2;
  const last = runs[runs.length - 1]?.[1] ?? first;
  const ids = new Map<number, string>();
  const read = (top: number, bottom: number) =>
    sheet
      .getRange(top, idCol + 1, bottom - top + 1, 1)
      .getValues()
      .forEach(([v], i) => ids.set(top + i, String(v ?? "").trim()));
  if (runs.length <= MAX_RUNS_PER_COLUMN) for (const [top, bottom] of runs) read(top, bottom);
  else read(first, last);
  const out: number[] = [];
  for (const [i, row] of rows) {
    const p = patches[i];
    const expected = String(p?.id ?? (p?.set as { id?: unknown } | undefined)?.id ?? "").trim();
    if (expected && ids.get(row) !== expected) out.push(i);
  }
  return out;
}

/** Writes the given cells of one column: one call per run of adjacent rows, or one span when scattered. */
function writeColumnCells(sheet: Sheet, col: number, cells: Map<number, Cell>): number {
  const runs = runsOf(cells.keys());
  if (runs.length <= MAX_RUNS_PER_COLUMN) {
    for (const [first, last] of runs) {
      const values: Cell[][] = [];
      for (let r = first; r <= last; r++) values.push([cells.get(r) as Cell]);
      sheet.getRange(first, col + 1, values.length, 1).setValues(values);
    }
    return cells.size;
  }
  // Many scattered rows: re-read the span right before writing it back, changing only ours.
  const first = runs[0]?.[0] ?? 2;
  const last = runs[runs.length - 1]?.[1] ?? first;
  const range = sheet.getRange(first, col + 1, last - first + 1, 1);
  const values = range.getValues() as Cell[][];
  for (const [r, cell] of cells) values[r - first] = [cell];
  range.setValues(values);
  return cells.size;
}

/**
 * The first row after the last one holding anything in its first `width` columns: a row a
 * person is half-way through typing is content too, and is never written over. getLastRow()
 * also counts rows that only carry formats or dropdowns, so it is a starting point checked
 * backwards in widening windows.
 */
export function nextEmptyRow(sheet: Sheet, width: number): number {
  let bottom = sheet.getLastRow();
  let window = 64;
  while (bottom >= 2) {
    const top = Math.max(2, bottom - window + 1);
    const values = sheet.getRange(top, 1, bottom - top + 1, Math.max(1, width)).getValues();
    for (let i = values.length - 1; i >= 0; i--) if (!(values[i] ?? []).every(isBlank)) return top + i + 1;
    bottom = top - 1;
    window *= 4;
  }
  return 2;
}
