// What has been emailed, so no notice goes out twice. Each email is journaled in document
// properties right before it is handed to MailApp and marked done when the call returns;
// the run then copies its journal to the Sent sheet, one row per notice record, under the
// document lock. The lock is held for the journal write and the copy, never while mail is
// being sent. A period memory in the properties keeps repeats away even if the Sent sheet
// is deleted.
import { formatLocal } from "../domain/dates";
import {
  canonicalKey,
  fingerprint,
  JOURNAL,
  type Journal,
  journaledKeys,
  type Ledger,
  ledger,
  memoryProps,
  nextMemory,
  type Outcome,
  orphaned,
  packChunks,
  parseJournal,
  planSentWrites,
  rowRuns,
  type Sending,
  type SentWrite,
  sentFields,
  splitSending,
} from "../domain/notices";
import { utf8Bytes } from "../domain/text";
import { documentProps, LockBusyError, sendMail, withDocumentLock } from "../gas/services";
import { readTable, type Table, writeRows } from "../gas/table";
import type { Cell } from "../sheets/codec";
import { SCHEMAS, type SentRow } from "../sheets/schema";
import type { RenderedMail } from "./emails";
import { messageOf } from "./errors";
import type { Office } from "./office";
import { isQuotaError } from "./runs";

/** Locked sections are short: wait long enough to outlast an edit, not a whole run. */
const LOCK_WAIT_MS = 10_000;
/** Fingerprints kept for the current period (about 12 bytes each, ~100 KB of the 500 KB store). */
const MEMORY_CAP = 8_000;
/** A run copies its journal to the Sent sheet once it holds this much. */
const FLUSH_AFTER_BYTES = 100_000;
/** Sent rows to update this close together are written in one block. */
const ROW_GAP = 20;

/** One email to one person, covering `keys`. */
export interface Letter {
  to: string;
  keys: readonly string[];
  /** The email for the keys still to send (fewer when another run sent some meanwhile). */
  render(keys: readonly string[]): RenderedMail;
  /** Send even if these notices went out already (the menu's "send now"). */
  force?: boolean;
}

export type Delivery =
  | { status: "sent"; keys: string[] }
  /** Another run sent every one of these notices meanwhile. */
  | { status: "taken" }
  | { status: "failed"; keys: string[]; error: string }
  | { status: "quota" }
  | { status: "busy" };

/** An email journaled under the lock: its keys, its text, and where its entries are. */
interface Claim {
  keys: string[];
  mail: RenderedMail;
  from: number;
  count: number;
}

const isTimeLimit = (e: unknown) => /maximum execution time/i.test(messageOf(e));

/** The notices one run sends: its journal, and what it copies to the Sent sheet. */
export class Outbox {
  private readonly props = documentProps();
  private readonly runId: string;
  private entries: Sending[] = [];
  private written = new Map<string, string>();
  private failures: Outcome[] = [];
  /** When the desk first recorded a run (see `open`); null before its first run ends. */
  since: number | null = null;

  constructor(
    private readonly office: Office,
    start = Date.now(),
  ) {
    this.runId = `${start}.${Utilities.getUuid().slice(0, 8)}`;
  }

  /** Copies journals left by runs that died to the Sent sheet; returns what has gone out. */
  open(): Ledger {
    let journal = parseJournal(this.props.getProperties());
    if (orphaned(journal, Date.now(), this.runId).length) journal = this.record(null) ?? journal;
    const table = readTable<SentRow>(this.office.ss, SCHEMAS.sent, this.office.codec, ["key"]);
    const sent = table.records.filter((r) => r.at !== null).map((r) => r.key);
    this.since = journal.since;
    return ledger([...sent, ...journaledKeys(journal)], journal.memory);
  }

  /** Journals, sends and confirms one email; a failure for one person never stops the run. */
  deliver(letter: Letter): Delivery {
    if (this.bytes() > FLUSH_AFTER_BYTES) this.record(null);
    // The lock stayed busy and the journal keeps growing: stop before the property store fills.
    if (this.bytes() > 2 * FLUSH_AFTER_BYTES) return { status: "busy" };
    let claim: Claim | null;
    try {
      claim = withDocumentLock(LOCK_WAIT_MS, () => this.claim(letter));
    } catch (e) {
      if (e instanceof LockBusyError) return { status: "busy" };
      throw e;
    }
    if (!claim) return { status: "taken" };
    const { keys, mail, from, count } = claim;
    try {
      sendMail({ to: letter.to, name: this.office.settings.officeName, ...mail });
    } catch (e) {
      // Cut off by the time limit: the journal entry stands (the email may have left).
      if (isTimeLimit(e)) throw e;
      this.entries.splice(from, count);
      this.writeJournal();
      if (isQuotaError(e)) return { status: "quota" };
      const error = messageOf(e).slice(0, 200);
      const at = formatLocal(Date.now(), this.office.codec.utcOffsetMinutes);
      const subject = this.office.t("notice.failed", { at, error });
      for (const key of keys) this.failures.push({ key, at: Date.now(), sent: false, subject });
      return { status: "failed", keys, error };
    }
    const done = Date.now();
    for (const s of this.entries.slice(from, from + count)) s.done = done;
    this.writeJournal();
    return { status: "sent", keys };
  }

  /**
   * Copies this run's journal (and any a dead run left) to the Sent sheet and updates the
   * period memory. `live`: fingerprints of every notice planned now; null when not known.
   */
  close(live: ReadonlySet<string> | null): void {
    this.record(live);
  }

  /** Under the lock: what other runs journaled or recorded is not sent again. */
  private claim(letter: Letter): Claim | null {
    const journal = parseJournal(this.props.getProperties());
    const taken = ledger(journaledKeys(journal), journal.memory);
    const keys = letter.force ? [...letter.keys] : letter.keys.filter((k) => !taken.has(k));
    if (!keys.length) return null;
    const mail = letter.render(keys);
    const parts = splitSending({ at: Date.now(), subject: mail.subject, keys, done: null });
    const from = this.entries.length;
    this.entries.push(...parts);
    this.writeJournal();
    return { keys, mail, from, count: parts.length };
  }

  /** Bytes of this run's journal in the properties. */
  private bytes(): number {
    let n = 0;
    for (const v of this.written.values()) n += utf8Bytes(v);
    return n;
  }

  /** Writes this run's journal chunks that changed (usually only the last one). */
  private writeJournal(): void {
    const next = new Map<string, string>();
    packChunks(this.entries).forEach((chunk, i) => {
      next.set(`${JOURNAL.run}${this.runId}.${i}`, JSON.stringify(chunk));
    });
    const changed: Record<string, string> = {};
    for (const [k, v] of next) if (this.written.get(k) !== v) changed[k] = v;
    if (Object.keys(changed).length) this.props.setProperties(changed);
    for (const k of this.written.keys()) if (!next.has(k)) this.props.deleteProperty(k);
    this.written = next;
  }

  /** Copies journals to the Sent sheet under the lock; returns the journal left, or null if busy. */
  private record(live: ReadonlySet<string> | null): Journal | null {
    try {
      return withDocumentLock(LOCK_WAIT_MS, () => {
        const journal = parseJournal(this.props.getProperties());
        const now = Date.now();
        const dead = orphaned(journal, now, this.runId);
        const t = this.office.t;
        const outcomes: Outcome[] = [...this.failures];
        for (const s of [...this.entries, ...dead.flatMap((r) => r.entries)])
          for (const key of s.keys)
            outcomes.push({
              key,
              at: s.done ?? s.at,
              sent: true,
              subject: s.done === null ? t("notice.unconfirmed", { subject: s.subject }) : s.subject,
            });
        if (outcomes.length) writeSent(this.office, outcomes);
        const recorded = outcomes.filter((o) => o.sent).map((o) => fingerprint(canonicalKey(o.key)));
        const memory = nextMemory(journal.memory, recorded, live, MEMORY_CAP);
        const same =
          memory.length === journal.memory.length && memory.every((p, i) => p === journal.memory[i]);
        const changed: Record<string, string> = same ? {} : memoryProps(memory);
        if (journal.since === null) changed[JOURNAL.since] = String(now);
        if (Object.keys(changed).length) this.props.setProperties(changed);
        const gone = [
          ...(same ? [] : journal.memoryProps.filter((p) => !(p in changed))),
          ...dead.flatMap((r) => r.props),
          ...this.written.keys(),
        ];
        for (const p of gone) this.props.deleteProperty(p);
        this.entries = [];
        this.written = new Map();
        this.failures = [];
        const left = new Set(dead.map((r) => r.id));
        return {
          ...journal,
          runs: journal.runs.filter((r) => !left.has(r.id) && r.id !== this.runId),
          memory,
        };
      });
    } catch (e) {
      // The journal stays in the properties; the next run copies it.
      if (e instanceof LockBusyError) return null;
      throw e;
    }
  }
}

/** The Sent cells of a record, in schema order. */
function sentCells(w: SentWrite): Cell[] {
  const f = sentFields(w.key);
  return [w.at === null ? "" : new Date(w.at), w.key, f.recipient, f.item, f.kind, f.level, w.subject];
}

/** Outcomes into the Sent sheet: one row per record, found by its key re-read under the lock. */
function writeSent(office: Office, outcomes: readonly Outcome[]): void {
  const table = readTable<SentRow>(office.ss, SCHEMAS.sent, office.codec, ["key"]);
  const lines = table.records.map((r, i) => ({
    row: table.rowNumbers[i] ?? 0,
    key: r.key,
    at: r.at?.getTime() ?? null,
  }));
  const { updates, appends } = planSentWrites(lines, outcomes);
  const place = placer(table);
  for (const [first, last] of rowRuns(updates.keys(), ROW_GAP)) {
    const block = table.values
      .slice(first - 1, last)
      .map((row) => Array.from({ length: table.map.width }, (_, i) => (row[i] ?? "") as Cell));
    for (const [row, w] of updates)
      if (row >= first && row <= last) place(sentCells(w), block[row - first] ?? []);
    table.sheet.getRange(first, 1, block.length, table.map.width).setValues(block);
  }
  const rows = appends.map((w) =>
    place(
      sentCells(w),
      Array.from({ length: table.map.width }, () => ""),
    ),
  );
  writeRows(table.sheet, SCHEMAS.sent, table.map, table.nextRow, rows);
}

/** Puts schema-ordered cells into a row laid out as the sheet's headers are. */
function placer(table: Table<SentRow>) {
  return (cells: Cell[], row: Cell[]): Cell[] => {
    SCHEMAS.sent.columns.forEach((c, i) => {
      const at = table.map.index.get(c.key);
      if (at !== undefined) row[at] = cells[i] ?? "";
    });
    return row;
  };
}
