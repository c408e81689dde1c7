// A complaint's status trail kept in its row, and the planner that settles a person's edit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultOffice } from "../../../bench/fixtures";
import { type Complaint, emptyComplaint, STATUSES, type Status } from "../../../src/domain/complaint";
import type { StatusChange } from "../../../src/domain/log";
import { planRowEdit } from "../../../src/domain/rowEdit";
import { formatTrail, parseTrail, trailFromRow } from "../../../src/domain/trail";

const office = defaultOffice("boss@office.example");
const OFFSET = 480;
const label = (s: Status) => `L-${s}`;
const parse = (text: string) => (text.startsWith("L-") ? (text.slice(2) as Status) : null);
const received = new Date("2026-03-02T01:00:00Z");
const complaint = (over: Partial<Complaint> = {}): Complaint => ({
  ...emptyComplaint(),
  id: "TS-2026-000001",
  receivedAt: received,
  category: office.settings.categories[0]?.category ?? "",
  severity: "normal",
  ...over,
});
const plan = (
  record: Complaint,
  history: StatusChange[],
  over: Partial<Parameters<typeof planRowEdit>[0]> = {},
) =>
  planRowEdit({
    record,
    history,
    edited: new Set(),
    who: "li@office.example",
    now: new Date("2026-03-02T03:00:00Z"),
    settings: office.settings,
    calendar: office.calendar,
    statusReadable: true,
    ...over,
  });

describe("status trail", () => {
  it("round-trips any history to the second", () => {
    const change = fc.record({
      at: fc
        .integer({ min: Date.parse("2000-01-01"), max: Date.parse("2099-01-01") })
        .map((ms) => ms - (ms % 1000)),
      to: fc.constantFrom(...STATUSES),
    });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 20 }), (changes) => {
        const sorted = [...changes].sort((a, b) => a.at - b.at);
        expect(parseTrail(formatTrail(sorted, OFFSET, label), OFFSET, parse)).toEqual(sorted);
      }),
    );
  });

  it("refuses a trail someone edited into nonsense rather than guessing", () => {
    expect(parseTrail("L-new 2026-03-02 09:00:00 → whatever", OFFSET, parse)).toBeNull();
    expect(parseTrail("", OFFSET, parse)).toBeNull();
  });

  it("rebuilds a closed complaint's history from its own row: it stays closed", () => {
    const c = complaint({
      status: "closed",
      acknowledgedAt: new Date("2026-03-02T02:00:00Z"),
      resolvedAt: new Date("2026-03-03T02:00:00Z"),
      closedAt: new Date("2026-03-05T02:00:00Z"),
    });
    expect(trailFromRow(c).map((h) => h.to)).toEqual(["new", "acknowledged", "resolved", "closed"]);
  });
});

describe("planning a row edit", () => {
  const history: StatusChange[] = [{ at: received.getTime(), to: "new" }];

  it("refuses an impossible move and puts the logged status back", () => {
    const p = plan(complaint({ status: "closed" }), history);
    expect(p.refused?.code).toBe("impossible");
    expect(p.set.status).toBe("new");
    expect(p.changes.some((c) => c.field === "status")).toBe(false);
  });

  it("accepts a move, stamps the first response and extends the trail", () => {
    const p = plan(complaint({ status: "acknowledged" }), history);
    expect(p.refused).toBeUndefined();
    expect(p.set.acknowledgedBy).toBe("li@office.example");
    expect(p.history.map((h) => h.to)).toEqual(["new", "acknowledged"]);
    expect(p.changes[0]).toMatchObject({ field: "status", from: "new", to: "acknowledged" });
  });

  it("never writes cells a person typed: only computed keys are in the plan", () => {
    const typed = ["unit", "owner", "contact", "content", "cause", "measures", "assignee", "department"];
    const p = plan(complaint({ status: "acknowledged", cause: "pipe", measures: "fix" }), history, {
      edited: new Set(["cause", "measures"]),
    });
    expect(Object.keys(p.set).filter((k) => typed.includes(k))).toEqual([]);
    expect(p.set.investigatedAt).toBeInstanceOf(Date);
    expect(p.set.actedBy).toBe("li@office.example");
  });

  it("a sweep of an unchanged row computes deadlines only", () => {
    const p = plan(complaint({ status: "new" }), history);
    expect(Object.keys(p.set).sort()).toEqual(["resolutionDue", "responseDue", "slaState", "updatedAt"]);
  });

  it("whatever a person typed and whatever the history, plans only computed cells", () => {
    const computed = new Set([
      "status",
      "acknowledgedAt",
      "acknowledgedBy",
      "resolvedAt",
      "closedAt",
      "pauseKind",
      "pauseReason",
      "investigatedAt",
      "investigatedBy",
      "actedAt",
      "actedBy",
      "followedUpAt",
      "followedUpBy",
      "responseDue",
      "resolutionDue",
      "slaState",
      "updatedAt",
    ]);
    const edited = fc.subarray([
      "cause",
      "responsibility",
      "measures",
      "promisedBy",
      "ownerAgreed",
      "followUp",
      "status",
    ]);
    const text = fc.string({ maxLength: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...STATUSES),
        edited,
        text,
        text,
        (from, to, keys, kind, reason) => {
          const p = plan(
            complaint({ status: to, cause: "c", measures: "m", pauseKind: kind, pauseReason: reason }),
            [...history, { at: received.getTime() + 60_000, to: from }],
            { edited: new Set(keys) },
          );
          expect(Object.keys(p.set).filter((k) => !computed.has(k))).toEqual([]);
          // The status cell is written only to put the logged status back.
          if ("status" in p.set) expect(p.refused).toBeDefined();
          // A refused move never changes the trail; an accepted one ends in the typed status.
          expect(p.history.at(-1)?.to).toBe(p.refused ? from : to);
        },
      ),
    );
  });
});
