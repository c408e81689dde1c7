// Who hears about which deadline, and when.
import { describe, expect, it } from "vitest";
import { defaultOffice } from "../../../bench/fixtures";
import { type Complaint, emptyComplaint } from "../../../src/domain/complaint";
import {
  groupByRecipient,
  levelAt,
  planNotices,
  recipientsFor,
  type TrackedItem,
} from "../../../src/domain/escalation";
import { decodeNotice } from "../../../src/domain/notices";
import type { OfficeSettings } from "../../../src/domain/settings";
import type { SlaResult } from "../../../src/domain/sla";
import { slaResult } from "./fixtures";

const settings: OfficeSettings = {
  ...defaultOffice("boss@office.example").settings,
  reminderLeadHours: 4,
  managerDelayHours: 4,
  departments: [
    { name: "安防", head: "陈", headEmail: "head@office.example", handlerEmails: ["guard@office.example"] },
  ],
};
const H = 3_600_000;
const due = Date.parse("2026-03-02T17:00:00+08:00");
const complaint = (over: Partial<Complaint> = {}): Complaint => ({
  ...emptyComplaint(),
  id: "TS-2026-000001",
  department: "安防",
  receivedBy: "desk@office.example",
  ...over,
});
const sla = (over: Partial<SlaResult> = {}): SlaResult =>
  slaResult(due, { resolutionDue: due + 48 * H, ...over });
const item = (c = complaint(), s = sla()): TrackedItem => ({ complaint: c, sla: s });

describe("escalation", () => {
  it("climbs from handler to head to manager", () => {
    expect(levelAt(due, due - 5 * H, settings)).toBeNull();
    expect(levelAt(due, due - 4 * H, settings)).toBe("handler");
    expect(levelAt(due, due, settings)).toBe("head");
    expect(levelAt(due, due + 4 * H, settings)).toBe("manager");
  });

  it("keeps the first-contact owner informed and sends the head the handlers' list too", () => {
    expect(recipientsFor("handler", complaint(), settings)).toEqual([
      "guard@office.example",
      "desk@office.example",
    ]);
    expect(recipientsFor("handler", complaint({ assignee: "wu@office.example" }), settings)).toEqual([
      "wu@office.example",
      "desk@office.example",
    ]);
    expect(recipientsFor("head", complaint(), settings)).toEqual([
      "head@office.example",
      "guard@office.example",
      "desk@office.example",
    ]);
    expect(recipientsFor("manager", complaint(), settings)).toEqual([
      "boss@office.example",
      "head@office.example",
    ]);
  });

  it("drops addresses that are not emails", () => {
    expect(recipientsFor("handler", complaint({ assignee: "老王", receivedBy: "" }), settings)).toEqual([
      "guard@office.example",
    ]);
  });

  it("plans each notice once and never for paused or finished items", () => {
    const now = due + 30 * 60_000;
    const first = planNotices([item()], settings, now, new Set());
    expect(first.map((n) => [n.kind, n.level, n.recipient])).toEqual([
      ["response", "head", "head@office.example"],
      ["response", "head", "guard@office.example"],
      ["response", "head", "desk@office.example"],
    ]);
    expect(planNotices([item()], settings, now, new Set(first.map((n) => n.key)))).toEqual([]);
    // Each key is the typed notice, recipient included.
    expect(first.map((n) => decodeNotice(n.key))).toEqual(
      first.map((n) => ({
        type: "complaint",
        item: "TS-2026-000001",
        kind: "response",
        level: "head",
        due,
        recipient: n.recipient,
      })),
    );
    expect(planNotices([item(complaint(), sla({ state: "paused" }))], settings, now, new Set())).toEqual([]);
    expect(planNotices([item(complaint(), sla({ state: "met" }))], settings, now, new Set())).toEqual([]);
    // Once answered, only the resolution deadline matters.
    const answered = item(complaint(), sla({ firstResponseAt: due - H }));
    expect(planNotices([answered], settings, now, new Set())).toEqual([]);
  });

  it("groups notices into one email per person, most urgent first", () => {
    const a = item(complaint({ id: "TS-2026-000001" }));
    const b = item(complaint({ id: "TS-2026-000002" }), sla({ responseDue: due + 2 * H }));
    const groups = groupByRecipient(planNotices([b, a], settings, due + H, new Set()));
    const desk = groups.get("desk@office.example") ?? [];
    expect(desk.map((n) => [n.item.complaint.id, n.level])).toEqual([
      ["TS-2026-000001", "head"],
      ["TS-2026-000002", "handler"],
    ]);
    expect(groups.size).toBe(3);
  });
});
