// Reading only what an action needs must not change what it decides: the few rows found for
// one complaint are never taken for the whole sheet, and a record that only looks finished is
// still checked by the hourly run.
import { describe, expect, it } from "vitest";
import { fixture, officeWith } from "../../bench/office";
import { complaintRow, readSheet, typeInto } from "../../sim/workbook";
import { callbacks, resolvedComplaint, typeIntoCallback } from "./callbackHarness";
import { form, shanghaiMinute, staffedOffice, submit } from "./harness";

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

describe("resolving again", () => {
  it("adds no second call-back while the first still waits for the owner", async () => {
    const { rt, id } = await resolvedComplaint();
    expect(callbacks(rt)).toHaveLength(1);
    for (const s of ["重新打开", "处理中", "已解决"]) typeInto(rt, id, ["状态"], s);
    expect(callbacks(rt)).toHaveLength(1);
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("待回访");
  });
});

describe("the hourly run reads what can still change", () => {
  it("still puts back a 已回访 typed into a call-back's state while the desk was busy", async () => {
    const { rt } = await resolvedComplaint();
    const cb = String(callbacks(rt)[0]?.["回访编号"]);
    // Typed while another execution held the lock: onEdit left it to the hourly sweep.
    const release = rt.holdLock("document");
    typeIntoCallback(rt, cb, ["回访状态"], ["已回访"]);
    release();
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("已回访");
    rt.advanceBy(3_600_000);
    expect(callbacks(rt)[0]?.["回访状态"]).toBe("待回访");
  });

  it("reads the finished records of a large workbook through a few narrow columns only", async () => {
    const rt = await officeWith(fixture(3_000));
    const cells = rt.meter.quietly(() =>
      ["投诉", "回访"].reduce((n, name) => {
        const sheet = rt.sheets.spreadsheet.getSheetByName(name);
        return n + (sheet ? sheet.getLastRow() * sheet.getLastColumn() : 0);
      }, 0),
    );
    rt.run("runReminders");
    const read = rt.meter.executions.at(-1)?.cellsRead ?? 0;
    // Open complaints and call-backs (the last ten days) are read whole, the rest in 3 + 4
    // columns: well under half of the two sheets (reading them whole once was all of it).
    expect(read).toBeLessThan(cells / 2);
  });
});

describe("a workbook from before status trails", () => {
  it("takes an edited complaint's history from its own Log rows, without reading the Log", async () => {
    const data = fixture(1_000, { trails: false });
    const rt = await officeWith(data);
    const c = data.complaints.find((x) => x.status === "in_progress");
    if (!c) throw new Error("no complaint in progress");
    const acknowledged = data.log.find((e) => e.item === c.id && e.to === "已响应");
    if (!acknowledged) throw new Error("no acknowledgement logged");
    const logCells = rt.meter.quietly(() => {
      const log = rt.sheets.spreadsheet.getSheetByName("日志");
      return (log?.getLastRow() ?? 0) * (log?.getLastColumn() ?? 0);
    });
    typeInto(rt, c.id, ["状态"], "已解决");
    const edit = rt.meter.executions.at(-1);
    const trail = String(complaintRow(rt, c.id).record["状态轨迹"]);
    // The Log's steps, with their times, then the resolution just typed.
    expect(trail).toMatch(
      new RegExp(
        `^新登记 .* → 已响应 ${shanghaiMinute(acknowledged.at.getTime())}:\\d\\d → 处理中 .* → 已解决 `,
      ),
    );
    // (Cells searched on Google's side count too: the Log's ID column is searched, not read.)
    expect(edit?.cellsRead ?? 0).toBeLessThan(logCells / 3);
  });

  it("has the hourly run give 500 complaints their trail each hour", async () => {
    const rt = await officeWith(fixture(1_200, { trails: false }));
    const withTrail = () =>
      readSheet(rt, "complaints").rows.filter((r) => String(r["状态轨迹"] ?? "")).length;
    expect(withTrail()).toBe(0);
    rt.run("runReminders");
    expect(withTrail()).toBe(500);
    rt.run("runReminders");
    expect(withTrail()).toBe(1_000);
  });
});
