// Where the archive stands, in document properties: the batch under way (its journal), the
// last part number of each year, and each year's folder. Small and bounded: one journal of at
// most a batch's IDs, and a number and an ID per archived year.
import { type ArchiveJournal, decodeJournal, encodeJournal } from "../../domain/archive";
import { documentProps } from "../../gas/services";

const JOURNAL = "archive.journal";
const PARTS = "archive.parts";
const FOLDERS = "archive.folders";

export function readJournal(): ArchiveJournal | null {
  return decodeJournal(documentProps().getProperty(JOURNAL));
}

export function saveJournal(journal: ArchiveJournal): void {
  documentProps().setProperty(JOURNAL, encodeJournal(journal));
}

export function clearJournal(): void {
  documentProps().deleteProperty(JOURNAL);
}

function readMap(key: string): Record<string, string | number> {
  try {
    return JSON.parse(documentProps().getProperty(key) ?? "{}") as Record<string, string | number>;
  } catch {
    return {};
  }
}

/** The year's next part number, counted before the part is made (a part cut short leaves a gap, never a repeat). */
export function takePart(year: number): number {
  const parts = readMap(PARTS);
  const part = Number(parts[year] ?? 0) + 1;
  documentProps().setProperty(PARTS, JSON.stringify({ ...parts, [year]: part }));
  return part;
}

export function yearFolderId(year: number): string | null {
  const id = readMap(FOLDERS)[year];
  return typeof id === "string" && id ? id : null;
}

export function saveYearFolderId(year: number, id: string): void {
  documentProps().setProperty(FOLDERS, JSON.stringify({ ...readMap(FOLDERS), [year]: id }));
}
