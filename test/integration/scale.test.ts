// Years of complaints in one workbook: the hourly run looks only at what can still change.
import { describe, expect, it } from "vitest";
import { cellOf, complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { form, staffedOffice, submit } from "./harness";

const HOUR = 3_600_000;

describe("finished complaints keep their figures", () => {
  it("re-scores open complaints when a target changes, never a resolved one", async () => {
    const rt = await staffedOffice();
    const ids: string[] = [];
    for (const unit of ["1栋1单元101", "2栋1单元202"]) {
      const saved = submit(rt, form({ unit, category: "噪音扰民", severity: "normal", content: "噪音" }));
      if (!saved.ok) throw new Error(saved.message);
      ids.push(saved.id);
    }
    const [done = "", open = ""] = ids;
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, done, ["状态"], s);
    const dueOf = (id: string) => complaintRow(rt, id).record["解决时限"] as Date;
    const doneDue = dueOf(done).getTime();
    const openDue = dueOf(open).getTime();

    const categories = readSheet(rt, "categories");
    const rows = categories.rows
      .map((r, i) => ({ r, row: categories.rowNumber(i) }))
      .filter(({ r }) => r["类别"] === "噪音扰民");
    for (const { row } of rows)
      rt.sheets.userEdit(categories.name, cellOf(categories, row, "解决时限（小时）"), "80");
    rt.advanceBy(HOUR);

    expect(dueOf(done).getTime()).toBe(doneDue);
    expect(dueOf(open).getTime()).toBeGreaterThan(openDue);
  });
});
