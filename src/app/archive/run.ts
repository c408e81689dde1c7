// The archive's job in the hourly run: batch after batch while the run's time budget lasts,
// each one copied to a file in the year's Drive folder, read back and verified, its figures
// frozen in the Stats sheet, and only then its rows deleted from the live workbook. The journal
// in document properties says where a batch stands, so a run cut at any line resumes next hour
// with nothing lost or duplicated.
import type { ArchiveFile, ArchiveJournal } from "../../domain/archive";
import type { Office } from "../office";
import { RUN_BUDGET_MS } from "../runs";
import { fileName, makeCopy, planBatch, readArchive } from "./copy";
import { driveOrNull } from "./drive";
import { clearJournal, readJournal, saveJournal } from "./journal";
import { removeArchived } from "./remove";

/** A new batch starts only with this much of the run's budget left: a copy and a first delete pass. */
const NEW_BATCH_MS = 90_000;

export interface ArchiveReport {
  /** Complaints moved out of the workbook by this run. */
  moved: number;
  /** Complaints left in the workbook because they changed while being archived. */
  kept: number;
  /** Files completed by this run. */
  files: string[];
  stoppedBy: "time" | "busy" | "badCopy" | "noDrive" | "failed" | null;
  message: string;
}

export function runArchive(office: Office, startedAt: number): ArchiveReport {
  const report: ArchiveReport = { moved: 0, kept: 0, files: [], stoppedBy: null, message: "" };
  if (!readJournal() && office.settings.archiveAfterMonths <= 0) return report;
  const drive = driveOrNull();
  if (!drive) return { ...report, stoppedBy: "noDrive", message: office.t("archive.noDrive") };
  const messages: string[] = [];
  try {
    archiveBatches(office, drive, startedAt, report, messages);
  } catch (e) {
    // Drive refusing (a scope taken away, a quota) stops the archive, not the hourly run: the
    // journal keeps its place and the next hour tries again.
    report.stoppedBy = "failed";
    messages.push(office.t("archive.failed", { error: e instanceof Error ? e.message : String(e) }));
  }
  if (report.stoppedBy === "time" || report.stoppedBy === "busy") messages.push(office.t("archive.later"));
  return { ...report, message: messages.join(" ") };
}

function archiveBatches(
  office: Office,
  drive: GoogleAppsScript.Drive,
  startedAt: number,
  report: ArchiveReport,
  messages: string[],
): void {
  const t = office.t;
  let journal: ArchiveJournal | null = readJournal();
  const over = (reserveMs = 0) => Date.now() - startedAt > RUN_BUDGET_MS - reserveMs;
  for (;;) {
    if (over(journal ? 0 : NEW_BATCH_MS)) {
      if (journal) report.stoppedBy = "time";
      break;
    }
    journal ??= planBatch(office, drive);
    if (!journal) break;
    saveJournal(journal);
    const name = fileName(office, journal);
    let file: ArchiveFile | null = null;
    if (journal.phase === "copy") {
      const copy = makeCopy(office, drive, journal);
      journal = copy.journal;
      if (copy.status === "empty") {
        clearJournal();
        journal = null;
        continue;
      }
      if (copy.status === "bad") {
        saveJournal(journal);
        report.stoppedBy = "badCopy";
        messages.push(t("archive.badCopy", { file: name, problems: copy.problems.join("; ") }));
        break;
      }
      file = copy.file;
      journal = { ...journal, phase: "delete", stage: 0 };
      saveJournal(journal);
    }
    file ??= readArchive(drive, journal.fileId, journal.ids);
    if (!file) {
      // The verified file is gone (deleted by hand): whatever is still live stays live.
      messages.push(t("archive.unreadable", { file: name }));
      clearJournal();
      journal = null;
      continue;
    }
    const removal = removeArchived(office, journal, file, () => over(), saveJournal);
    journal = removal.journal;
    if (!removal.finished) {
      report.stoppedBy = removal.busy ? "busy" : "time";
      break;
    }
    clearJournal();
    const moved = file.complaints.length - journal.kept.length;
    report.moved += moved;
    report.kept += journal.kept.length;
    report.files.push(name);
    messages.push(t("archive.moved", { count: moved, file: name }));
    if (journal.kept.length) messages.push(t("archive.kept", { count: journal.kept.length }));
    journal = null;
  }
}
