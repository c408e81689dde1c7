// Typed notice keys, the journal in document properties, the period memory and Sent rows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHUNK_BYTES,
  canonicalKey,
  decodeNotice,
  encodeNotice,
  fingerprint,
  JOURNAL,
  ledger,
  memoryProps,
  type NoticeKey,
  nextMemory,
  ORPHAN_AFTER_MS,
  orphaned,
  packChunks,
  parseJournal,
  planSentWrites,
  recordOf,
  rowRuns,
  type Sending,
  sentFields,
  splitSending,
} from "../../../src/domain/notices";
import { utf8Bytes } from "../../../src/domain/text";

const DUE = Date.parse("2026-03-02T09:05:00Z");
const complaint: NoticeKey = {
  type: "complaint",
  item: "TS-2026-000001",
  kind: "response",
  level: "head",
  due: DUE,
  recipient: "Li@X.cn",
};
const callback = (period: string, recipient = "li@x.cn"): NoticeKey => ({
  type: "callback",
  callback: "HF-2026-000007",
  period,
  recipient,
});

const part = fc.string({ minLength: 1, maxLength: 20 });
const noticeArb: fc.Arbitrary<NoticeKey> = fc.oneof(
  fc.record({
    type: fc.constant("complaint" as const),
    item: part,
    kind: fc.constantFrom("response" as const, "resolution" as const),
    level: fc.constantFrom("handler" as const, "head" as const, "manager" as const),
    due: fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 }),
    recipient: part.map((s) => s.toLowerCase()),
  }),
  fc.record({
    type: fc.constant("callback" as const),
    callback: part,
    period: part,
    recipient: part.map((s) => s.toLowerCase()),
  }),
  fc.record({ type: fc.constant("digest" as const), day: part, recipient: part.map((s) => s.toLowerCase()) }),
);

describe("notice keys", () => {
  it("decode what they encode, whatever the parts hold (a | or % in an ID or address too)", () => {
    fc.assert(
      fc.property(noticeArb, (k) => {
        expect(decodeNotice(encodeNotice(k))).toEqual(k);
      }),
    );
  });

  it("lower-case the recipient: one person, one notice", () => {
    expect(encodeNotice(complaint)).toBe(
      "complaint|TS-2026-000001|response|head|2026-03-02T09:05:00.000Z|li@x.cn",
    );
    expect(encodeNotice(callback("2026-03-03", "LI@X.CN"))).toBe(encodeNotice(callback("2026-03-03")));
  });

  it("read the keys earlier versions wrote as the same notices", () => {
    const old = "TS-2026-000001|response|head|2026-03-02T09:05:00.000Z|li@x.cn";
    expect(decodeNotice(old)).toEqual({ ...complaint, recipient: "li@x.cn" });
    expect(canonicalKey(old)).toBe(encodeNotice(complaint));
    expect(decodeNotice("callback|HF-2026-000007|2026-03-03|li@x.cn")).toEqual(callback("2026-03-03"));
    expect(decodeNotice("digest|2026-03-02|boss@x.cn")).toEqual({
      type: "digest",
      day: "2026-03-02",
      recipient: "boss@x.cn",
    });
  });

  it("refuse what is no key", () => {
    for (const text of ["", "hello", "TS-1|later|head|2026-03-02T09:05:00.000Z|a@b.cn", "a|b|c|not a date|d"])
      expect(decodeNotice(text)).toBeNull();
    expect(canonicalKey(" hello ")).toBe("hello");
  });

  it("give each Sent row its recipient, item, kind and level — a call-back's recipient too", () => {
    expect(sentFields(encodeNotice(callback("2026-03-03")))).toEqual({
      recipient: "li@x.cn",
      item: "HF-2026-000007",
      kind: "callback",
      level: "",
    });
    expect(sentFields(encodeNotice(complaint))).toEqual({
      recipient: "li@x.cn",
      item: "TS-2026-000001",
      kind: "response",
      level: "head",
    });
    expect(sentFields("digest|2026-03-02|boss@x.cn")).toMatchObject({
      recipient: "boss@x.cn",
      kind: "digest",
    });
  });

  it("put a call-back's daily reminders in one record, each complaint level and deadline in its own", () => {
    expect(recordOf(encodeNotice(callback("2026-03-03")))).toBe(
      recordOf(encodeNotice(callback("2026-03-13"))),
    );
    expect(recordOf(encodeNotice(callback("2026-03-03")))).not.toBe(
      recordOf(encodeNotice(callback("2026-03-03", "wu@x.cn"))),
    );
    expect(recordOf(encodeNotice(complaint))).not.toBe(
      recordOf(encodeNotice({ ...complaint, level: "manager" })),
    );
    expect(recordOf(encodeNotice(complaint))).not.toBe(
      recordOf(encodeNotice({ ...complaint, due: DUE + 1 })),
    );
  });
});

describe("the ledger of what went out", () => {
  it("knows keys in any spelling, and keys the period memory holds only as fingerprints", () => {
    const sent = ledger(
      ["TS-2026-000001|response|head|2026-03-02T09:05:00.000Z|li@x.cn"],
      [fingerprint(encodeNotice(callback("2026-03-03")))],
    );
    expect(sent.has(encodeNotice(complaint))).toBe(true);
    expect(sent.has(encodeNotice(callback("2026-03-03")))).toBe(true);
    expect(sent.has(encodeNotice(callback("2026-03-04")))).toBe(false);
    expect(sent.has(encodeNotice({ ...complaint, level: "manager" }))).toBe(false);
  });

  it("fingerprints are short and tell thousands of keys apart", () => {
    const prints = new Set<string>();
    for (let i = 0; i < 20_000; i++)
      prints.add(fingerprint(encodeNotice({ ...complaint, item: `TS-2026-${i}` })));
    expect(prints.size).toBe(20_000);
    expect(Math.max(...[...prints].map((p) => p.length))).toBeLessThanOrEqual(11);
  });
});

describe("the journal", () => {
  const sending = (keys: string[], at = 1_000, done: number | null = null): Sending => ({
    at,
    subject: "【物业客服中心】1 件投诉需要您处理",
    keys,
    done,
  });

  it("splits an email's keys into parts that each fit a property value", () => {
    const keys = Array.from({ length: 400 }, (_, i) => encodeNotice({ ...complaint, item: `投诉-${i}` }));
    const parts = splitSending(sending(keys));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.keys)).toEqual(keys);
    for (const p of parts) expect(utf8Bytes(JSON.stringify([p]))).toBeLessThanOrEqual(CHUNK_BYTES);
    for (const chunk of packChunks(parts))
      expect(utf8Bytes(JSON.stringify(chunk))).toBeLessThanOrEqual(CHUNK_BYTES);
  });

  it("packs small entries together and keeps their order", () => {
    const entries = Array.from({ length: 50 }, (_, i) => sending([`k${i}`], i));
    const chunks = packChunks(entries);
    expect(chunks).toHaveLength(1);
    expect(chunks.flat()).toEqual(entries);
  });

  it("reads runs back in chunk order, with the memory, the first run and an earlier version's journal", () => {
    const start = 1_772_400_000_000;
    const props: Record<string, string> = {
      [`${JOURNAL.run}${start}.ab12.1`]: JSON.stringify([sending(["c"], start + 2, start + 3)]),
      [`${JOURNAL.run}${start}.ab12.0`]: JSON.stringify([sending(["a", "b"], start + 1)]),
      [`${JOURNAL.memory}1`]: "p3",
      [`${JOURNAL.memory}0`]: "p1 p2",
      [JOURNAL.since]: "1772300000000",
      [`${JOURNAL.legacy}1772000000000.x.0`]: JSON.stringify({
        at: "2026-03-01T00:00:00.000Z",
        subject: "old",
        keys: ["digest|2026-02-28|boss@x.cn"],
      }),
      "lastRun.runReminders": "2026-03-02T00:00:00.000Z",
      [`${JOURNAL.run}${start}.zz.0`]: "{torn",
    };
    const j = parseJournal(props);
    expect(j.memory).toEqual(["p1", "p2", "p3"]);
    expect(j.since).toBe(1_772_300_000_000);
    const run = j.runs.find((r) => r.id === `${start}.ab12`);
    expect(run?.start).toBe(start);
    expect(run?.entries.flatMap((e) => e.keys)).toEqual(["a", "b", "c"]);
    expect(run?.entries.map((e) => e.done)).toEqual([null, start + 3]);
    const legacy = j.runs.find((r) => r.id.startsWith("legacy:"));
    // Written after the email left: done, and from a run long over.
    expect(legacy?.entries[0]?.done).toBe(Date.parse("2026-03-01T00:00:00.000Z"));
    expect(orphaned(j, start + 60_000).map((r) => r.id)).toEqual([legacy?.id]);
    expect(
      orphaned(j, start + ORPHAN_AFTER_MS)
        .map((r) => r.id)
        .sort(),
    ).toEqual([`${start}.ab12`, `${start}.zz`, legacy?.id].sort());
    // A run never copies its own journal as if it had died.
    expect(orphaned(j, start + ORPHAN_AFTER_MS, `${start}.ab12`).map((r) => r.id)).not.toContain(
      `${start}.ab12`,
    );
  });
});

describe("the period memory", () => {
  it("keeps what is still planned and what was just recorded, and forgets the rest", () => {
    expect(nextMemory(["a", "b", "c"], ["d", "a"], new Set(["a", "c", "d"]), 100)).toEqual(["a", "c", "d"]);
    expect(nextMemory(["a", "b"], ["c"], null, 100)).toEqual(["a", "b", "c"]);
    expect(nextMemory(["a", "b", "c"], ["d"], null, 2)).toEqual(["c", "d"]);
  });

  it("fits its property values", () => {
    const prints = Array.from({ length: 3_000 }, (_, i) => fingerprint(String(i)));
    const props = memoryProps(prints);
    expect(Object.keys(props).length).toBeGreaterThan(1);
    for (const v of Object.values(props)) expect(utf8Bytes(v)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(parseJournal(props).memory).toEqual(prints);
  });
});

describe("Sent rows", () => {
  const cb = (day: string) => encodeNotice(callback(day));
  const T = Date.parse("2026-03-03T00:00:00Z");
  const D = 86_400_000;

  it("updates a call-back's one row each day instead of adding one", () => {
    const lines = [{ row: 2, key: cb("2026-03-03"), at: T }];
    const outcomes = [1, 2, 3].map((i) => ({
      key: cb(`2026-03-0${3 + i}`),
      at: T + i * D,
      sent: true,
      subject: "s",
    }));
    const { updates, appends } = planSentWrites(lines, outcomes);
    expect(appends).toEqual([]);
    expect(updates.get(2)).toEqual({ at: T + 3 * D, key: cb("2026-03-06"), subject: "s" });
  });

  it("changes nothing for a notice already recorded, nor for older news", () => {
    const lines = [{ row: 2, key: cb("2026-03-04"), at: T + D }];
    expect(
      planSentWrites(lines, [{ key: cb("2026-03-04"), at: T + D + 5, sent: true, subject: "again" }]).updates
        .size,
    ).toBe(0);
    expect(
      planSentWrites(lines, [{ key: cb("2026-03-03"), at: T, sent: true, subject: "older" }]).updates.size,
    ).toBe(0);
  });

  it("appends new records once, and follows an earlier version's rows a day apart to the latest", () => {
    const lines = [
      { row: 2, key: cb("2026-03-03"), at: T },
      { row: 3, key: cb("2026-03-04"), at: T + D },
    ];
    const { updates, appends } = planSentWrites(lines, [
      { key: cb("2026-03-05"), at: T + 2 * D, sent: true, subject: "s" },
      { key: encodeNotice(complaint), at: T, sent: true, subject: "c" },
      { key: encodeNotice(complaint), at: T + 1, sent: true, subject: "c" },
    ]);
    expect([...updates.keys()]).toEqual([3]);
    expect(appends).toEqual([{ at: T, key: encodeNotice(complaint), subject: "c" }]);
  });

  it("records a failure without a time, keeps a sent row's time, and a later success fills it in", () => {
    const failed = { key: encodeNotice(complaint), at: T, sent: false, subject: "未发送：Invalid email" };
    const first = planSentWrites([], [failed]);
    expect(first.appends).toEqual([
      { at: null, key: encodeNotice(complaint), subject: "未发送：Invalid email" },
    ]);
    const retried = planSentWrites(
      [{ row: 5, key: encodeNotice(complaint), at: null }],
      [{ key: encodeNotice(complaint), at: T + 3_600_000, sent: true, subject: "ok" }],
    );
    expect(retried.updates.get(5)).toEqual({
      at: T + 3_600_000,
      key: encodeNotice(complaint),
      subject: "ok",
    });
    // Yesterday's reminder went out; today's failed: the row keeps yesterday's time and key.
    const today = planSentWrites(
      [{ row: 2, key: cb("2026-03-03"), at: T }],
      [{ key: cb("2026-03-04"), at: T + D, sent: false, subject: "未发送" }],
    );
    expect(today.updates.get(2)).toEqual({ at: T, key: cb("2026-03-03"), subject: "未发送" });
  });

  it("groups rows to update into blocks, one write each", () => {
    expect(rowRuns([40, 2, 5, 3, 100, 41], 20)).toEqual([
      [2, 5],
      [40, 41],
      [100, 100],
    ]);
  });
});
