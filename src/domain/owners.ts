// The owner registry (客户信息档案): one row per unit. Importing a list checks each row and
// says why a row is refused; nothing is guessed and nothing is dropped silently. An import
// only adds owners and fills in or changes the cells it names: it never deletes a row.
import { MAX_CELL_CHARS } from "./text";
import { unitKey } from "./units";

export const PREFERRED_CHANNELS = ["phone", "wechat", "sms", "visit", "email"] as const;

export interface Owner {
  unit: string;
  names: string;
  phones: string;
  channel: string;
  keyOwner: string;
  notes: string;
}

export function emptyOwner(): Owner {
  return { unit: "", names: "", phones: "", channel: "", keyOwner: "", notes: "" };
}

export type ImportProblem = "missingUnit" | "duplicateInFile" | "unknownChannel" | "unknownFlag" | "tooLong";

export interface ImportRow {
  /** 1-based line in the pasted text or file (the header is line 1). */
  line: number;
  owner: Owner;
  problem: ImportProblem | null;
  /** For duplicates: the line that came first. */
  firstLine?: number;
  /** A unit already in the registry: the row updates it. */
  updates: boolean;
  /** For updates: the registry owner it updates (index into `existing`). */
  target?: number;
  /** For updates: the cells that change (what the list fills in and the registry holds otherwise). */
  changes: (keyof Owner)[];
}

/**
 * What an update writes: the cells the list fills in that differ from the registry's. An
 * empty cell in the list keeps what the registry holds; the unit keeps the registry's spelling.
 */
export function ownerChanges(current: Owner, incoming: Owner): Partial<Owner> {
  const out: Partial<Owner> = {};
  for (const key of Object.keys(incoming) as (keyof Owner)[]) {
    if (key === "unit") continue;
    const value = incoming[key].trim();
    if (value && value !== current[key].trim()) out[key] = value;
  }
  return out;
}

export interface ImportPlan {
  rows: ImportRow[];
  missingColumns: string[];
}

export type ColumnLookup = (header: string) => keyof Owner | null;
export type ChoiceLookup = (raw: string) => string | null;

/**
 * Plans an import against the registry's owners. `header` maps a header text to a field;
 * `channel` and `flag` read a choice in either language. Units are matched by their numbers
 * (3-2-1201 = 3栋2单元1201); a unit the registry holds twice is updated in its first row.
 */
export function planImport(
  table: readonly (readonly string[])[],
  existing: readonly Owner[],
  header: ColumnLookup,
  channel: ChoiceLookup,
  flag: ChoiceLookup,
): ImportPlan {
  const [head = [], ...body] = table;
  const fields = head.map((h) => header(h));
  if (!fields.includes("unit")) return { rows: [], missingColumns: ["unit"] };
  const byKey = new Map<string, number>();
  existing.forEach((o, i) => {
    const key = unitKey(o.unit);
    if (o.unit.trim() && !byKey.has(key)) byKey.set(key, i);
  });
  const seen = new Map<string, number>();
  const rows = body.map((cells, i): ImportRow => {
    const line = i + 2;
    const owner = emptyOwner();
    fields.forEach((f, j) => {
      if (f) owner[f] = String(cells[j] ?? "").trim();
    });
    const key = unitKey(owner.unit);
    const target = byKey.get(key);
    const row: ImportRow = { line, owner, problem: null, updates: target !== undefined, changes: [] };
    if (!owner.unit) return { ...row, problem: "missingUnit" };
    if (Object.values(owner).some((v) => v.length > MAX_CELL_CHARS)) return { ...row, problem: "tooLong" };
    const first = seen.get(key);
    if (first !== undefined) return { ...row, problem: "duplicateInFile", firstLine: first };
    seen.set(key, line);
    if (owner.channel) {
      const code = channel(owner.channel);
      if (!code) return { ...row, problem: "unknownChannel" };
      owner.channel = code;
    }
    if (owner.keyOwner) {
      const code = flag(owner.keyOwner);
      if (!code) return { ...row, problem: "unknownFlag" };
      owner.keyOwner = code;
    }
    const current = target === undefined ? undefined : existing[target];
    if (!current) return row;
    return { ...row, target, changes: Object.keys(ownerChanges(current, owner)) as (keyof Owner)[] };
  });
  return { rows, missingColumns: [] };
}
