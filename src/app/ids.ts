// Allocating complaint IDs. Callers hold the document lock, so two people never get the same one.
import { formatId, highestSeq } from "../domain/ids";
import { documentProps } from "../gas/services";

const key = (year: number) => `ids.highWater.${year}`;

/** Reserves `count` new IDs for `year`; the high-water mark outlives deleted rows, so IDs are never reused. */
export function reserveIds(year: number, count: number, idsInSheet: readonly string[]): string[] {
  const props = documentProps();
  const stored = Number(props.getProperty(key(year)) ?? "0") || 0;
  const start = highestSeq(year, stored, idsInSheet);
  props.setProperty(key(year), String(start + count));
  return Array.from({ length: count }, (_, i) => formatId(year, start + 1 + i));
}
