// What the desk remembers about the emails it sends, so none goes out twice: typed notice
import { utf8Bytes } from "./text";
// keys with one encode/decode, the journal of emails about to leave (document properties),
// a bounded memory of what went out this period, and how a Sent row follows its notices.
// Pure: the app layer reads and writes the properties and the Sent sheet.

export type DeadlineKind = "response" | "resolution";
export type EscalationLevel = "handler" | "head" | "manager";

/** One notice to one person: what the Sent log remembers. */
export type NoticeKey =
  | {
      type: "complaint";
      item: string;
      kind: DeadlineKind;
      level: EscalationLevel;
      /** The deadline (ms): a new deadline after a reopen is a new notice. */
      due: number;
      recipient: string;
    }
  /** A call-back owed: reminded once per period (an office-local day, "YYYY-MM-DD"). */
  | { type: "callback"; callback: string; period: string; recipient: string }
  /** The manager's digest of `day` (the office-local day it reports on). */
  | { type: "digest"; day: string; recipient: string };

const KINDS: readonly string[] = ["response", "resolution"];
const LEVELS: readonly string[] = ["handler", "head", "manager"];

// "|" separates the parts; "%" and "|" inside a part are escaped (IDs and addresses never
// hold them in practice, so keys written before this encoding read the same).
const esc = (part: string) => part.replace(/%/g, "%25").replace(/\|/g, "%7C");
const unesc = (part: string) => part.replace(/%7C/gi, "|").replace(/%25/g, "%");

export function encodeNotice(k: NoticeKey): string {
  const parts =
    k.type === "complaint"
      ? ["complaint", k.item, k.kind, k.level, new Date(k.due).toISOString(), k.recipient.toLowerCase()]
      : k.type === "callback"
        ? ["callback", k.callback, k.period, k.recipient.toLowerCase()]
        : ["digest", k.day, k.recipient.toLowerCase()];
  return parts.map(esc).join("|");
}

function complaintKey(item: string, kind: string, level: string, due: string, to: string): NoticeKey | null {
  const ms = Date.parse(due);
  if (!KINDS.includes(kind) || !LEVELS.includes(level) || Number.isNaN(ms)) return null;
  return {
    type: "complaint",
    item,
    kind: kind as DeadlineKind,
    level: level as EscalationLevel,
    due: ms,
    recipient: to,
  };
}

/**
 * The notice a key stands for, or null for text that is no key. Also reads the keys written
 * before the tag came first: "id|kind|level|due|to" for a complaint.
 */
export function decodeNotice(text: string): NoticeKey | null {
  const p = text.split("|").map(unesc);
  const [tag = "", a = "", b = "", c = "", d = "", e = ""] = p;
  if (tag === "complaint" && p.length === 6) return complaintKey(a, b, c, d, e);
  if (tag === "callback" && p.length === 4) return { type: "callback", callback: a, period: b, recipient: c };
  if (tag === "digest" && p.length === 3) return { type: "digest", day: a, recipient: b };
  if (p.length === 5) return complaintKey(tag, a, b, c, d);
  return null;
}

/** The one spelling of a key (old spellings read as today's); text that is no key stays as it is. */
export function canonicalKey(text: string): string {
  const k = decodeNotice(text.trim());
  return k ? encodeNotice(k) : text.trim();
}

/**
 * The Sent row a notice belongs to: one per item, level and period and recipient. A call-back
 * reminded every day while it is owed keeps one row, updated with each day's reminder.
 */
export function recordOf(text: string): string {
  const k = decodeNotice(text.trim());
  if (!k) return text.trim();
  return k.type === "callback" ? `callback|${esc(k.callback)}|${k.recipient.toLowerCase()}` : encodeNotice(k);
}

/** The Sent columns a key carries (everything but when and the subject). */
export function sentFields(text: string): { recipient: string; item: string; kind: string; level: string } {
  const k = decodeNotice(text.trim());
  if (!k) return { recipient: "", item: "", kind: "", level: "" };
  if (k.type === "complaint") return { recipient: k.recipient, item: k.item, kind: k.kind, level: k.level };
  if (k.type === "callback") return { recipient: k.recipient, item: k.callback, kind: "callback", level: "" };
  return { recipient: k.recipient, item: "", kind: "digest", level: "manager" };
}

/** A short stable fingerprint of a key (53 bits, base 36): what the period memory keeps. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What has gone out (or is going out): Sent rows, the journal and the period memory. */
export interface Ledger {
  has(key: string): boolean;
}

export function ledger(keys: Iterable<string>, fingerprints: Iterable<string>): Ledger {
  const known = new Set<string>();
  for (const k of keys) known.add(canonicalKey(k));
  const prints = new Set(fingerprints);
  return {
    has: (key) => {
      const k = canonicalKey(key);
      return known.has(k) || prints.has(fingerprint(k));
    },
  };
}

// ── The journal, in document properties ───────────────────────────────────────────────
// Each run keeps its own journal: an entry is written right before an email is handed to
// MailApp and marked done once the call returns. The run copies its entries to the Sent
// sheet when it ends; a run that died (cut off by the time limit) leaves its journal, which
// the next run copies instead — an entry never marked done counts as sent, because the
// email may have left: a notice goes out at most once.

export const JOURNAL = {
  run: "notice.run.",
  memory: "notice.memory.",
  since: "notice.since",
  /** Emails journaled by earlier versions of the desk, after sending. */
  legacy: "sent.journal.",
} as const;

/** A run lasts at most 6 minutes: a journal older than this belongs to a run that has died. */
export const ORPHAN_AFTER_MS = 7 * 60_000;
/** Property values hold 9 KB; a chunk stays under it with room to spare. */
export const CHUNK_BYTES = 8_000;

/** One email about to leave (or part of its keys, when they are many). */
export interface Sending {
  /** When it was about to leave (ms). */
  at: number;
  subject: string;
  keys: string[];
  /** When MailApp returned (ms); null until then, and for ever if the run died in between. */
  done: number | null;
}

const bytesOf = (s: Sending) => utf8Bytes(JSON.stringify(s)) + 1;

/** Splits an email's keys so that each part fits a property value on its own. */
export function splitSending(s: Sending, maxBytes = CHUNK_BYTES): Sending[] {
  const parts: Sending[] = [];
  let part: Sending = { ...s, keys: [] };
  for (const key of s.keys) {
    if (part.keys.length && bytesOf(part) + utf8Bytes(key) + 3 > maxBytes) {
      parts.push(part);
      part = { ...s, keys: [] };
    }
    part.keys.push(key);
  }
  parts.push(part);
  return parts;
}

/** Packs entries into property-sized chunks, in order. */
export function packChunks(entries: readonly Sending[], maxBytes = CHUNK_BYTES): Sending[][] {
  const chunks: Sending[][] = [];
  let size = 2;
  for (const e of entries) {
    const last = chunks[chunks.length - 1];
    const bytes = bytesOf(e);
    if (last && size + bytes <= maxBytes) {
      last.push(e);
      size += bytes;
    } else {
      chunks.push([e]);
      size = 2 + bytes;
    }
  }
  return chunks;
}

export interface RunJournal {
  /** "<start ms>.<random>": the run that writes it. */
  id: string;
  start: number;
  entries: Sending[];
  props: string[];
}

export interface Journal {
  runs: RunJournal[];
  /** Fingerprints of notices recorded in the current period, oldest first. */
  memory: string[];
  memoryProps: string[];
  /** When this desk's runs first recorded notices; null before. */
  since: number | null;
}

function parseEntries(text: string): Sending[] {
  try {
    const v = JSON.parse(text) as unknown;
    const list = Array.isArray(v) ? v : [v];
    return list.flatMap((e: Partial<Sending> & { at?: unknown }) => {
      if (!e || !Array.isArray(e.keys)) return [];
      const at = typeof e.at === "number" ? e.at : Date.parse(String(e.at));
      return [
        {
          at: Number.isNaN(at) ? 0 : at,
          subject: String(e.subject ?? ""),
          keys: e.keys.map(String),
          done: typeof e.done === "number" ? e.done : null,
        },
      ];
    });
  } catch {
    return [];
  }
}

/** Reads the journals out of all document properties. */
export function parseJournal(props: Readonly<Record<string, string>>): Journal {
  const runs = new Map<string, RunJournal & { order: [number, Sending[]][] }>();
  const memory: [number, string[]][] = [];
  const memoryNames: string[] = [];
  let since: number | null = null;
  for (const [name, value] of Object.entries(props)) {
    if (name === JOURNAL.since) since = Number(value) || null;
    else if (name.startsWith(JOURNAL.memory)) {
      memory.push([Number(name.slice(JOURNAL.memory.length)) || 0, value.split(" ").filter(Boolean)]);
      memoryNames.push(name);
    } else if (name.startsWith(JOURNAL.run) || name.startsWith(JOURNAL.legacy)) {
      const legacy = name.startsWith(JOURNAL.legacy);
      const rest = name.slice((legacy ? JOURNAL.legacy : JOURNAL.run).length);
      const dot = rest.lastIndexOf(".");
      const id = `${legacy ? "legacy:" : ""}${rest.slice(0, dot)}`;
      const run = runs.get(id) ?? { id, start: 0, entries: [], props: [], order: [] };
      // Earlier versions journaled each email after it had left: done by nature, run long over.
      const entries = parseEntries(value).map((e) => (legacy ? { ...e, done: e.at } : e));
      run.start = legacy ? 0 : Number(rest.slice(0, rest.indexOf("."))) || 0;
      run.props.push(name);
      run.order.push([Number(rest.slice(dot + 1)) || 0, entries]);
      runs.set(id, run);
    }
  }
  memory.sort((a, b) => a[0] - b[0]);
  return {
    runs: [...runs.values()].map(({ order, ...run }) => ({
      ...run,
      entries: order.sort((a, b) => a[0] - b[0]).flatMap(([, e]) => e),
    })),
    memory: memory.flatMap(([, prints]) => prints),
    memoryProps: memoryNames,
    since,
  };
}

/** Journals of runs that have ended without copying them: the next run copies them. */
export function orphaned(journal: Journal, now: number, self = ""): RunJournal[] {
  return journal.runs.filter((r) => r.id !== self && now - r.start >= ORPHAN_AFTER_MS);
}

/** Every key journaled by any run: sent or about to be. */
export function journaledKeys(journal: Journal): string[] {
  return journal.runs.flatMap((r) => r.entries.flatMap((e) => e.keys));
}

/**
 * The period memory after a run: what it held and is still planned (`live`: every notice the
 * planners would send now, sent or not), plus what was just recorded; oldest dropped beyond `cap`.
 * With `live` null (a run that did not plan everything) nothing is forgotten.
 */
export function nextMemory(
  memory: readonly string[],
  recorded: readonly string[],
  live: ReadonlySet<string> | null,
  cap: number,
): string[] {
  const kept = live ? memory.filter((p) => live.has(p)) : [...memory];
  const seen = new Set(kept);
  for (const p of recorded)
    if (!seen.has(p)) {
      kept.push(p);
      seen.add(p);
    }
  return kept.slice(Math.max(0, kept.length - cap));
}

/** The memory as property values, space-separated fingerprints under the value limit. */
export function memoryProps(prints: readonly string[], maxBytes = CHUNK_BYTES): Record<string, string> {
  const out: Record<string, string> = {};
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    out[`${JOURNAL.memory}${Object.keys(out).length}`] = chunk.join(" ");
    chunk = [];
    size = 0;
  };
  for (const p of prints) {
    if (size + p.length + 1 > maxBytes) flush();
    chunk.push(p);
    size += p.length + 1;
  }
  if (chunk.length) flush();
  return out;
}

// ── Sent rows ─────────────────────────────────────────────────────────────────────────

/** A Sent row as the desk reads it: when it last went out (null: never), and its latest key. */
export interface SentLine {
  row: number;
  key: string;
  at: number | null;
}

/** What happened to one notice: sent (subject of the email) or not (subject: why). */
export interface Outcome {
  key: string;
  at: number;
  sent: boolean;
  subject: string;
}

export interface SentWrite {
  at: number | null;
  key: string;
  subject: string;
}

/**
 * How outcomes change the Sent sheet: each record (`recordOf`) keeps one row. A sent notice
 * sets the row's time, key and subject (recording the same notice twice changes nothing);
 * a failure leaves a sent row's time and key and says why in its subject, so the notice is
 * tried again next run. Rows are addressed by their keys, read just before writing.
 */
export function planSentWrites(
  lines: readonly SentLine[],
  outcomes: readonly Outcome[],
): { updates: Map<number, SentWrite>; appends: SentWrite[] } {
  const records = new Map<string, { row: number | null; state: SentWrite; append: number }>();
  for (const line of lines) {
    const id = recordOf(line.key);
    const had = records.get(id);
    // Older versions wrote a row per day for a call-back: the latest stands for the record.
    if (had && (had.state.at ?? 0) > (line.at ?? 0)) continue;
    records.set(id, { row: line.row, state: { at: line.at, key: line.key, subject: "" }, append: -1 });
  }
  const updates = new Map<number, SentWrite>();
  const appends: SentWrite[] = [];
  for (const o of [...outcomes].sort((a, b) => a.at - b.at)) {
    const key = canonicalKey(o.key);
    const id = recordOf(key);
    const cur = records.get(id);
    const last = cur?.state.at ?? null;
    // Recorded already, or older than what the row says went out last: nothing to change.
    if (last !== null && (canonicalKey(cur?.state.key ?? "") === key || (o.sent && o.at < last))) continue;
    const next: SentWrite = o.sent
      ? { at: o.at, key, subject: o.subject }
      : cur && last !== null
        ? { ...cur.state, subject: o.subject }
        : { at: null, key, subject: o.subject };
    if (cur?.row != null) {
      updates.set(cur.row, next);
      cur.state = next;
    } else if (cur) {
      appends[cur.append] = next;
      cur.state = next;
    } else {
      records.set(id, { row: null, state: next, append: appends.length });
      appends.push(next);
    }
  }
  return { updates, appends };
}

/** Row numbers in runs no more than `gap` apart: one write per run instead of one per row. */
export function rowRuns(rows: Iterable<number>, gap: number): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - last[1] <= gap) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}
