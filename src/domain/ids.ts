// Complaint IDs: TS-<year>-<six-digit sequence>, never reused (the high-water mark only grows).

const ID_PATTERN = /^TS-(\d{4})-(\d{6,})$/;

export function formatId(year: number, seq: number): string {
  return `TS-${year}-${String(seq).padStart(6, "0")}`;
}

export function parseId(id: string): { year: number; seq: number } | null {
  const m = ID_PATTERN.exec(id.trim());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Highest sequence already used in `year`, from the stored high-water mark and the IDs in the sheet. */
export function highestSeq(year: number, storedHighWater: number, ids: readonly string[]): number {
  let max = storedHighWater;
  for (const id of ids) {
    const parsed = parseId(id);
    if (parsed && parsed.year === year && parsed.seq > max) max = parsed.seq;
  }
  return max;
}
