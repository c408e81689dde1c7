// Validating a new complaint, the same for the dialog and a typed row.
import { describe, expect, it } from "vitest";
import { emptyComplaint } from "../../../src/domain/complaint";
import { validateIntake } from "../../../src/domain/intake";
import { findRecurrence } from "../../../src/domain/recurrence";

const now = Date.parse("2026-03-02T10:00:00+08:00");
const ctx = { categories: ["漏水", "噪音扰民"], now, utcOffsetMinutes: 480 };
const ok = { unit: "3栋2单元1201", category: "漏水", severity: "urgent", content: "漏水", channel: "phone" };
const codes = (raw: Record<string, unknown>) => {
  const r = validateIntake(raw, ctx);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe("intake validation", () => {
  it("accepts a complete complaint and defaults its time and channel", () => {
    const r = validateIntake({ ...ok, channel: "" }, ctx);
    if (!r.ok) throw new Error("refused");
    expect(r.complaint).toMatchObject({ unit: "3栋2单元1201", channel: "phone", severity: "urgent" });
    expect(r.complaint.receivedAt?.getTime()).toBe(now);
  });

  it("names every missing required field", () => {
    expect(codes({})).toEqual([
      "unit:required",
      "category:required",
      "severity:required",
      "content:required",
    ]);
    expect(codes({ ...ok, unit: "   " })).toEqual(["unit:required"]);
  });

  it("refuses unknown categories, severities and channels", () => {
    expect(codes({ ...ok, category: "火灾" })).toEqual(["category:unknownCategory"]);
    expect(codes({ ...ok, severity: "critical" })).toEqual(["severity:unknownSeverity"]);
    expect(codes({ ...ok, channel: "fax" })).toEqual(["channel:unknownChannel"]);
  });

  it("refuses malformed and future received times, accepts the office's formats", () => {
    for (const bad of ["2026-13-45", "yesterday", "2026-02-30 10:00"])
      expect(codes({ ...ok, receivedAt: bad })).toEqual(["receivedAt:badDate"]);
    expect(codes({ ...ok, receivedAt: "2026-03-02 12:00" })).toEqual(["receivedAt:futureDate"]);
    const r = validateIntake({ ...ok, receivedAt: "2026-03-02T08:40" }, ctx);
    expect(r.ok && r.complaint.receivedAt?.toISOString()).toBe("2026-03-02T00:40:00.000Z");
  });

  it("refuses a time without a date, typed or read from a cell as Sheets' 1899-12-30", () => {
    expect(codes({ ...ok, receivedAt: "14:30" })).toEqual(["receivedAt:timeOnly"]);
    expect(codes({ ...ok, receivedAt: "1899-12-30 14:30" })).toEqual(["receivedAt:timeOnly"]);
    expect(codes({ ...ok, receivedAt: "1899-12-30 14:24" })).toEqual(["receivedAt:timeOnly"]);
  });

  it("refuses received times before 2000, as the dialog once took 1900", () => {
    expect(codes({ ...ok, receivedAt: "1900-01-01T10:00" })).toEqual(["receivedAt:tooEarly"]);
    expect(codes({ ...ok, receivedAt: "1999-12-31 23:59" })).toEqual(["receivedAt:tooEarly"]);
    expect(codes({ ...ok, receivedAt: "2000-01-01 00:00" })).toEqual([]);
  });

  it("refuses text longer than a cell holds", () => {
    expect(codes({ ...ok, content: "投".repeat(50_001) })).toEqual(["content:tooLong"]);
  });
});

describe("recurrence", () => {
  const day = 86_400_000;
  const earlier = [
    {
      ...emptyComplaint(),
      id: "TS-2026-000001",
      unit: "3栋2单元1201",
      category: "漏水",
      location: "卫生间",
      receivedAt: new Date(now - 10 * day),
    },
    {
      ...emptyComplaint(),
      id: "TS-2026-000002",
      unit: "5栋1单元0101",
      category: "噪音扰民",
      location: "中心 广场",
      receivedAt: new Date(now - 5 * day),
    },
    {
      ...emptyComplaint(),
      id: "TS-2026-000003",
      unit: "9栋1单元0901",
      category: "漏水",
      location: "车库",
      receivedAt: new Date(now - 40 * day),
    },
  ];
  const probe = (over: Partial<{ unit: string; category: string; location: string }>) =>
    findRecurrence({ id: "", unit: "", category: "", location: "", receivedAt: now, ...over }, earlier, 30);

  it("finds the same unit within the window", () => {
    expect(probe({ unit: "3栋2单元1201", category: "电梯" })).toBe("TS-2026-000001");
  });
  it("finds the same category at the same place, however it is spaced", () => {
    expect(probe({ unit: "1栋", category: "噪音扰民", location: "中心广场" })).toBe("TS-2026-000002");
  });
  it("ignores repeats outside the window and other categories at the place", () => {
    expect(probe({ unit: "9栋1单元0901" })).toBe("");
    expect(probe({ category: "停车", location: "中心广场" })).toBe("");
  });
});
