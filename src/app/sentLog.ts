// What has been emailed, so no notice goes out twice. Each email is journaled in document
// properties the moment it is sent, then copied to the Sent sheet; a run cut off in
// between leaves the journal, which the next run copies first.
import { documentProps } from "../gas/services";
import { appendToLog, readTable } from "../gas/table";
import type { Cell } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import type { Office } from "./office";

const PREFIX = "sent.journal.";
/** Property values are capped at 9 KB; stay well under it (keys may be non-ASCII). */
const CHUNK_CHARS = 3_000;

export interface SentNotice {
  key: string;
  recipient: string;
  item: string;
  kind: string;
  level: string;
}

interface JournalEntry {
  at: string;
  subject: string;
  keys: string[];
}

/** Journal this much, then copy it to the Sent sheet: the property store holds 500 KB in all. */
export const JOURNAL_FLUSH_CHARS = 200_000;

/** A Sent row's fields, all carried by its key ("id|kind|level|due|to", "digest|day|to", "callback|id|day|to"). */
export function noticeFromKey(key: string): SentNotice {
  const parts = key.split("|");
  if (parts[0] === "digest")
    return { key, recipient: parts[2] ?? "", item: "", kind: "digest", level: "manager" };
  return {
    key,
    item: parts[0] ?? "",
    kind: parts[1] ?? "",
    level: parts[2] ?? "",
    recipient: parts[4] ?? "",
  };
}

export function sentKeys(office: Office): Set<string> {
  const keys = new Set(readTable(office.ss, SCHEMAS.sent, office.codec, ["key"]).records.map((r) => r.key));
  for (const entry of readJournal().values()) for (const k of entry.keys) keys.add(k);
  return keys;
}

/** Journals one sent email (one property write, split in chunks under 9 KB); returns characters written. */
export function journal(at: Date, subject: string, keys: readonly string[]): number {
  const values: Record<string, string> = {};
  const id = `${at.getTime()}.${Utilities.getUuid().slice(0, 8)}`;
  let chunk: string[] = [];
  let size = 0;
  let written = 0;
  const flush = () => {
    const text = JSON.stringify({ at: at.toISOString(), subject, keys: chunk });
    values[`${PREFIX}${id}.${Object.keys(values).length}`] = text;
    written += text.length;
    chunk = [];
    size = 0;
  };
  for (const key of keys) {
    if (size + key.length > CHUNK_CHARS && chunk.length) flush();
    chunk.push(key);
    size += key.length + 3;
  }
  if (chunk.length) flush();
  documentProps().setProperties(values);
  return written;
}

function readJournal(): Map<string, JournalEntry> {
  const entries = new Map<string, JournalEntry>();
  const all = documentProps().getProperties();
  for (const [k, v] of Object.entries(all))
    if (k.startsWith(PREFIX)) entries.set(k, JSON.parse(v) as JournalEntry);
  return entries;
}

/** Copies journaled emails to the Sent sheet in one write, then forgets them. */
export function flushJournal(office: Office): number {
  const entries = readJournal();
  if (!entries.size) return 0;
  const rows: Cell[][] = [];
  for (const entry of entries.values())
    for (const key of entry.keys) {
      const n = noticeFromKey(key);
      rows.push([new Date(entry.at), n.key, n.recipient, n.item, n.kind, n.level, entry.subject]);
    }
  appendToLog(office.ss, SCHEMAS.sent, office.codec, rows);
  const props = documentProps();
  for (const key of entries.keys()) props.deleteProperty(key);
  return rows.length;
}
