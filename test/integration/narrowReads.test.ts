// Reading only what an action needs must not change what it decides: the few rows found for
// one complaint are never taken for the whole sheet.
import { describe, expect, it } from "vitest";
import { typeInto } from "../../sim/workbook";
import { callbacks } from "./callbackHarness";
import { form, staffedOffice, submit } from "./harness";

describe("a call-back scheduled from the few rows read", () => {
  it("gets an ID no other call-back has, even in a copied workbook without its ID counter", async () => {
    const rt = await staffedOffice();
    const service = rt.callFromDialog(
      "submitService",
      { source: "repair", unit: "3-2-1201", content: "更换水龙头" },
      "svc-1",
    ) as { ok: boolean; id: string };
    expect(service.ok).toBe(true);
    // A copy of the workbook keeps its sheets but not the document's properties.
    rt.properties.document.delete("ids.HF.highWater.2026");
    const saved = submit(rt, form({ category: "噪音扰民", severity: "normal" }));
    if (!saved.ok) throw new Error(saved.message);
    for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);

    const ids = callbacks(rt).map((r) => String(r["回访编号"]));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain(service.id);
  });
});
