// The first half of archiving a batch: choosing it (from a few narrow columns), then writing
// its rows to a new file in the year's folder and reading the file back to verify it. Nothing
// leaves the workbook here; the rows are only read.
import {
  ARCHIVE_FORMAT,
  type ArchiveFile,
  type ArchiveJournal,
  archivable,
  type ClosedState,
  copyProblems,
  fitsJournal,
  monthsBefore,
  nextBatch,
  parseArchive,
  serializeArchive,
} from "../../domain/archive";
import type { Callback } from "../../domain/callback";
import { isDate } from "../../domain/dates";
import { choiceCode, mapHeaders } from "../../sheets/codec";
import { CALLBACK_COLUMNS } from "../../sheets/schema";
import { statusOf } from "../complaintRows";
import type { Office } from "../office";
import { createFolder, createJson, exists, readText, reserveId } from "./drive";
import { saveJournal, saveYearFolderId, takePart, yearFolderId } from "./journal";
import { cellsOf, keysOf, type LiveSheet, openLive, readAt, rowsKeyed, tableOf } from "./sheets";

type DriveService = GoogleAppsScript.Drive;

/** A file per batch: big enough that Drive is not littered, small enough to write, read back and delete in an hour's run. */
const RULES = { max: 100, min: 100, patienceMs: 7 * 86_400_000 };

/** Raw cells of one column of every data row ([] when the column is missing). */
function column(live: LiveSheet, key: string): unknown[] {
  const col = live.map.index.get(key);
  const last = live.sheet.getLastRow();
  if (col === undefined || last < 2) return [];
  return live.sheet
    .getRange(2, col + 1, last - 1, 1)
    .getValues()
    .map(([v]) => v);
}

function closedStates(live: LiveSheet): ClosedState[] {
  const ids = keysOf(live);
  const statuses = column(live, "status");
  const closed = column(live, "closedAt");
  return ids.map((id, i) => {
    const at = closed[i];
    return {
      id,
      status: statusOf(String(statuses[i] ?? "")) ?? "",
      closedAt: isDate(at) ? at.getTime() : null,
    };
  });
}

type Link = Pick<Callback, "source" | "ref" | "state" | "satisfaction">;

function callbackLinks(live: LiveSheet | null): Link[] {
  if (!live) return [];
  const code = (kind: "cbSource" | "cbState" | "satisfaction", v: unknown) =>
    choiceCode(kind, String(v ?? "")) ?? "";
  const sources = column(live, "source");
  const refs = column(live, "ref");
  const states = column(live, "state");
  const answers = column(live, "satisfaction");
  return sources.map((s, i) => ({
    source: code("cbSource", s),
    ref: String(refs[i] ?? "").trim(),
    state: code("cbState", states[i]),
    satisfaction: code("satisfaction", answers[i]),
  })) as Link[];
}

/** The year's folder, made the first time (under an ID reserved and remembered first). */
function yearFolder(office: Office, drive: DriveService, year: number): string {
  const known = yearFolderId(year);
  if (known && exists(drive, known)) return known;
  const name = office.t("archive.folder", { office: office.settings.officeName, year });
  if (known)
    try {
      createFolder(drive, known, name);
      return known;
    } catch {
      // The reserved ID was used up or the folder was deleted: a new one.
    }
  const id = reserveId(drive);
  saveYearFolderId(year, id);
  createFolder(drive, id, name);
  return id;
}

/** The next batch due, with its file's ID reserved; null when nothing is due. */
export function planBatch(office: Office, drive: DriveService): ArchiveJournal | null {
  const months = office.settings.archiveAfterMonths;
  const complaints = months > 0 ? openLive(office, "complaints") : null;
  if (!complaints) return null;
  const now = office.now.getTime();
  const offset = office.codec.utcOffsetMinutes;
  const cutoff = monthsBefore(now, months, offset);
  const due = archivable(closedStates(complaints), callbackLinks(openLive(office, "callbacks")), cutoff);
  const batch = nextBatch(due, cutoff, offset, RULES);
  if (!batch) return null;
  const folderId = yearFolder(office, drive, batch.year);
  return {
    phase: "copy",
    year: batch.year,
    part: takePart(batch.year),
    fileId: reserveId(drive),
    folderId,
    ids: fitsJournal(batch.ids),
    stage: 0,
    kept: [],
    startedAt: now,
  };
}

export function fileName(office: Office, journal: Pick<ArchiveJournal, "year" | "part">): string {
  return office.t("archive.file", {
    office: office.settings.officeName,
    year: journal.year,
    part: journal.part,
  });
}

/** The batch's rows as they are now: its complaints, their call-backs, and the Log and Sent rows about either. */
function collect(office: Office, journal: ArchiveJournal): ArchiveFile {
  const complaints = openLive(office, "complaints");
  const keys = complaints ? keysOf(complaints) : [];
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  // A complaint on two rows (a pasted copy) is left to people.
  const once = new Set(journal.ids.filter((id) => seen.get(id) === 1));
  const complaintRows = complaints ? readAt(complaints, rowsKeyed(keys, once)) : new Map();
  const complaintTable = tableOf(complaints, complaintRows);
  const ids = complaints ? cellsOf(complaintTable, complaints.map, "id") : [];

  const callbacks = openLive(office, "callbacks");
  let callbackTable = tableOf(null, new Map());
  if (callbacks) {
    const refs = column(callbacks, "ref").map((v) => String(v ?? "").trim());
    const sources = column(callbacks, "source").map((v) => choiceCode("cbSource", String(v ?? "")));
    const wanted = new Set(ids);
    const rows = refs.flatMap((ref, i) => (sources[i] === "complaint" && wanted.has(ref) ? [i + 2] : []));
    callbackTable = tableOf(callbacks, readAt(callbacks, rows));
  }
  const callbackIds = cellsOf(callbackTable, mapHeaders(CALLBACK_COLUMNS, callbackTable.header), "id");
  const items = new Set([...ids, ...callbackIds].filter(Boolean));
  const about = (which: "log" | "sent") => {
    const live = openLive(office, which);
    return tableOf(live, live ? readAt(live, rowsKeyed(keysOf(live), items)) : new Map());
  };
  return {
    format: ARCHIVE_FORMAT,
    version: 1,
    office: office.settings.officeName,
    year: journal.year,
    part: journal.part,
    createdAt: office.now.toISOString(),
    complaints: ids,
    sheets: { complaints: complaintTable, callbacks: callbackTable, log: about("log"), sent: about("sent") },
  };
}

/** The file's content when it is an archive of exactly these complaints; else null. */
export function readArchive(
  drive: DriveService,
  fileId: string,
  ids?: readonly string[],
): ArchiveFile | null {
  const text = readText(drive, fileId);
  if (text === null) return null;
  try {
    const file = parseArchive(text);
    if (ids && [...file.complaints].sort().join("\n") !== [...ids].sort().join("\n")) return null;
    return file;
  } catch {
    return null;
  }
}

export type Copy =
  | { status: "copied"; journal: ArchiveJournal; file: ArchiveFile }
  | { status: "empty"; journal: ArchiveJournal }
  | { status: "bad"; journal: ArchiveJournal; problems: string[] };

/**
 * Writes the batch's file and reads it back: the copy counts only when every row came back as
 * written. A file made by a run that was cut before it could say so is taken as it is (Drive
 * writes a file whole or not at all); a bad one is left unused and the batch gets a new file ID.
 */
export function makeCopy(office: Office, drive: DriveService, journal: ArchiveJournal): Copy {
  if (exists(drive, journal.fileId)) {
    const earlier = readArchive(drive, journal.fileId, journal.ids);
    if (earlier) return { status: "copied", journal, file: earlier };
    return { status: "bad", journal: { ...journal, fileId: reserveId(drive) }, problems: ["unreadable"] };
  }
  const file = collect(office, journal);
  const planned = { ...journal, ids: file.complaints };
  if (!file.complaints.length) return { status: "empty", journal: planned };
  // The journal names exactly what the file will hold before the file exists.
  saveJournal(planned);
  createJson(drive, planned.fileId, fileName(office, planned), planned.folderId, serializeArchive(file));
  const text = readText(drive, planned.fileId);
  let problems: string[];
  try {
    problems = text === null ? ["not found"] : copyProblems(file, parseArchive(text));
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  if (problems.length) return { status: "bad", journal: { ...planned, fileId: reserveId(drive) }, problems };
  return { status: "copied", journal: planned, file: parseArchive(text ?? "") };
}
