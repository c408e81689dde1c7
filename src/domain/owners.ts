// The owner registry (客户信息档案): one row per unit. Importing a list checks each row and
// says why a row is refused; nothing is guessed and nothing is dropped silently.
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
}

export interface ImportPlan {
  rows: ImportRow[];
  missingColumns: string[];
}

export type ColumnLookup = (header: string) => keyof Owner | null;
export type ChoiceLookup = (raw: string) => string | null;

/**
 * Plans an import. `header` maps a header text to a field; `channel` and `flag` read a
 * choice in either language. Units are matched by their numbers (3-2-1201 = 3栋2单元1201).
 */
export function planImport(
  table: readonly (readonly string[])[],
  existingUnits: readonly string[],
  header: ColumnLookup,
  channel: ChoiceLookup,
  flag: ChoiceLookup,
): ImportPlan {
  const [head = [], ...body] = table;
  const fields = head.map((h) => header(h));
  if (!fields.includes("unit")) return { rows: [], missingColumns: ["unit"] };
  const existing = new Set(existingUnits.map(unitKey));
  const seen = new Map<string, number>();
  const rows = body.map((cells, i): ImportRow => {
    const line = i + 2;
    const owner = emptyOwner();
    fields.forEach((f, j) => {
      if (f) owner[f] = String(cells[j] ?? "").trim();
    });
    const key = unitKey(owner.unit);
    const row: ImportRow = { line, owner, problem: null, updates: existing.has(key) };
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
    return row;
  });
  return { rows, missingColumns: [] };
}
