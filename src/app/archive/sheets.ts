// The live sheets an archived complaint's rows come from, read the way the archive needs them:
// one key column to find the rows, then only those rows (in blocks, or one span when they are
// scattered), and rows deleted in contiguous blocks from the bottom up.
import type { ArchivedSheet, ArchivedTable } from "../../domain/archive";
import { readRows, runsOf } from "../../gas/patch";
import { findSheet } from "../../gas/table";
import { type HeaderMap, mapHeaders } from "../../sheets/codec";
import { SCHEMAS } from "../../sheets/schema";
import type { Office } from "../office";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The column that names each sheet's rows: the record's ID, or the item a Log or Sent row is about. */
const KEY: Record<ArchivedSheet, string> = { complaints: "id", callbacks: "id", log: "item", sent: "item" };

/** Above this many separate blocks, one read from the first to the last is cheaper than a read per block. */
const MAX_BLOCK_READS = 25;

export interface LiveSheet {
  which: ArchivedSheet;
  sheet: Sheet;
  /** The header row as it reads now. */
  header: string[];
  map: HeaderMap;
  /** 0-based column of the key; undefined when someone removed it. */
  keyCol: number | undefined;
}

/** One of the four sheets with its header, or null when the office has no such sheet. */
export function openLive(office: Office, which: ArchivedSheet): LiveSheet | null {
  const spec = SCHEMAS[which];
  const sheet = findSheet(office.ss, spec, office.t(spec.nameKey));
  if (!sheet) return null;
  const width = Math.max(1, sheet.getLastColumn());
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => String(h ?? ""));
  const map = mapHeaders(spec.columns, header);
  return { which, sheet, header, map, keyCol: map.index.get(KEY[which]) };
}

/** Each data row's key (trimmed), in sheet order from row 2. */
export function keysOf(live: LiveSheet): string[] {
  const last = live.sheet.getLastRow();
  if (live.keyCol === undefined || last < 2) return [];
  return live.sheet
    .getRange(2, live.keyCol + 1, last - 1, 1)
    .getValues()
    .map(([v]) => String(v ?? "").trim());
}

/** Sheet rows whose key is one of `wanted`. */
export function rowsKeyed(keys: readonly string[], wanted: ReadonlySet<string>): number[] {
  const rows: number[] = [];
  keys.forEach((k, i) => {
    if (k && wanted.has(k)) rows.push(i + 2);
  });
  return rows;
}

/** The given rows' cells (whole header width). */
export function readAt(live: LiveSheet, rows: readonly number[]): Map<number, unknown[]> {
  const width = Math.max(1, live.header.length);
  const blocks = runsOf(rows);
  if (blocks.length <= MAX_BLOCK_READS) return readRows(live.sheet, rows, width);
  const first = blocks[0]?.[0] ?? 2;
  const last = blocks[blocks.length - 1]?.[1] ?? first;
  const wanted = new Set(rows);
  const out = new Map<number, unknown[]>();
  live.sheet
    .getRange(first, 1, last - first + 1, width)
    .getValues()
    .forEach((v, i) => {
      if (wanted.has(first + i)) out.set(first + i, v);
    });
  return out;
}

/** The rows as an archived table (header and rows in sheet order). */
export function tableOf(live: LiveSheet | null, rows: ReadonlyMap<number, unknown[]>): ArchivedTable {
  if (!live) return { header: [], rows: [] };
  return {
    header: live.header,
    rows: [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r) ?? []),
  };
}

/** Column `key` of each row, trimmed (a record's ID, a call-back's source or reference). */
export function cellsOf(table: ArchivedTable, columns: HeaderMap, key: string): string[] {
  const col = columns.index.get(key);
  return table.rows.map((r) => (col === undefined ? "" : String(r[col] ?? "").trim()));
}

export interface Deleted {
  rows: number;
  /** False when time ran out or the rows moved under us: the rest waits for the next pass. */
  finished: boolean;
}

/**
 * Deletes the rows in contiguous blocks, bottom-up (so the rows above keep their numbers), at
 * most `maxBlocks` of them. With `expect`, each block's keys are read again right before its
 * delete: people sort and insert rows in sheets they type in, even while the desk holds the lock,
 * and a block whose rows moved is left for the next pass to find again.
 */
export function deleteBlocks(
  sheet: Sheet,
  rows: readonly number[],
  options: { maxBlocks: number; keyCol?: number; expect?: ReadonlyMap<number, string>; stop: () => boolean },
): Deleted {
  const blocks = runsOf(rows).reverse();
  let deleted = 0;
  let done = 0;
  // Google refuses to delete every row below the frozen header: keep one empty row.
  let maxRows = blocks.length ? sheet.getMaxRows() : 0;
  for (const [first, last] of blocks) {
    if (done >= options.maxBlocks || options.stop()) return { rows: deleted, finished: false };
    const { expect, keyCol } = options;
    if (expect && keyCol !== undefined) {
      const now = sheet.getRange(first, keyCol + 1, last - first + 1, 1).getValues();
      if (now.some(([v], i) => String(v ?? "").trim() !== expect.get(first + i)))
        return { rows: deleted, finished: false };
    }
    if (first === 2 && last >= maxRows) {
      sheet.insertRowsAfter(maxRows, 1);
      maxRows += 1;
    }
    sheet.deleteRows(first, last - first + 1);
    maxRows -= last - first + 1;
    deleted += last - first + 1;
    done += 1;
  }
  return { rows: deleted, finished: true };
}
