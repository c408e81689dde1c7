// Allocating record IDs. Callers hold the document lock, so two people never get the same one.
import { formatId, highestSeq, type IdPrefix } from "../domain/ids";
import { documentProps } from "../gas/services";

// Complaints keep the key they always had; other records get their own.
const key = (year: number, prefix: IdPrefix) =>
  prefix === "TS" ? `ids.highWater.${year}` : `ids.${prefix}.highWater.${year}`;

/** Reserves `count` new IDs for `year`; the high-water mark outlives deleted rows, so IDs are never reused. */
export function reserveIds(
  year: number,
  count: number,
  idsInSheet: readonly string[] | (() => readonly string[]),
  prefix: IdPrefix = "TS",
): string[] {
  const props = documentProps();
  const mark = props.getProperty(key(year, prefix));
  const stored = Number(mark ?? "0") || 0;
  // The mark is the truth; the sheet is read only when it is missing (a copied workbook).
  const seen = typeof idsInSheet === "function" ? (mark === null ? idsInSheet() : []) : idsInSheet;
  const start = highestSeq(year, stored, seen, prefix);
  props.setProperty(key(year, prefix), String(start + count));
  return Array.from({ length: count }, (_, i) => formatId(year, start + 1 + i, prefix));
}

/** New IDs for records made now, numbered in the office's current year. */
export function newIds(
  office: { now: Date; codec: { utcOffsetMinutes: number } },
  count: number,
  idsInSheet: readonly string[] | (() => readonly string[]),
  prefix: IdPrefix = "TS",
): string[] {
  const year = new Date(office.now.getTime() + office.codec.utcOffsetMinutes * 60_000).getUTCFullYear();
  return reserveIds(year, count, idsInSheet, prefix);
}
