// What has been emailed, so no notice goes out twice. Each email is journaled in document
// properties the moment it is sent, then copied to the Sent sheet; a run cut off in
// between leaves the journal, which the next run copies first.
import { documentProps } from "../gas/services";
import { appendToLog, readTable } from "../gas/table";
import type { Cell } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import type { Office } from "./office";

const PREFIX = "sent.journal.";
/** Property values are capped at 9 KB; stay well under it. */
const CHUNK_CHARS = 7_000;

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
  notices: SentNotice[];
}

export function sentKeys(office: Office): Set<string> {
  const keys = new Set(readTable(office.ss, SCHEMAS.sent, office.codec, ["key"]).records.map((r) => r.key));
  for (const entry of readJournal().values()) for (const n of entry.notices) keys.add(n.key);
  return keys;
}

/** Journals one sent email (one property write per chunk, usually one). */
export function journal(at: Date, subject: string, notices: readonly SentNotice[]): void {
  const values: Record<string, string> = {};
  let chunk: SentNotice[] = [];
  let size = 0;
  const id = `${at.getTime()}.${Utilities.getUuid().slice(0, 8)}`;
  let part = 0;
  const flush = () => {
    values[`${PREFIX}${id}.${part++}`] = JSON.stringify({ at: at.toISOString(), subject, notices: chunk });
    chunk = [];
    size = 0;
  };
  for (const n of notices) {
    const length = JSON.stringify(n).length;
    if (size + length > CHUNK_CHARS && chunk.length) flush();
    chunk.push(n);
    size += length;
  }
  if (chunk.length) flush();
  documentProps().setProperties(values);
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
    for (const n of entry.notices)
      rows.push([new Date(entry.at), n.key, n.recipient, n.item, n.kind, n.level, entry.subject]);
  appendToLog(office.ss, SCHEMAS.sent, office.codec, rows);
  const props = documentProps();
  for (const key of entries.keys()) props.deleteProperty(key);
  return rows.length;
}
