// Checking a repair or housekeeping service, the one rule of the Log service dialog and the server.
import { describe, expect, it } from "vitest";
import { validateServiceInput } from "../../../src/domain/service";

const now = Date.parse("2026-03-02T10:00:00+08:00");
const ctx = { departments: ["工程部", "客服部"], now, utcOffsetMinutes: 480 };
const ok = { unit: "3栋2单元1201", content: "更换水龙头" };
const codes = (raw: Record<string, unknown>) => {
  const r = validateServiceInput(raw, ctx);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe("service validation", () => {
  it("accepts a unit and the work done, as a repair done now", () => {
    const r = validateServiceInput({ ...ok, owner: " 王先生 " }, ctx);
    if (!r.ok) throw new Error("refused");
    expect(r.service).toMatchObject({ source: "repair", unit: "3栋2单元1201", owner: "王先生", doneAt: now });
  });

  it("names the missing unit and content, and refuses a source that is not a service", () => {
    expect(codes({})).toEqual(["unit:required", "content:required"]);
    expect(codes({ ...ok, source: "complaint" })).toEqual(["source:unknownSource"]);
    expect(codes({ ...ok, source: "housekeeping" })).toEqual([]);
  });

  it("reads the time done as office-local, refuses a malformed or future one", () => {
    const r = validateServiceInput({ ...ok, doneAt: "2026-03-02T08:30" }, ctx);
    expect(r.ok && new Date(r.service.doneAt).toISOString()).toBe("2026-03-02T00:30:00.000Z");
    expect(codes({ ...ok, doneAt: "2026-02-30 10:00" })).toEqual(["doneAt:badDate"]);
    expect(codes({ ...ok, doneAt: "2026-03-02 10:09" })).toEqual([]);
    expect(codes({ ...ok, doneAt: "2026-03-02 10:30" })).toEqual(["doneAt:futureDate"]);
  });

  it("takes a Date read from a cell as that office-local time", () => {
    const r = validateServiceInput({ ...ok, doneAt: new Date("2026-03-01T01:00:00Z") }, ctx);
    expect(r.ok && r.service.doneAt).toBe(Date.parse("2026-03-01T01:00:00Z"));
  });

  it("refuses a department not in the Departments sheet and text longer than a cell", () => {
    expect(codes({ ...ok, department: "保安部" })).toEqual(["department:unknownDepartment"]);
    expect(codes({ ...ok, department: "工程部" })).toEqual([]);
    expect(codes({ ...ok, handler: "x".repeat(50_001) })).toEqual(["handler:tooLong"]);
  });
});
