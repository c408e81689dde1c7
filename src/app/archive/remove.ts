// The second half of archiving a batch: under the document lock, each live row is found again
// by its ID (or the item it is about), compared with its copy in the verified file, and deleted
// only when it is that copy. A complaint changed since the copy stays, with everything of its
// own. Sheet by sheet, complaints first, in short lock sections: a run cut anywhere resumes from
// the journal, and finds only what is left.
import {
  ARCHIVED_SHEETS,
  type ArchivedSheet,
  type ArchiveFile,
  type ArchiveJournal,
  frozenFigures,
  matchedRows,
  sameRow,
} from "../../domain/archive";
import { LockBusyError, withDocumentLock } from "../../gas/services";
import { mapHeaders } from "../../sheets/codec";
import { CALLBACK_COLUMNS, COMPLAINT_COLUMNS } from "../../sheets/schema";
import { track } from "../complaints";
import type { Office } from "../office";
import { fileLink, idOfLink } from "./drive";
import { complaintsIn } from "./records";
import { deleteBlocks, keysOf, type LiveSheet, openLive, readAt, rowsKeyed } from "./sheets";
import { appendStats, ensureStats, statsIndex } from "./stats";

/** A lock section deletes at most this many blocks, so people's edits wait seconds, not minutes. */
const BLOCKS_PER_LOCK = 40;
/** How long a section waits for people's edits and dialogs to finish before trying next hour. */
const LOCK_WAIT_MS = 30_000;

export interface Removal {
  journal: ArchiveJournal;
  finished: boolean;
  busy: boolean;
}

/** Each archived complaint's copy, by ID. */
function copiesById(file: ArchiveFile): Map<string, unknown[]> {
  const table = file.sheets.complaints;
  const col = mapHeaders(COMPLAINT_COLUMNS, table.header).index.get("id");
  return new Map(table.rows.map((r) => [String(r[col ?? -1] ?? "").trim(), r]));
}

/** The archived call-backs of the given complaints, by ID. */
function callbackIdsOf(file: ArchiveFile, complaints: ReadonlySet<string>): Set<string> {
  const table = file.sheets.callbacks;
  const map = mapHeaders(CALLBACK_COLUMNS, table.header);
  const id = map.index.get("id") ?? -1;
  const ref = map.index.get("ref") ?? -1;
  return new Set(
    table.rows
      .filter((r) => complaints.has(String(r[ref] ?? "").trim()))
      .map((r) => String(r[id] ?? "").trim()),
  );
}

/** The figures each complaint closed with, from its archived copy. */
function figuresOf(office: Office, file: ArchiveFile, ids: ReadonlySet<string>, link: string) {
  const records = complaintsIn(office, file).filter((c) => ids.has(c.id));
  const scored = new Map(track(office, records).map((t) => [t.complaint.id, t.sla]));
  return records.map((c) => frozenFigures(c, scored.get(c.id) ?? null, office.now, link));
}

interface Section {
  finished: boolean;
  /** Rows deleted. */
  rows: number;
  kept: string[];
}

/**
 * Complaints: those whose row still equals its copy (or is gone already) are committed: their
 * figures go to Stats first, then their rows go. A changed one is kept, and a Stats row an
 * earlier pass wrote for it is taken back; so is one naming another file for a complaint this
 * batch moves (its earlier file was lost before its rows left).
 */
function complaintSection(
  office: Office,
  journal: ArchiveJournal,
  file: ArchiveFile,
  stop: () => boolean,
): Section {
  const live = openLive(office, "complaints");
  if (!live) return { finished: true, rows: 0, kept: [] };
  const keys = keysOf(live);
  const rows = rowsKeyed(keys, new Set(file.complaints));
  const values = readAt(live, rows);
  const copies = copiesById(file);
  const same: number[] = [];
  const kept = new Set<string>();
  for (const row of rows) {
    const id = keys[row - 2] ?? "";
    const copy = copies.get(id);
    if (copy && sameRow(live.header, values.get(row) ?? [], file.sheets.complaints.header, copy))
      same.push(row);
    else kept.add(id);
  }
  const link = fileLink(journal.fileId);
  const stats = ensureStats(office);
  const index = statsIndex(stats);
  // A complaint still in the workbook has a Stats row only while this batch is moving it: any
  // other (written before it changed, or naming an older file) is taken back.
  const sameIds = new Set(same.map((r) => keys[r - 2] ?? ""));
  const stale = rows
    .map((r) => keys[r - 2] ?? "")
    .filter(
      (id) =>
        index.rows.has(id) && !(sameIds.has(id) && idOfLink(index.files.get(id) ?? "") === journal.fileId),
    );
  const takeBack = stale.map((id) => index.rows.get(id) ?? 0);
  if (takeBack.length)
    deleteBlocks(stats, takeBack, { maxBlocks: Number.POSITIVE_INFINITY, stop: () => false });
  const written = new Set([...index.rows.keys()].filter((id) => !stale.includes(id)));
  const missing = new Set(file.complaints.filter((id) => !kept.has(id) && !written.has(id)));
  if (missing.size) appendStats(office, stats, figuresOf(office, file, missing, link));
  const expect = new Map(same.map((r) => [r, keys[r - 2] ?? ""]));
  const done = deleteBlocks(live.sheet, same, {
    maxBlocks: BLOCKS_PER_LOCK,
    keyCol: live.keyCol,
    expect,
    stop,
  });
  return { finished: done.finished, rows: done.rows, kept: [...kept] };
}

/** Call-backs, Log and Sent: the rows of committed complaints that equal their archived copies. */
function rowSection(
  office: Office,
  which: Exclude<ArchivedSheet, "complaints">,
  file: ArchiveFile,
  committed: ReadonlySet<string>,
  stop: () => boolean,
): Section {
  const live: LiveSheet | null = openLive(office, which);
  if (!live) return { finished: true, rows: 0, kept: [] };
  const callbacks = callbackIdsOf(file, committed);
  const wanted = which === "callbacks" ? callbacks : new Set([...committed, ...callbacks]);
  const keys = keysOf(live);
  const rows = rowsKeyed(keys, wanted);
  const values = readAt(live, rows);
  const deletable = matchedRows(
    rows.map((row) => ({ row, values: values.get(row) ?? [] })),
    live.header,
    file.sheets[which],
  );
  // People sort and insert rows in the Call-backs sheet: its blocks are checked right before
  // each delete. Log and Sent are written by the desk alone, under this same lock.
  const expect = which === "callbacks" ? new Map(deletable.map((r) => [r, keys[r - 2] ?? ""])) : undefined;
  const done = deleteBlocks(live.sheet, deletable, {
    maxBlocks: BLOCKS_PER_LOCK,
    keyCol: live.keyCol,
    expect,
    stop,
  });
  return { finished: done.finished, rows: done.rows, kept: [] };
}

/**
 * Deletes the batch's live rows that the verified file holds, stage by stage from the journal's,
 * saving the journal after each stage. Unfinished when time runs out or the lock stays busy.
 */
export function removeArchived(
  office: Office,
  start: ArchiveJournal,
  file: ArchiveFile,
  stop: () => boolean,
  save: (journal: ArchiveJournal) => void,
): Removal {
  let journal = start;
  // Rows moving under every attempt (someone sorting again and again) wait for the next hour.
  let idle = 0;
  while (journal.stage < ARCHIVED_SHEETS.length) {
    if (stop() || idle >= 3) return { journal, finished: false, busy: false };
    const which = ARCHIVED_SHEETS[journal.stage] ?? "complaints";
    let section: Section;
    try {
      section = withDocumentLock(LOCK_WAIT_MS, () => {
        if (which === "complaints") return complaintSection(office, journal, file, stop);
        const kept = new Set(journal.kept);
        const committed = new Set(file.complaints.filter((id) => !kept.has(id)));
        return rowSection(office, which, file, committed, stop);
      });
    } catch (e) {
      if (e instanceof LockBusyError) return { journal, finished: false, busy: true };
      throw e;
    }
    idle = section.finished || section.rows > 0 ? 0 : idle + 1;
    if (which === "complaints") journal = { ...journal, kept: section.kept };
    if (section.finished) journal = { ...journal, stage: journal.stage + 1 };
    save(journal);
  }
  return { journal, finished: true, busy: false };
}
