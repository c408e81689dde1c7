// Call-back rules: when due, what an outcome may be, what it causes, how rates are counted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCalendar, isWorkday } from "../../../src/domain/calendar";
import {
  applyOutcome,
  type Callback,
  callbackDue,
  callbackRates,
  dueAtOf,
  emptyCallback,
  isSettled,
  latestCallback,
  managerClose,
  planCallbackReminders,
  possibleStates,
  typedOutcome,
  validateOutcome,
} from "../../../src/domain/callback";

const t = (local: string) => Date.parse(`${local}+08:00`);
const show = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
const cal = defaultCalendar({ holidays: new Set(["2026-10-01", "2026-10-02", "2026-10-05"]) });
const rules = { complaintDays: 1, serviceDays: 3, maxAttempts: 3 };
const cb = (over: Partial<Callback> = {}): Callback => ({
  ...emptyCallback(),
  id: "HF-2026-000001",
  source: "complaint",
  ref: "TS-2026-000001",
  doneAt: new Date(t("2026-03-02T15:00")),
  dueAt: new Date(t("2026-03-03T15:00")),
  state: "pending",
  department: "安防",
  loggedBy: "li@office.example",
  ...over,
});
const codes = (c: Callback, raw: Record<string, string>) => {
  const r = validateOutcome(c, raw, t("2026-03-03T10:00"), 480);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
};

describe("call-back due times", () => {
  it("counts business days from completion, skipping holidays", () => {
    expect(show(callbackDue(t("2026-03-02T15:00"), "complaint", rules, cal))).toBe("2026-03-03 15:00");
    expect(show(callbackDue(t("2026-03-06T15:00"), "repair", rules, cal))).toBe("2026-03-11 15:00");
    expect(show(callbackDue(t("2026-09-30T15:00"), "complaint", rules, cal))).toBe("2026-10-06 15:00");
  });

  it("always falls on a working day, after the work was done (property)", () => {
    const instant = fc.integer({ min: t("2026-01-01T00:00"), max: t("2026-12-31T00:00") });
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom("complaint", "repair", "housekeeping" as const),
        (done, source) => {
          const due = callbackDue(done, source, rules, cal);
          expect(due).toBeGreaterThan(done);
          expect(isWorkday(cal, due)).toBe(true);
        },
      ),
    );
  });
});

describe("call-back outcomes", () => {
  it("accepts a complete outcome and refuses a bad one field by field", () => {
    expect(codes(cb(), { method: "phone", satisfaction: "satisfied" })).toEqual([]);
    expect(codes(cb(), { method: "", satisfaction: "" })).toEqual([
      "method:required",
      "satisfaction:required",
    ]);
    expect(codes(cb(), { method: "fax", satisfaction: "ecstatic" })).toEqual([
      "method:unknownMethod",
      "satisfaction:unknownSatisfaction",
    ]);
    expect(codes(cb(), { method: "phone", satisfaction: "satisfied", calledAt: "2026-03-02 14:00" })).toEqual(
      ["calledAt:beforeCompletion"],
    );
    expect(codes(cb(), { method: "phone", satisfaction: "satisfied", calledAt: "2026-03-04 10:00" })).toEqual(
      ["calledAt:futureDate"],
    );
    expect(codes(cb(), { method: "phone", satisfaction: "satisfied", calledAt: "3月3日" })).toEqual([
      "calledAt:badDate",
    ]);
    expect(codes(cb(), { method: "phone", result: "unreachable" })).toEqual([]);
  });

  it("refuses a second recording and one for work not done yet", () => {
    expect(codes(cb({ state: "done" }), { method: "phone", satisfaction: "satisfied" })).toEqual([
      "id:alreadyRecorded",
    ]);
    expect(
      codes(cb({ doneAt: null, state: "waiting" }), { method: "phone", satisfaction: "satisfied" }),
    ).toEqual(["id:notDoneYet"]);
  });

  const outcome = (over: object) => ({
    method: "phone" as const,
    result: "reached" as const,
    satisfaction: "satisfied" as const,
    remarks: "",
    followUp: "",
    calledAt: t("2026-03-03T10:00"),
    ...over,
  });

  it("closes a complaint when the owner is satisfied, reopens it when not", () => {
    expect(applyOutcome(cb(), outcome({}), "li", rules, cal).consequence).toBe("closeComplaint");
    expect(applyOutcome(cb(), outcome({ satisfaction: "neutral" }), "li", rules, cal).consequence).toBe(
      "followUpCallback",
    );
    expect(
      applyOutcome(cb(), outcome({ satisfaction: "very_dissatisfied" }), "li", rules, cal).consequence,
    ).toBe("reopenComplaint");
    expect(
      applyOutcome(cb({ source: "repair" }), outcome({ satisfaction: "dissatisfied" }), "li", rules, cal)
        .consequence,
    ).toBe("followUpService");
    expect(applyOutcome(cb({ source: "repair" }), outcome({}), "li", rules, cal).consequence).toBe("none");
  });

  it("gives up on an unreachable owner only after the office's number of tries", () => {
    let current = cb();
    const tries: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = applyOutcome(current, outcome({ result: "unreachable", satisfaction: "" }), "li", rules, cal);
      tries.push(r.consequence);
      current = r.record;
    }
    expect(tries).toEqual(["tryAgain", "tryAgain", "closeComplaint"]);
    expect(current).toMatchObject({ state: "unreachable", attempts: 3 });
    expect(isSettled(current)).toBe(true);
    expect(
      isSettled(applyOutcome(cb(), outcome({ satisfaction: "dissatisfied" }), "li", rules, cal).record),
    ).toBe(false);
  });
});

describe("neutral answers, the latest call-back, and the manager's close", () => {
  const outcome = (over: object) => ({
    method: "phone" as const,
    result: "reached" as const,
    satisfaction: "neutral" as const,
    remarks: "还行吧",
    followUp: "",
    calledAt: t("2026-03-03T10:00"),
    ...over,
  });

  it("keeps a complaint's call-back open after a neutral answer, due again a business day after the call", () => {
    const { record, consequence } = applyOutcome(cb(), outcome({}), "li", rules, cal);
    expect(consequence).toBe("followUpCallback");
    expect(record).toMatchObject({ state: "pending", satisfaction: "neutral", attempts: 1 });
    expect(show(record.dueAt?.getTime() ?? 0)).toBe("2026-03-04 10:00");
    expect(isSettled(record)).toBe(false);
    expect(show(dueAtOf(record, rules, cal)?.getTime() ?? 0)).toBe("2026-03-04 10:00");
    // A repair's neutral answer is simply recorded.
    expect(applyOutcome(cb({ source: "repair" }), outcome({}), "li", rules, cal)).toMatchObject({
      consequence: "none",
      record: { state: "done" },
    });
    // The follow-up call is recorded on the same call-back, and a satisfied owner settles it.
    const second = applyOutcome(
      record,
      outcome({ satisfaction: "satisfied", calledAt: t("2026-03-04T09:00") }),
      "li",
      rules,
      cal,
    );
    expect(second).toMatchObject({ consequence: "closeComplaint", record: { state: "done", attempts: 2 } });
    expect(isSettled(second.record)).toBe(true);
  });

  it("lets only the manager close a neutral call-back, and only with a reason", () => {
    const neutral = applyOutcome(cb(), outcome({}), "li", rules, cal).record;
    expect(managerClose(neutral, "业主已搬离", "经理结案：业主已搬离", false)).toEqual({
      ok: false,
      error: "notManager",
    });
    expect(managerClose(neutral, "  ", "", true)).toEqual({ ok: false, error: "reasonRequired" });
    expect(managerClose(cb(), "理由", "经理结案：理由", true)).toEqual({ ok: false, error: "notNeutral" });
    const closed = managerClose(
      { ...neutral, followUp: "再约时间" },
      "业主已搬离",
      "经理结案：业主已搬离",
      true,
    );
    expect(closed).toMatchObject({
      ok: true,
      record: { state: "done", followUp: "再约时间\n经理结案：业主已搬离" },
    });
    expect(closed.ok && isSettled(closed.record)).toBe(true);
  });

  it("takes the newest call-back by time, whatever the order of the rows", () => {
    const satisfied = cb({
      state: "done",
      satisfaction: "satisfied",
      calledAt: new Date(t("2026-03-03T10:00")),
    });
    const pending = cb({
      id: "HF-2026-000007",
      doneAt: new Date(t("2026-03-05T10:00")),
      dueAt: new Date(t("2026-03-06T10:00")),
    });
    const other = cb({ id: "HF-2026-000009", ref: "TS-2026-000002", dueAt: new Date(t("2026-04-01T10:00")) });
    for (const list of [
      [satisfied, pending, other],
      [other, pending, satisfied],
    ])
      expect(latestCallback(list, "TS-2026-000001")?.id).toBe("HF-2026-000007");
    // Same time: the later ID is the newer one.
    const twin = cb({ id: "HF-2026-000002" });
    expect(latestCallback([twin, cb()], "TS-2026-000001")?.id).toBe("HF-2026-000002");
  });

  it("knows which states a row's own cells allow", () => {
    expect(possibleStates(cb({ doneAt: null }), 3)).toEqual(["waiting"]);
    expect(possibleStates(cb(), 3)).toEqual(["pending"]);
    expect(possibleStates(cb({ result: "unreachable", attempts: 2 }), 3)).toEqual(["pending"]);
    expect(possibleStates(cb({ result: "unreachable", attempts: 3 }), 3)).toEqual(["unreachable"]);
    expect(possibleStates(cb({ result: "reached", satisfaction: "satisfied" }), 3)).toEqual(["done"]);
    expect(possibleStates(cb({ result: "reached", satisfaction: "neutral" }), 3)).toEqual([
      "pending",
      "done",
    ]);
  });

  it("reads a call typed into a row, and not one the desk already acted on", () => {
    const typed = cb({ method: "phone", satisfaction: "dissatisfied" });
    expect(typedOutcome(typed, null, 480)).toMatchObject({
      method: "phone",
      result: "reached",
      satisfaction: "dissatisfied",
    });
    expect(typedOutcome(typed, new Set(["remarks"]), 480)).toBeNull();
    expect(typedOutcome(typed, new Set(["satisfaction"]), 480)).not.toBeNull();
    const triedOnce = cb({
      method: "phone",
      result: "unreachable",
      attempts: 1,
      calledAt: new Date(t("2026-03-03T09:00")),
    });
    expect(typedOutcome(triedOnce, null, 480)).toBeNull();
    // A satisfaction typed over an earlier "not reached": reached this time, at a new time.
    expect(
      typedOutcome({ ...triedOnce, satisfaction: "satisfied" }, new Set(["satisfaction"]), 480),
    ).toMatchObject({
      result: "reached",
      calledAt: "",
    });
    expect(typedOutcome(cb({ state: "done", satisfaction: "satisfied", attempts: 1 }), null, 480)).toBeNull();
  });
});

describe("call-back reminders and rates", () => {
  it("reminds the owner of today's and overdue call-backs once a day", () => {
    const list = [
      cb(),
      cb({ id: "HF-2026-000002", dueAt: new Date(t("2026-03-04T10:00")) }),
      cb({ id: "HF-2026-000003", state: "done" }),
    ];
    const end = t("2026-03-04T00:00");
    const first = planCallbackReminders(list, t("2026-03-03T16:00"), end, "2026-03-03", new Set(), (s) =>
      s.includes("@"),
    );
    expect(first.map((n) => [n.callback.id, n.overdue, n.recipient])).toEqual([
      ["HF-2026-000001", true, "li@office.example"],
    ]);
    expect(
      planCallbackReminders(
        list,
        t("2026-03-03T17:00"),
        end,
        "2026-03-03",
        new Set(first.map((n) => n.key)),
        () => true,
      ),
    ).toEqual([]);
  });

  it("counts the call-back rate on time ÷ due and the satisfaction rate satisfied ÷ answered", () => {
    const list = [
      cb({ state: "done", satisfaction: "satisfied", calledAt: new Date(t("2026-03-03T10:00")) }),
      cb({ state: "done", satisfaction: "dissatisfied", calledAt: new Date(t("2026-03-04T10:00")) }),
      cb({ state: "pending" }),
      cb({ department: "工程维修", state: "unreachable", calledAt: new Date(t("2026-03-03T11:00")) }),
      cb({ dueAt: new Date(t("2026-04-03T15:00")) }),
      // Made in March ahead of an April deadline: credited now, not left out.
      cb({
        department: "客服",
        state: "done",
        satisfaction: "very_satisfied",
        dueAt: new Date(t("2026-04-02T15:00")),
        calledAt: new Date(t("2026-03-31T10:00")),
      }),
    ];
    expect(callbackRates(list, t("2026-03-01T00:00"), t("2026-04-01T00:00"))).toEqual([
      { name: "安防", due: 3, onTime: 1, answered: 2, satisfied: 1 },
      { name: "客服", due: 1, onTime: 1, answered: 1, satisfied: 1 },
      { name: "工程维修", due: 1, onTime: 1, answered: 0, satisfied: 0 },
    ]);
  });
});
