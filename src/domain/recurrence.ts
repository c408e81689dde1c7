// Repeat complaints: the same unit, or the same category at the same place, within a window.
import type { Complaint } from "./complaint";
import { normaliseKey } from "./text";

export interface RecurrenceProbe {
  id: string;
  unit: string;
  category: string;
  location: string;
  receivedAt: number;
}

/** The most recent earlier complaint this one repeats, or "" when none does. */
export function findRecurrence(
  probe: RecurrenceProbe,
  earlier: readonly Complaint[],
  windowDays: number,
): string {
  const since = probe.receivedAt - windowDays * 86_400_000;
  const unit = normaliseKey(probe.unit);
  const place = normaliseKey(probe.location);
  let best: { id: string; at: number } | null = null;
  for (const c of earlier) {
    if (!c.id || c.id === probe.id || !c.receivedAt) continue;
    const at = c.receivedAt.getTime();
    if (at < since || at > probe.receivedAt) continue;
    const sameUnit = unit !== "" && normaliseKey(c.unit) === unit;
    const samePlace = place !== "" && c.category === probe.category && normaliseKey(c.location) === place;
    if ((sameUnit || samePlace) && (!best || at > best.at)) best = { id: c.id, at };
  }
  return best?.id ?? "";
}
