// Units (房号) as offices write them: "3栋2单元1201", "3-2-1201", "3#2-1201". Two spellings are
// the same unit when their numbers are the same, in order (the rule shown in Settings).

/** The comparison key of a unit: its digit groups joined by "-", or the squeezed text when it has none. */
export function unitKey(text: string): string {
  const plain = text.normalize("NFKC").trim().toLowerCase();
  const groups = plain.match(/\d+/g);
  if (groups && groups.length >= 2) return groups.map((g) => String(Number(g))).join("-");
  return plain.replace(/\s+/g, "");
}

export interface UnitCheck {
  /** The unit is in the registry exactly as written. */
  known: boolean;
  /** The registry's spelling of the same unit, when the text differs. */
  suggestion: string;
}

export interface UnitRegistry {
  exact: ReadonlySet<string>;
  byKey: ReadonlyMap<string, string>;
}

export function unitRegistry(units: readonly string[]): UnitRegistry {
  const exact = new Set<string>();
  const byKey = new Map<string, string>();
  for (const u of units) {
    const unit = u.trim();
    if (!unit) continue;
    exact.add(unit);
    if (!byKey.has(unitKey(unit))) byKey.set(unitKey(unit), unit);
  }
  return { exact, byKey };
}

export function checkUnit(unit: string, registry: UnitRegistry): UnitCheck {
  const text = unit.trim();
  if (registry.exact.has(text)) return { known: true, suggestion: "" };
  return { known: false, suggestion: registry.byKey.get(unitKey(text)) ?? "" };
}

/** Text as a literal inside a pattern (RE2 and JavaScript alike). */
export const escapeRe = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/** A digit as people type it: ASCII or full-width (３), which unitKey reads the same. */
const digit = (d: string) => `[${d}${String.fromCharCode(0xff10 + Number(d))}]`;
const NOT_DIGIT = "[^0-9０-９]";

/**
 * A pattern (RE2, as TextFinder reads it) for every spelling of the unit: its numbers in
 * order with anything but digits between them ("3栋2单元1201", "3-2-1201", "03#2-1201",
 * full-width digits too), or its text with any spacing when it has fewer than two numbers.
 */
export function unitPattern(unit: string): string {
  const key = unitKey(unit);
  if (/^\d+(-\d+)+$/.test(key)) {
    const numbers = key.split("-").map((n) => `${digit("0")}*${[...n].map(digit).join("")}`);
    return `^${NOT_DIGIT}*${numbers.join(`${NOT_DIGIT}+`)}${NOT_DIGIT}*$`;
  }
  return `^\\s*${[...key].map(escapeRe).join("\\s*")}\\s*$`;
}
