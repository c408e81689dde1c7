// The status workflow and its requirements.
import { describe, expect, it } from "vitest";
import { type Complaint, emptyComplaint } from "../../../src/domain/complaint";
import { applyTransition, checkTransition } from "../../../src/domain/workflow";

const complaint = (over: Partial<Complaint> = {}): Complaint => ({
  ...emptyComplaint(),
  id: "TS-2026-000001",
  ...over,
});
const at = new Date("2026-03-02T02:00:00Z");

describe("workflow", () => {
  it("refuses impossible moves and lists the possible ones", () => {
    expect(checkTransition(complaint({ status: "new" }), "closed")).toEqual([
      {
        code: "impossible",
        from: "new",
        to: "closed",
        allowed: ["acknowledged", "in_progress", "paused", "resolved"],
      },
    ]);
    expect(checkTransition(complaint({ status: "closed" }), "in_progress")[0]).toMatchObject({
      allowed: ["reopened"],
    });
    expect(checkTransition(complaint({ status: "in_progress" }), "new")[0]?.code).toBe("impossible");
  });

  it("allows the handling path and reopening", () => {
    const path = ["acknowledged", "in_progress", "resolved", "closed", "reopened", "resolved"] as const;
    let c = complaint({ status: "new" });
    for (const to of path) {
      expect(checkTransition(c, to)).toEqual([]);
      c = applyTransition(c, { to, who: "a@x.example", at });
    }
    expect(c.status).toBe("resolved");
  });

  it("needs a pause kind and a reason to pause", () => {
    const c = complaint({ status: "in_progress" });
    expect(checkTransition(c, "paused").map((p) => p.code)).toEqual([
      "pauseKindRequired",
      "pauseReasonRequired",
    ]);
    expect(checkTransition({ ...c, pauseKind: "等待业主", pauseReason: "业主出差" }, "paused")).toEqual([]);
  });

  it("needs a root cause to resolve a repeat complaint", () => {
    const c = complaint({ status: "in_progress", recurrenceOf: "TS-2026-000009" });
    expect(checkTransition(c, "resolved")).toEqual([
      { code: "rootCauseRequired", recurrenceOf: "TS-2026-000009" },
    ]);
    expect(checkTransition({ ...c, rootCause: "排水管坡度不足" }, "resolved")).toEqual([]);
  });

  it("stamps the first response once, and resolution and closing times", () => {
    const ack = applyTransition(complaint(), { to: "acknowledged", who: "li@x.example", at });
    expect(ack).toMatchObject({ acknowledgedAt: at, acknowledgedBy: "li@x.example" });
    const later = new Date(at.getTime() + 3_600_000);
    const working = applyTransition(ack, { to: "in_progress", who: "wu@x.example", at: later });
    expect(working.acknowledgedBy).toBe("li@x.example");
    const resolved = applyTransition(working, { to: "resolved", who: "wu@x.example", at: later });
    expect(resolved.resolvedAt).toEqual(later);
    const reopened = applyTransition(
      applyTransition(resolved, { to: "closed", who: "li@x.example", at: later }),
      {
        to: "reopened",
        who: "li@x.example",
        at: later,
      },
    );
    expect(reopened).toMatchObject({ resolvedAt: null, closedAt: null });
  });

  it("clears the pause once work resumes", () => {
    const paused = complaint({ status: "paused", pauseKind: "等待材料", pauseReason: "缺货" });
    expect(applyTransition(paused, { to: "in_progress", who: "a@x.example", at })).toMatchObject({
      pauseKind: "",
      pauseReason: "",
    });
  });
});
