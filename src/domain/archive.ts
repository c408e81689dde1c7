// The yearly archive's rules: which closed complaints move out of the live workbook, the
// figures each keeps in the Stats sheet, the archive file's form, and the journal that lets an
// interrupted archive resume. Pure: times are passed in, nothing here touches Apps Script.
import { type Callback, isSettled } from "./callback";
import type { Complaint } from "./complaint";
import { isDate } from "./dates";
import type { SlaResult } from "./sla";

/** What an archived complaint keeps in the live workbook: the figures it closed with. */
export interface FrozenFigures {
  id: string;
  unit: string;
  category: string;
  department: string;
  receivedAt: Date | null;
  /** Minutes on the target's clock from receipt to first response. */
  firstResponseMinutes: number | null;
  /** Working minutes from receipt to first resolution, paused time excluded. */
  resolutionMinutes: number | null;
  /** "met" or "missed". */
  slaResult: string;
  reopenCount: number | null;
  closedAt: Date | null;
  archivedAt: Date | null;
  /** Link to the archive file holding the complaint's rows. */
  archiveFile: string;
}

export function emptyFigures(): FrozenFigures {
  return {
    id: "",
    unit: "",
    category: "",
    department: "",
    receivedAt: null,
    firstResponseMinutes: null,
    resolutionMinutes: null,
    slaResult: "",
    reopenCount: null,
    closedAt: null,
    archivedAt: null,
    archiveFile: "",
  };
}

/** The complaint's figures as they stood when it closed: the row's own verdict first. */
export function frozenFigures(
  c: Complaint,
  sla: SlaResult | null,
  archivedAt: Date,
  archiveFile: string,
): FrozenFigures {
  const verdict = (s: string) => (s === "met" || s === "missed" ? s : "");
  return {
    id: c.id,
    unit: c.unit,
    category: c.category,
    department: c.department,
    receivedAt: c.receivedAt,
    firstResponseMinutes: sla?.firstResponseMinutes ?? null,
    resolutionMinutes: sla?.resolutionMinutes ?? null,
    slaResult: verdict(c.slaState) || verdict(sla?.state ?? ""),
    reopenCount: sla?.reopenCount ?? null,
    closedAt: c.closedAt,
    archivedAt,
    archiveFile,
  };
}

/** `months` calendar months before `now` on the office's calendar (31 March less one month is the end of February). */
export function monthsBefore(now: number, months: number, utcOffsetMinutes: number): number {
  const localNow = now + utcOffsetMinutes * 60_000;
  const local = new Date(localNow);
  const timeOfDay = localNow - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const total = local.getUTCFullYear() * 12 + local.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  return Date.UTC(year, month, day) + timeOfDay - utcOffsetMinutes * 60_000;
}

/** The office-local calendar year of an instant: the archive a complaint closed in belongs to. */
export function localYear(ms: number, utcOffsetMinutes: number): number {
  return new Date(ms + utcOffsetMinutes * 60_000).getUTCFullYear();
}

/** What the archive needs to know of a complaint row to decide: read from a few narrow columns. */
export interface ClosedState {
  id: string;
  status: string;
  closedAt: number | null;
}

export interface Due {
  id: string;
  closedAt: number;
}

/**
 * Complaints that may move to the archive: closed before `cutoff`, on one row only (a pasted
 * copy is left to people), and every call-back of theirs settled. Oldest first.
 */
export function archivable(
  complaints: readonly ClosedState[],
  callbacks: readonly Pick<Callback, "source" | "ref" | "state" | "satisfaction">[],
  cutoff: number,
): Due[] {
  const rows = new Map<string, number>();
  for (const c of complaints) rows.set(c.id, (rows.get(c.id) ?? 0) + 1);
  const unsettled = new Set(
    callbacks.filter((cb) => cb.source === "complaint" && !isSettled(cb as Callback)).map((cb) => cb.ref),
  );
  return complaints
    .filter(
      (c): c is ClosedState & { closedAt: number } =>
        c.id !== "" &&
        c.status === "closed" &&
        c.closedAt !== null &&
        c.closedAt < cutoff &&
        rows.get(c.id) === 1 &&
        !unsettled.has(c.id),
    )
    .map((c) => ({ id: c.id, closedAt: c.closedAt }))
    .sort((a, b) => a.closedAt - b.closedAt || (a.id < b.id ? -1 : 1));
}

export interface BatchRules {
  /** Complaints per archive file (and per journal). */
  max: number;
  /** A batch starts once this many are due, or once the oldest has waited `patienceMs` past the cutoff. */
  min: number;
  patienceMs: number;
}

export interface Batch {
  year: number;
  ids: string[];
}

/**
 * The next batch: the earliest due complaints of the oldest year, up to `max`. None while
 * fewer than `min` are due and none has waited long: a file per handful would litter Drive.
 */
export function nextBatch(
  due: readonly Due[],
  cutoff: number,
  utcOffsetMinutes: number,
  rules: BatchRules,
): Batch | null {
  const first = due[0];
  if (!first) return null;
  if (due.length < rules.min && first.closedAt > cutoff - rules.patienceMs) return null;
  const year = localYear(first.closedAt, utcOffsetMinutes);
  const ids = due
    .filter((d) => localYear(d.closedAt, utcOffsetMinutes) === year)
    .slice(0, rules.max)
    .map((d) => d.id);
  return { year, ids };
}

// ---- The archive file --------------------------------------------------------------------

/** The live sheets an archived complaint's rows come from, in the file's order. */
export const ARCHIVED_SHEETS = ["complaints", "callbacks", "log", "sent"] as const;
export type ArchivedSheet = (typeof ARCHIVED_SHEETS)[number];

/** A sheet's rows as they stood, with the header row they were read under. */
export interface ArchivedTable {
  header: string[];
  rows: unknown[][];
}

export interface ArchiveFile {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  office: string;
  year: number;
  part: number;
  /** ISO time the copy was made. */
  createdAt: string;
  /** The complaints this file archives. */
  complaints: string[];
  sheets: Record<ArchivedSheet, ArchivedTable>;
}

export const ARCHIVE_FORMAT = "property-desk-archive";

const DATE_TAG = "$date";

/** JSON keeps strings, numbers and booleans; a date cell is written as {"$date": ISO}. */
function encodeCell(v: unknown): unknown {
  if (isDate(v)) return { [DATE_TAG]: v.toISOString() };
  return v === null || v === undefined ? "" : v;
}

function decodeCell(v: unknown): unknown {
  if (v && typeof v === "object" && DATE_TAG in v)
    return new Date(String((v as Record<string, unknown>)[DATE_TAG]));
  return v;
}

export function serializeArchive(file: ArchiveFile): string {
  const sheets = Object.fromEntries(
    ARCHIVED_SHEETS.map((s) => [
      s,
      { header: file.sheets[s].header, rows: file.sheets[s].rows.map((r) => r.map(encodeCell)) },
    ]),
  );
  return JSON.stringify({ ...file, sheets });
}

/** The archive file's content; throws when it is not one (a foreign or damaged file). */
export function parseArchive(text: string): ArchiveFile {
  const raw = JSON.parse(text) as Partial<ArchiveFile>;
  if (raw.format !== ARCHIVE_FORMAT || raw.version !== 1 || !raw.sheets || !Array.isArray(raw.complaints))
    throw new Error("not a property-desk archive file");
  const sheets = {} as Record<ArchivedSheet, ArchivedTable>;
  for (const s of ARCHIVED_SHEETS) {
    const t = raw.sheets[s];
    if (!t || !Array.isArray(t.header) || !Array.isArray(t.rows)) throw new Error(`archive file lacks ${s}`);
    sheets[s] = { header: t.header.map(String), rows: t.rows.map((r) => (r as unknown[]).map(decodeCell)) };
  }
  return { ...(raw as ArchiveFile), sheets };
}

/** Two cells hold the same value (dates by instant, the rest by text). */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return String(a ?? "") === String(b ?? "");
}

/**
 * A live row holds exactly what its archived copy holds, column by column under each one's
 * header (columns may have been reordered since). A header the live sheet lost differs.
 */
export function sameRow(
  liveHeader: readonly string[],
  live: readonly unknown[],
  copyHeader: readonly string[],
  copy: readonly unknown[],
): boolean {
  const at = new Map(liveHeader.map((h, i) => [h, i]));
  for (let j = 0; j < copyHeader.length; j++) {
    const i = at.get(copyHeader[j] ?? "");
    if (!sameCell(i === undefined ? "" : live[i], copy[j])) return false;
  }
  // A column the office added since, filled in on this row, is not in the copy.
  return liveHeader.every((h, i) => copyHeader.includes(h) || sameCell(live[i], ""));
}

/**
 * The live rows that are archived copies, each matched to a copy of its own (a row twice in the
 * sheet and once in the archive is deleted once): the rows safe to delete.
 */
export function matchedRows(
  live: readonly { row: number; values: readonly unknown[] }[],
  liveHeader: readonly string[],
  copies: ArchivedTable,
): number[] {
  const used = new Set<number>();
  const out: number[] = [];
  for (const { row, values } of live) {
    const j = copies.rows.findIndex((c, k) => !used.has(k) && sameRow(liveHeader, values, copies.header, c));
    if (j < 0) continue;
    used.add(j);
    out.push(row);
  }
  return out;
}

/**
 * What differs between the copy meant to be written and the one read back: row counts per
 * sheet, the complaints named, and any cell. Empty when the copy is whole.
 */
export function copyProblems(meant: ArchiveFile, read: ArchiveFile): string[] {
  const problems: string[] = [];
  if ([...meant.complaints].sort().join("\n") !== [...read.complaints].sort().join("\n"))
    problems.push("complaint IDs differ");
  for (const s of ARCHIVED_SHEETS) {
    const a = meant.sheets[s];
    const b = read.sheets[s];
    if (a.rows.length !== b.rows.length) {
      problems.push(`${s}: ${b.rows.length} rows read back, ${a.rows.length} written`);
      continue;
    }
    if (a.rows.some((r, i) => !sameRow(a.header, r, b.header, b.rows[i] ?? [])))
      problems.push(`${s}: rows differ`);
  }
  return problems;
}

// ---- The journal -------------------------------------------------------------------------

/**
 * Where an archive batch stands, kept in document properties so a run cut at any line resumes:
 * `copy` until the file is written and verified, then `delete` until the live rows are gone.
 */
export interface ArchiveJournal {
  phase: "copy" | "delete";
  year: number;
  part: number;
  /** Drive IDs reserved before creating, so a retry creates the same file, never a second one. */
  fileId: string;
  folderId: string;
  ids: string[];
  /** In `delete`: the sheet being emptied of the batch's rows (an index into ARCHIVED_SHEETS). */
  stage: number;
  /** Complaints that changed after the copy was made: they stay in the workbook. */
  kept: string[];
  startedAt: number;
}

/** A property value holds 9 KB: the journal stays well under it. */
export const MAX_JOURNAL_CHARS = 8_000;

export function encodeJournal(j: ArchiveJournal): string {
  const text = JSON.stringify({ v: 1, ...j });
  if (text.length > MAX_JOURNAL_CHARS) throw new Error("archive journal too large");
  return text;
}

/** The journal, or null when there is none or it is not one of ours. */
export function decodeJournal(text: string | null): ArchiveJournal | null {
  if (!text) return null;
  try {
    const j = JSON.parse(text) as Partial<ArchiveJournal> & { v?: number };
    if (j.v !== 1 || (j.phase !== "copy" && j.phase !== "delete") || !Array.isArray(j.ids)) return null;
    if (typeof j.fileId !== "string" || typeof j.folderId !== "string") return null;
    return {
      phase: j.phase,
      year: Number(j.year),
      part: Number(j.part),
      fileId: j.fileId,
      folderId: j.folderId,
      ids: j.ids.map(String),
      stage: Math.max(0, Math.min(ARCHIVED_SHEETS.length, Number(j.stage) || 0)),
      kept: Array.isArray(j.kept) ? j.kept.map(String) : [],
      startedAt: Number(j.startedAt),
    };
  } catch {
    return null;
  }
}

/** The most complaint IDs one journal can name, with room for the rest of it. */
export function fitsJournal(ids: readonly string[]): string[] {
  const out: string[] = [];
  let size = 400;
  for (const id of ids) {
    size += id.length + 3;
    if (size > MAX_JOURNAL_CHARS) break;
    out.push(id);
  }
  return out;
}
