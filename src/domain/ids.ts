// Record IDs: <prefix>-<year>-<six-digit sequence>, never reused (the high-water mark only grows).
// Complaints are TS (投诉), call-backs HF (回访).

export type IdPrefix = "TS" | "HF";

export function formatId(year: number, seq: number, prefix: IdPrefix = "TS"): string {
  return `${prefix}-${year}-${String(seq).padStart(6, "0")}`;
}

export function parseId(id: string, prefix: IdPrefix = "TS"): { year: number; seq: number } | null {
  const m = new RegExp(`^${prefix}-(\\d{4})-(\\d{6,})$`).exec(id.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Highest sequence already used in `year`, from the stored high-water mark and the IDs in the sheet. */
export function highestSeq(
  year: number,
  storedHighWater: number,
  ids: readonly string[],
  prefix: IdPrefix = "TS",
): number {
  let max = storedHighWater;
  for (const id of ids) {
    const parsed = parseId(id, prefix);
    if (parsed && parsed.year === year && parsed.seq > max) max = parsed.seq;
  }
  return max;
}
