// The figures of the manager's digest.
import { describe, expect, it } from "vitest";
import { type Complaint, emptyComplaint } from "../../../src/domain/complaint";
import { computeDigest, digestDay, digestOwed } from "../../../src/domain/digest";
import type { TrackedItem } from "../../../src/domain/escalation";
import type { SlaResult } from "../../../src/domain/sla";
import { slaResult } from "./fixtures";

const t = (local: string) => Date.parse(`${local}+08:00`);
const now = t("2026-03-03T08:15");
const item = (c: Partial<Complaint>, s: Partial<SlaResult>): TrackedItem => ({
  complaint: { ...emptyComplaint(), id: `TS-2026-00000${c.unit?.length ?? 0}`, contact: "13812345678", ...c },
  sla: slaResult(t("2026-03-03T17:00"), s),
});

describe("digest", () => {
  const items = [
    item(
      { unit: "1", category: "漏水", department: "工程维修", receivedAt: new Date(t("2026-03-02T10:00")) },
      { state: "breached", responseDue: t("2026-03-02T10:30") },
    ),
    item(
      { unit: "22", category: "漏水", department: "工程维修", receivedAt: new Date(t("2026-03-01T10:00")) },
      { status: "resolved", state: "met", resolvedAt: t("2026-03-02T15:00") },
    ),
    item(
      {
        unit: "333",
        category: "停车",
        department: "停车",
        status: "paused",
        pauseKind: "等待业主",
        pauseReason: "业主出差",
        receivedAt: new Date(t("2026-02-20T10:00")),
      },
      { status: "paused", state: "paused" },
    ),
    item(
      { unit: "4444", category: "噪音扰民", department: "", receivedAt: new Date(t("2026-03-03T07:00")) },
      {},
    ),
  ];
  const f = computeDigest(items, now, 480);

  it("counts yesterday's new and resolved and today's open, overdue and paused", () => {
    expect(f.day).toBe("2026-03-02");
    expect([f.newYesterday, f.resolvedYesterday, f.open, f.overdue, f.paused]).toEqual([1, 1, 3, 1, 1]);
  });

  it("breaks open items down by category and department", () => {
    expect(f.byCategory.find((r) => r.name === "漏水")).toEqual({ name: "漏水", open: 1, overdue: 1 });
    expect(f.byDepartment.map((r) => r.name)).toContain("");
  });

  it("lists paused items with their reasons and overdue items, phones masked", () => {
    expect(f.pausedItems.map((i) => [i.pauseKind, i.pauseReason])).toEqual([["等待业主", "业主出差"]]);
    expect(f.overdueItems.map((i) => i.contact)).toEqual(["138****5678"]);
  });
});

describe("when the digest is owed", () => {
  const since = t("2026-03-01T10:00");
  it("from its hour on, reporting on yesterday, office-local", () => {
    expect(digestOwed(t("2026-03-03T07:59"), 480, 8, since)).toBe(false);
    expect(digestOwed(t("2026-03-03T08:00"), 480, 8, since)).toBe(true);
    expect(digestOwed(t("2026-03-03T23:59"), 480, 8, since)).toBe(true);
    expect(digestDay(t("2026-03-03T00:30"), 480)).toBe("2026-03-02");
    expect(digestDay(t("2026-03-02T23:30"), 480)).toBe("2026-03-01");
  });

  it("not on the day the desk started after that hour, nor before its first run", () => {
    expect(digestOwed(t("2026-03-01T12:00"), 480, 8, since)).toBe(false);
    expect(digestOwed(t("2026-03-02T09:00"), 480, 8, since)).toBe(true);
    expect(digestOwed(t("2026-03-02T09:00"), 480, 8, null)).toBe(false);
  });
});
