// The five-year benchmark's office: what it writes must be what the desk would have written,
// or the workbook it fills (and every figure measured on it) would be of another office.
import { describe, expect, it } from "vitest";
import { defaultOffice } from "../../../bench/fixtures";
import { BusyOffice, type Writes } from "../../../bench/years/busyOffice";
import type { Callback } from "../../../src/domain/callback";
import type { Complaint, Status } from "../../../src/domain/complaint";
import type { LogEntry } from "../../../src/domain/log";
import { decodeNotice } from "../../../src/domain/notices";
import { parseTrail } from "../../../src/domain/trail";
import { choiceCode } from "../../../src/sheets/codec";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse("2026-03-01T00:00:00+08:00");
const DESK = ["desk1@office.example", "desk2@office.example"];

function office(seed = 3) {
  return new BusyOffice(defaultOffice("manager@office.example"), {
    start: START,
    complaintsPerDay: 6,
    servicesPerDay: 10,
    tickPhaseMs: 2_000,
    triggerOwner: DESK[0] ?? "",
    desk: DESK,
    seed,
  });
}

/** Every take merged: the latest state of each record, every Log row, every Sent record. */
function collect(busy: BusyOffice, until: number, step = DAY, shadow?: (at: number) => boolean) {
  const all: Writes = { complaints: new Map(), callbacks: new Map(), log: [], sent: new Map() };
  const sentAt = new Map<string, number[]>();
  for (let at = START + step; at <= until; at += step) {
    busy.advance(at, { shadow: shadow?.(at) ?? false });
    const w = busy.take();
    for (const [k, v] of w.complaints) all.complaints.set(k, v);
    for (const [k, v] of w.callbacks) all.callbacks.set(k, v);
    all.log.push(...w.log);
    for (const [k, v] of w.sent) {
      all.sent.set(k, v);
      sentAt.set(k, [...(sentAt.get(k) ?? []), v.at.getTime()]);
    }
  }
  return { ...all, sentAt };
}

const label = defaultOffice().codec.t;
const trailOf = (c: Complaint) =>
  parseTrail(c.trail, 480, (s) => choiceCode("status", s) as Status | null) ?? [];

describe("the five-year benchmark's busy office", () => {
  const busy = office();
  const month = collect(busy, START + 40 * DAY);
  const complaints = [...month.complaints.values()];
  const callbacks = [...month.callbacks.values()];

  it("takes in the day's complaints and services, numbered in order, and works old complaints through to closed", () => {
    expect(complaints).toHaveLength(40 * 6);
    expect(callbacks.filter((c) => c.source !== "complaint" && !c.ref)).toHaveLength(40 * 10);
    const ids = complaints.map((c) => c.id);
    expect(ids[0]).toBe("TS-2026-000001");
    expect(new Set(ids).size).toBe(ids.length);
    // Received in the first ten days: a month on, each one is closed and its trail says so.
    const old = complaints.filter((c) => (c.receivedAt?.getTime() ?? 0) < START + 10 * DAY);
    expect(old.length).toBeGreaterThan(50);
    for (const c of old) {
      expect(c.status).toBe("closed");
      expect(trailOf(c).at(-1)?.to).toBe("closed");
      expect(c.closedAt).not.toBeNull();
    }
  });

  it("logs as the desk does: a complaint's creation first, then each move, the Log in time order", () => {
    const times = month.log.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const byItem = new Map<string, LogEntry[]>();
    for (const e of month.log) byItem.set(e.item, [...(byItem.get(e.item) ?? []), e]);
    for (const c of complaints) {
      const entries = byItem.get(c.id) ?? [];
      expect(entries[0]?.field).toBe("created");
      const moves = entries.filter((e) => e.field === "status").length;
      expect(moves).toBe(trailOf(c).length - 1);
    }
    // Paused deadlines move while the office works, and each hourly run that moves one logs it.
    const rescored = month.log.filter((e) => e.note === label("log.rescored"));
    expect(rescored.length).toBeGreaterThan(0);
    expect(rescored.every((e) => e.field === "resolutionDue" && e.who === DESK[0])).toBe(true);
  });

  it("gives each resolved complaint a call-back, and closes it only on a settled one", () => {
    const byRef = new Map<string, Callback[]>();
    for (const cb of callbacks)
      if (cb.source === "complaint") byRef.set(cb.ref, [...(byRef.get(cb.ref) ?? []), cb]);
    for (const c of complaints.filter((x) => x.status === "closed")) {
      const latest = (byRef.get(c.id) ?? []).at(-1);
      expect(latest?.state === "done" || latest?.state === "unreachable").toBe(true);
    }
  });

  it("keeps one Sent row per notice record: a call-back reminded on several days updates its row", () => {
    const reminded = [...month.sentAt].filter(([record]) => record.startsWith("callback|"));
    expect(reminded.length).toBeGreaterThan(100);
    const again = reminded.filter(([, at]) => at.length > 1);
    expect(again.length).toBeGreaterThan(0);
    for (const [record, at] of again) {
      const days = new Set(at.map((t) => new Date(t + 8 * HOUR).toISOString().slice(0, 10)));
      expect(days.size).toBe(at.length);
      // The row holds the latest day's key, with its recipient.
      const key = decodeNotice(month.sent.get(record)?.key ?? "");
      expect(key?.type === "callback" && key.recipient !== "").toBe(true);
    }
    const digests = [...month.sent.keys()].filter((k) => k.startsWith("digest|"));
    expect(digests).toHaveLength(40);
  });

  it("in shadow hours keeps its ledger but writes none of the run's rows: the desk writes them", () => {
    const window = (at: number) => at > START + 10 * DAY && at <= START + 11 * DAY;
    const shadowed = collect(office(), START + 20 * DAY, HOUR, window);
    const plain = collect(office(), START + 20 * DAY, HOUR);
    const sentIn = (sentAt: Map<string, number[]>) =>
      new Set([...sentAt].filter(([, at]) => at.some((t) => window(t))).map(([k]) => k));
    const inWindow = sentIn(plain.sentAt);
    expect(inWindow.size).toBeGreaterThan(10);
    expect(sentIn(shadowed.sentAt).size).toBe(0);
    // Nothing the desk sent in those hours is sent again afterwards (call-backs owe a new day's reminder).
    for (const record of inWindow) {
      const later = shadowed.sentAt.get(record) ?? [];
      if (!record.startsWith("callback|")) expect(later).toEqual([]);
    }
    // People's work goes on: the same complaints, the same moves.
    expect(shadowed.complaints.size).toBe(plain.complaints.size);
    expect(shadowed.log.filter((e) => e.field === "status")).toHaveLength(
      plain.log.filter((e) => e.field === "status").length,
    );
  });

  it("continues the numbering after IDs the desk handed out itself", () => {
    const b = office(5);
    b.advance(START + 2 * HOUR);
    b.reserveAfter("TS", 2026, 500);
    b.advance(START + 2 * DAY);
    const ids = [...b.take().complaints.keys()].sort();
    expect(ids.at(-1)).toBe(`TS-2026-${String(500 + 12).padStart(6, "0")}`);
  });
});
