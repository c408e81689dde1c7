// A unit's archived complaints and their call-backs, for the unit's history: the Stats sheet
// says which complaints of the unit were archived and in which file; those files are read
// (a few at most, so the dialog stays quick) and the rest are listed from their Stats row.
import type { FrozenFigures } from "../../domain/archive";
import type { Callback } from "../../domain/callback";
import type { Complaint } from "../../domain/complaint";
import type { Office } from "../office";
import { readArchive } from "./copy";
import { driveOrNull, idOfLink } from "./drive";
import { callbacksIn, complaintsIn } from "./records";

/** Archive files one history reads; older items beyond them show their Stats figures. */
const MAX_FILES = 6;

export interface ArchivedRecords {
  complaints: Complaint[];
  callbacks: Callback[];
  /** Archived complaints whose file was not read (too many, or gone): their Stats row stands in. */
  figuresOnly: FrozenFigures[];
}

export function archivedRecords(office: Office, figures: readonly FrozenFigures[]): ArchivedRecords {
  const out: ArchivedRecords = { complaints: [], callbacks: [], figuresOnly: [] };
  const drive = driveOrNull();
  const byFile = new Map<string, FrozenFigures[]>();
  for (const f of figures) {
    const id = idOfLink(f.archiveFile);
    byFile.set(id, [...(byFile.get(id) ?? []), f]);
  }
  // Newest files first: the last years matter most to whoever asks.
  const files = [...byFile].sort(
    ([, a], [, b]) =>
      Math.max(...b.map((f) => f.closedAt?.getTime() ?? 0)) -
      Math.max(...a.map((f) => f.closedAt?.getTime() ?? 0)),
  );
  files.forEach(([fileId, list], n) => {
    const file = drive && fileId && n < MAX_FILES ? readArchive(drive, fileId) : null;
    if (!file) {
      out.figuresOnly.push(...list);
      return;
    }
    const ids = new Set(list.map((f) => f.id));
    const found = complaintsIn(office, file).filter((c) => ids.has(c.id));
    out.complaints.push(...found);
    const inFile = new Set(found.map((c) => c.id));
    out.figuresOnly.push(...list.filter((f) => !inFile.has(f.id)));
    out.callbacks.push(
      ...callbacksIn(office, file).filter((c) => c.source === "complaint" && inFile.has(c.ref)),
    );
  });
  return out;
}
