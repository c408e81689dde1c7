// The dialogs' checks before a call: the domain's rules, said with the texts the server sends,
// so a person sees beside a field exactly what the server would have said.
import { describe, expect, it } from "vitest";
import { type MessageKey, translator } from "../../../src/i18n/messages";
import {
  type CardFacts,
  intakeProblems,
  managerCloseProblems,
  officeNow,
  outcomeProblems,
  serviceProblems,
} from "../../../src/ui/checks";

const t = translator("zh-CN");
/** A text as the server sends it to a dialog: its template, placeholders unfilled. */
const template = (key: MessageKey) => t(key);
const MINUTE = 60_000;
// What the server sends the intake dialog (src/app/intake.ts intakeOptions), in Chinese.
const intakeLabels: Record<string, string> = {
  unit: "房号",
  category: "投诉类别",
  severity: "严重程度",
  content: "投诉内容",
  receivedAt: "受理时间",
  ...Object.fromEntries(
    (
      [
        "error.required",
        "error.badDate",
        "error.futureDate",
        "error.timeOnly",
        "error.tooEarly",
        "error.tooLong",
      ] as const
    ).map((k) => [k, template(k)]),
  ),
};
const intake = { labels: intakeLabels, categories: ["漏水", "噪音扰民"], now: "2026-03-02T10:00" };
const complaint = {
  unit: "3栋2单元1201",
  owner: "",
  contact: "",
  channel: "phone",
  category: "漏水",
  severity: "urgent",
  location: "",
  content: "卫生间漏水",
  peopleInvolved: "",
  receivedAt: "",
};

describe("the office's time in a dialog", () => {
  it("is the server's time when the dialog opened plus the time it has been open", () => {
    expect(officeNow("2026-03-02T10:00", 5 * MINUTE)).toBe(Date.UTC(2026, 2, 2, 10, 5));
    expect(officeNow("", 0)).toBeNaN();
  });
});

describe("intake dialog checks", () => {
  it("says each missing field in the server's words", () => {
    const problems = intakeProblems({ ...complaint, unit: " ", content: "" }, intake, 0);
    expect(problems).toEqual([
      { field: "unit", message: t("error.required", { field: "房号" }) },
      { field: "content", message: t("error.required", { field: "投诉内容" }) },
    ]);
    expect(problems[0]?.message).toBe("请填写房号。");
    expect(intakeProblems(complaint, intake, 0)).toEqual([]);
  });

  it("refuses a future time, measured from when the dialog opened, and a time before 2000", () => {
    const later = { ...complaint, receivedAt: "2026-03-02T10:30" };
    expect(intakeProblems(later, intake, 0)).toEqual([
      {
        field: "receivedAt",
        message: t("error.futureDate", { field: "受理时间", value: "2026-03-02T10:30" }),
      },
    ]);
    // Open for an hour: half past ten has happened.
    expect(intakeProblems(later, intake, 60 * MINUTE)).toEqual([]);
    expect(intakeProblems({ ...complaint, receivedAt: "1999-12-31T23:00" }, intake, 0)[0]?.message).toBe(
      t("error.tooEarly", { field: "受理时间", value: "1999-12-31T23:00" }),
    );
    expect(intakeProblems({ ...complaint, receivedAt: "14:30" }, intake, 0)[0]?.field).toBe("receivedAt");
  });

  it("leaves a problem it has no words for to the server", () => {
    // No "error.unknownCategory" text in the dialog: the server refuses it and says why.
    expect(intakeProblems({ ...complaint, category: "火灾" }, intake, 0)).toEqual([]);
  });
});

describe("Log service dialog checks", () => {
  const service = {
    labels: { unit: "房号", content: "服务内容", "intake.required": "必填" },
    departments: ["工程部"],
    now: "2026-03-02T10:00",
  };
  const empty = {
    source: "repair",
    unit: "",
    owner: "",
    contact: "",
    content: "",
    doneAt: "",
    handler: "",
    department: "",
  };

  it("marks the unit and the work done as required", () => {
    expect(serviceProblems(empty, service, 0)).toEqual([
      { field: "unit", message: "必填" },
      { field: "content", message: "必填" },
    ]);
    expect(serviceProblems({ ...empty, unit: "3栋2单元1201", content: "换灯泡" }, service, 0)).toEqual([]);
  });
});

describe("Record call-back dialog checks", () => {
  const labels: Record<string, string> = {
    method: "回访方式",
    satisfaction: "满意度",
    "cb.error.required": template("cb.error.required"),
    "cb.error.reasonRequired": template("cb.error.reasonRequired"),
  };
  const options = { labels, now: "2026-03-05T10:00" };
  const card: CardFacts = { id: "HF-2026-000001", doneAt: "2026-03-02 09:00", open: true, followUp: false };
  const call = {
    method: "phone",
    result: "reached",
    satisfaction: "",
    remarks: "",
    followUp: "",
    calledAt: "",
  };

  it("asks for the method, and for the satisfaction of an owner who was reached", () => {
    expect(outcomeProblems(card, { ...call, method: "" }, options, 0)).toEqual([
      { field: "method", message: "请填写回访方式。" },
      { field: "satisfaction", message: "请填写满意度。" },
    ]);
    expect(outcomeProblems(card, { ...call, result: "unreachable" }, options, 0)).toEqual([]);
    expect(outcomeProblems(card, { ...call, satisfaction: "satisfied" }, options, 0)).toEqual([]);
  });

  it("judges the call time against the work the card shows done, leaving the words to the server", () => {
    const early = { ...call, satisfaction: "satisfied", calledAt: "2026-03-01T09:00" };
    // The dialog has no text for "before completion": nothing is refused here, the server says it.
    expect(outcomeProblems(card, early, options, 0)).toEqual([]);
    const withText = { ...options, labels: { ...labels, "cb.error.beforeCompletion": "早于完成" } };
    expect(outcomeProblems(card, early, withText, 0)).toEqual([{ field: "calledAt", message: "早于完成" }]);
  });

  it("asks the manager for a reason before closing a neutral call-back", () => {
    const neutral = { ...card, followUp: true };
    expect(managerCloseProblems(neutral, "  ", labels)).toEqual([
      { field: "reason", message: "请填写不再回访即结案的理由。" },
    ]);
    expect(managerCloseProblems(neutral, "业主已搬离", labels)).toEqual([]);
  });
});
