// Deadlines and elapsed times derived from the status log.
import { describe, expect, it } from "vitest";
import { defaultCalendar } from "../../../src/domain/calendar";
import type { StatusChange } from "../../../src/domain/log";
import type { CategoryTarget } from "../../../src/domain/settings";
import { computeSla, type SlaInput } from "../../../src/domain/sla";

const t = (local: string) => Date.parse(`${local}+08:00`);
const show = (ms: number | null) =>
  ms === null ? null : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
const noise: CategoryTarget = {
  category: "噪音扰民",
  severity: "normal",
  department: "安防",
  responseHours: 8,
  resolutionHours: 24,
  clock: "business",
};
const leak: CategoryTarget = {
  category: "漏水",
  severity: "urgent",
  department: "工程维修",
  responseHours: 0.5,
  resolutionHours: 4,
  clock: "24/7",
};

function sla(
  history: StatusChange[],
  now: string,
  target: CategoryTarget | null = noise,
  over: Partial<SlaInput> = {},
) {
  return computeSla({
    receivedAt: t("2026-03-02T09:00"),
    target,
    goldenResponseHours: 24,
    history,
    now: t(now),
    leadMinutes: 240,
    calendar: defaultCalendar(),
    ...over,
  });
}

describe("SLA", () => {
  it("sets response and resolution deadlines in business hours", () => {
    const s = sla([], "2026-03-02T10:00");
    expect(show(s.responseDue)).toBe("2026-03-02 17:00");
    expect(show(s.resolutionDue)).toBe("2026-03-04 15:00");
    expect(s.state).toBe("ok");
  });

  it("caps the first response at the golden 24 hours", () => {
    // Friday 17:00, 8 business hours would be Monday 16:00; 24 calendar hours is Saturday 17:00.
    const s = sla([], "2026-03-06T18:00", noise, { receivedAt: t("2026-03-06T17:00") });
    expect(show(s.responseDue)).toBe("2026-03-07 17:00");
  });

  it("runs urgent leaks on the 24/7 clock", () => {
    const s = sla([], "2026-03-02T09:20", leak);
    expect(show(s.responseDue)).toBe("2026-03-02 09:30");
    expect(show(s.resolutionDue)).toBe("2026-03-02 13:00");
    expect(s.state).toBe("near");
  });

  it("is breached once a deadline passes without response", () => {
    expect(sla([], "2026-03-02T17:01").state).toBe("breached");
  });

  it("stops the clock while paused and moves the resolution deadline by the paused time", () => {
    const history: StatusChange[] = [
      { at: t("2026-03-02T09:30"), to: "acknowledged" },
      { at: t("2026-03-02T10:00"), to: "paused" },
      { at: t("2026-03-03T10:00"), to: "in_progress" },
    ];
    const paused = sla(history.slice(0, 2), "2026-03-02T15:00");
    expect(paused.state).toBe("paused");
    const resumed = sla(history, "2026-03-03T11:00");
    expect(resumed.pausedMinutes).toBe(9 * 60);
    expect(show(resumed.resolutionDue)).toBe("2026-03-05 15:00");
    expect(resumed.firstResponseMinutes).toBe(30);
  });

  it("gives a reopened complaint a fresh resolution target and counts the reopening", () => {
    const history: StatusChange[] = [
      { at: t("2026-03-02T10:00"), to: "acknowledged" },
      { at: t("2026-03-02T16:00"), to: "resolved" },
      { at: t("2026-03-03T09:00"), to: "closed" },
      { at: t("2026-03-05T09:00"), to: "reopened" },
    ];
    const s = sla(history, "2026-03-05T10:00");
    expect(s.reopenCount).toBe(1);
    expect(show(s.resolutionDue)).toBe("2026-03-09 15:00");
    expect(s.resolutionMinutes).toBe(7 * 60);
    expect(s.status).toBe("reopened");
  });

  it("says met or missed once closed", () => {
    const onTime: StatusChange[] = [
      { at: t("2026-03-02T10:00"), to: "acknowledged" },
      { at: t("2026-03-03T10:00"), to: "resolved" },
      { at: t("2026-03-03T11:00"), to: "closed" },
    ];
    expect(sla(onTime, "2026-03-09T10:00").state).toBe("met");
    const late: StatusChange[] = [
      { at: t("2026-03-02T10:00"), to: "acknowledged" },
      { at: t("2026-03-05T10:00"), to: "resolved" },
    ];
    expect(sla(late, "2026-03-09T10:00").state).toBe("missed");
  });

  it("without a target still holds the golden response rule", () => {
    const s = sla([], "2026-03-02T10:00", null);
    expect(show(s.responseDue)).toBe("2026-03-03 09:00");
    expect(s.resolutionDue).toBeNull();
  });
});
