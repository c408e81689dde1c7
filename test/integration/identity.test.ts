// Who typed it. Google hides a consumer editor's email from the simple onEdit (only the
// script's owner is named there), so each person identifies once from a dialog, where Google
// gives the email; until then their entries carry a clear placeholder, never a blank.
import { describe, expect, it } from "vitest";
import { STAFF } from "../../sim/scenario";
import { cellOf, readSheet } from "../../sim/workbook";
import { complaints, logRows, type newOffice, staffedOffice } from "./harness";

type Rt = Awaited<ReturnType<typeof newOffice>>;
type Report = { problems: string[] };
const [OWNER, CLERK] = STAFF.assistants as [string, string];

/** A person types a whole complaint into the next empty row of the sheet. */
function typeComplaint(rt: Rt, unit: string) {
  const view = readSheet(rt, "complaints");
  const row = view.rows.length + 2;
  const edit = rt.edit("投诉", `${cellOf(view, row, "受理时间")}:${cellOf(view, row, "投诉内容")}`, [
    [
      "2026-03-02 08:40",
      "",
      "电话",
      unit,
      "王先生",
      "13812345678",
      "噪音扰民",
      "一般",
      "3栋大堂",
      "夜间噪音",
    ],
  ]);
  expect(edit.accepted).toBe(true);
  const typed = complaints(rt).find((r) => r["房号"] === unit);
  if (!typed) throw new Error(`no complaint for ${unit}`);
  return typed;
}

describe("identity of editors", () => {
  it("records a consumer editor without a mapping as unidentified, then by email once they identify", async () => {
    const rt = await staffedOffice();
    rt.setUser(CLERK);
    const before = typeComplaint(rt, "5栋1单元0501");
    const placeholder = String(before["首问责任人"]);
    expect(placeholder).toMatch(/^未识别用户 #[0-9a-f]{4}$/);
    expect(logRows(rt).find((r) => r["编号"] === before["编号"])?.["操作人"]).toBe(placeholder);

    // Opening the workbook, they are asked (a toast: onOpen may not open dialogs) to identify.
    const toasts = rt.sheets.toasts.length;
    rt.open();
    expect(rt.sheets.toasts.slice(toasts).map((t) => t.message)).toContain(
      "系统尚未识别您的身份：请点一次 物业客服 → 确认我的身份…，以便您的录入署上您的名字。",
    );
    // The manager's health check lists them.
    rt.setUser(OWNER);
    expect((rt.callFromDialog("getHealthReport") as Report).problems.join("\n")).toMatch(
      new RegExp(`有未识别身份的同事（“${placeholder}”）编辑过表格，最近一次在 2026-03-02 09:\\d\\d`),
    );

    rt.setUser(CLERK);
    const view = rt.callFromDialog("getIdentity") as { email: string; known: boolean; text: string };
    expect(view).toMatchObject({ email: CLERK, known: false });
    expect(view.text).toContain(`您当前登录的账号是 ${CLERK}`);
    expect(rt.callFromDialog("identifyMe")).toEqual({
      ok: true,
      message: `已确认：您今后的录入将署名 ${CLERK}。`,
    });

    const after = typeComplaint(rt, "5栋1单元0502");
    expect(after["首问责任人"]).toBe(CLERK);
    expect(logRows(rt).find((r) => r["编号"] === after["编号"])?.["操作人"]).toBe(CLERK);
    const again = rt.sheets.toasts.length;
    rt.open();
    expect(
      rt.sheets.toasts
        .slice(again)
        .map((t) => t.message)
        .join("\n"),
    ).not.toContain("尚未识别");
    expect((rt.callFromDialog("getIdentity") as { known: boolean }).known).toBe(true);
    rt.setUser(OWNER);
    expect((rt.callFromDialog("getHealthReport") as Report).problems.join("\n")).not.toContain("未识别");
  });

  it("names the script's owner in onEdit without asking", async () => {
    const rt = await staffedOffice();
    expect(typeComplaint(rt, "6栋1单元0601")["首问责任人"]).toBe(OWNER);
    const toasts = rt.sheets.toasts.length;
    rt.open();
    expect(rt.sheets.toasts.slice(toasts)).toEqual([]);
  });

  it("keeps the list of editors it could not name short", async () => {
    const rt = await staffedOffice();
    for (let i = 0; i < 30; i++) {
      rt.setUser(`visitor${i}@gmail.com`);
      typeComplaint(rt, `7栋1单元${String(700 + i)}`);
    }
    rt.setUser(OWNER);
    const listed = (rt.callFromDialog("getHealthReport") as Report).problems.filter((p) =>
      p.includes("未识别"),
    );
    expect(listed).toHaveLength(20);
    const stored = rt.properties.document.get("desk.unidentified") ?? "";
    expect(stored.length).toBeLessThan(9 * 1024);
  });
});
