// Writes a busy office's changed records into the emulated workbook where the desk would have
// them, unmetered: a changed record over its own row (found by its ID, or its Sent record),
// a new one after the last used row, Log rows appended in order; and the ID high-water marks
// the desk keeps, so records the desk makes itself continue the numbering.
import type { Runtime } from "../../local/emu/runtime";
import { type SheetKey, sheetName } from "../../sim/workbook";
import { recordOf, sentFields } from "../../src/domain/notices";
import { type Codec, encodeRow, type HeaderMap, mapHeaders } from "../../src/sheets/codec";
import { numberFormatFor } from "../../src/sheets/formats";
import { SCHEMAS, type SentRow, type SheetSpec } from "../../src/sheets/schema";
import type { BusyOffice, Writes } from "./busyOffice";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Filled = "complaints" | "callbacks" | "log" | "sent";

export interface Filling {
  appended: Record<Filled, number>;
  updated: Record<Filled, number>;
}

function open(rt: Runtime, key: SheetKey & keyof typeof SCHEMAS) {
  const sheet = rt.sheets.spreadsheet.getSheetByName(sheetName(rt, key)) as unknown as Sheet | null;
  if (!sheet) throw new Error(`no ${key} sheet`);
  const spec = SCHEMAS[key] as unknown as SheetSpec<unknown>;
  const header = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
  return { sheet, spec, map: mapHeaders(spec.columns, header) };
}

/** Row of each record in the sheet by its key column (what `keyOf` makes of the cell). */
function rowsByKey(sheet: Sheet, map: HeaderMap, column: string, keyOf: (cell: string) => string) {
  const col = map.index.get(column);
  const last = sheet.getLastRow();
  const out = new Map<string, number>();
  if (col === undefined || last < 2) return out;
  sheet
    .getRange(2, col + 1, last - 1, 1)
    .getValues()
    .forEach(([v], i) => {
      const k = keyOf(String(v ?? "").trim());
      if (k) out.set(k, i + 2);
    });
  return out;
}

/**
 * After the last used row, growing the grid only by what is written (as the desk's writes do).
 * Historic rows get the column formats but no dropdowns: nothing the desk runs reads them back,
 * and the emulator moves every per-cell rule on each row deletion (minutes per archived batch).
 */
function append(sheet: Sheet, spec: SheetSpec<unknown>, map: HeaderMap, rows: unknown[][]) {
  if (!rows.length) return;
  const first = sheet.getLastRow() + 1;
  const needed = first + rows.length - 1;
  if (needed > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needed - sheet.getMaxRows());
  const range = sheet.getRange(first, 1, rows.length, map.width);
  const formats = Array.from({ length: map.width }, () => "@");
  for (const column of spec.columns) {
    const i = map.index.get(column.key);
    if (i !== undefined) formats[i] = numberFormatFor(column.kind);
  }
  range.setNumberFormats(rows.map(() => formats));
  range.clearDataValidations();
  range.setValues(rows);
}

function upsert<T>(
  rt: Runtime,
  key: "complaints" | "callbacks" | "sent",
  records: ReadonlyMap<string, T>,
  codec: Codec,
  keyColumn: string,
  keyOf: (cell: string) => string,
): { appended: number; updated: number } {
  if (!records.size) return { appended: 0, updated: 0 };
  const { sheet, spec, map } = open(rt, key);
  const rows = rowsByKey(sheet, map, keyColumn, keyOf);
  const fresh: unknown[][] = [];
  let updated = 0;
  for (const [k, record] of records) {
    const cells = encodeRow(spec, map, record, codec);
    const row = rows.get(k);
    if (row === undefined) fresh.push(cells);
    else {
      sheet.getRange(row, 1, 1, map.width).setValues([cells]);
      updated += 1;
    }
  }
  append(sheet, spec, map, fresh);
  return { appended: fresh.length, updated };
}

const sentRow = (line: { at: Date; key: string; subject: string }): SentRow => ({
  at: line.at,
  key: line.key,
  ...sentFields(line.key),
  subject: line.subject,
});

/** The writes into the workbook, without counting them against any execution. */
export function fill(rt: Runtime, office: BusyOffice, writes: Writes, codec: Codec): Filling {
  return rt.meter.quietly(() => {
    const complaints = upsert(rt, "complaints", writes.complaints, codec, "id", (v) => v);
    const callbacks = upsert(rt, "callbacks", writes.callbacks, codec, "id", (v) => v);
    const sentLines = new Map([...writes.sent].map(([record, line]) => [record, sentRow(line)]));
    // Only a call-back's record differs from its key (a row per call-back, whatever the day).
    const record = (key: string) => (key.startsWith("callback|") ? recordOf(key) : key);
    const sent = upsert(rt, "sent", sentLines, codec, "key", record);
    const log = open(rt, "log");
    append(
      log.sheet,
      log.spec,
      log.map,
      writes.log.map((e) => encodeRow(log.spec, log.map, e, codec)),
    );
    // The desk's high-water marks: never below what it handed out itself meanwhile.
    for (const [k, seq] of office.highWater()) {
      const [prefix, year] = k.split(".");
      const prop = prefix === "TS" ? `ids.highWater.${year}` : `ids.${prefix}.highWater.${year}`;
      const stored = Number(rt.properties.document.get(prop) ?? 0);
      rt.properties.document.set(prop, String(Math.max(stored, seq)));
    }
    return {
      appended: {
        complaints: complaints.appended,
        callbacks: callbacks.appended,
        log: writes.log.length,
        sent: sent.appended,
      },
      updated: { complaints: complaints.updated, callbacks: callbacks.updated, log: 0, sent: sent.updated },
    };
  });
}

/** Records appended to a sheet as they are (the owners an office imported, say), unmetered. */
export function appendAll<T>(
  rt: Runtime,
  key: SheetKey & keyof typeof SCHEMAS,
  records: readonly T[],
  codec: Codec,
) {
  rt.meter.quietly(() => {
    const { sheet, spec, map } = open(rt, key);
    append(
      sheet,
      spec,
      map,
      records.map((r) => encodeRow(spec, map, r, codec)),
    );
  });
}

/** The desk handed out IDs itself (a typed row, a call-back): the office continues after them. */
export function adoptHighWater(rt: Runtime, office: BusyOffice) {
  for (const [prop, value] of rt.properties.document) {
    const m = /^ids\.(?:(HF)\.)?highWater\.(\d{4})$/.exec(prop);
    if (m) office.reserveAfter(m[1] === "HF" ? "HF" : "TS", Number(m[2]), Number(value) || 0);
  }
}
