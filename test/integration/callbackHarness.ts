// A resolved complaint with its call-back, and recording or reading call-backs the way the
// dialog and the sheet show them.
import type { Runtime, RuntimeOptions } from "../../local/emu/runtime";
import { cellOf, type Row, readSheet, typeInto } from "../../sim/workbook";
import { form, staffedOffice, submit } from "./harness";

export type Recorded = {
  ok: boolean;
  message: string;
  consequence?: string;
  followUpId?: string;
  notes?: string[];
  warnings?: string[];
  errors?: { field: string; message: string }[];
};

export const record = (
  rt: Runtime,
  id: string,
  outcome: Record<string, unknown>,
  sid = `r-${Math.random()}`,
) =>
  rt.callFromDialog(
    "recordCallback",
    id,
    { method: "phone", result: "reached", ...outcome },
    sid,
  ) as Recorded;

export const managerClose = (rt: Runtime, id: string, reason: string, sid = `m-${Math.random()}`) =>
  rt.callFromDialog("recordCallback", id, { managerClose: true, reason }, sid) as Recorded;

/** The Call-backs sheet as people see it (display values). */
export const callbacks = (rt: Runtime): Row[] => readSheet(rt, "callbacks", true).rows;

/** A noise complaint, acknowledged, worked on and resolved: its call-back is due. */
export async function resolvedComplaint(options: RuntimeOptions = {}) {
  const rt = await staffedOffice(options);
  const saved = submit(rt, form({ category: "噪音扰民", severity: "normal", contact: "13812345678" }));
  if (!saved.ok) throw new Error(saved.message);
  for (const s of ["已响应", "处理中", "已解决"]) typeInto(rt, saved.id, ["状态"], s);
  return { rt, id: saved.id };
}

/** A person typing or pasting into a call-back's row, by header; fires onEdit. */
export function typeIntoCallback(rt: Runtime, callbackId: string, headers: string[], values: string[]) {
  const view = readSheet(rt, "callbacks");
  const i = view.rows.findIndex((r) => r["回访编号"] === callbackId);
  if (i < 0) throw new Error(`no call-back ${callbackId}`);
  const row = view.rowNumber(i);
  const from = cellOf(view, row, headers[0] ?? "");
  const to = cellOf(view, row, headers[headers.length - 1] ?? "");
  return rt.edit(
    view.name,
    from === to ? from : `${from}:${to}`,
    values.length === 1 ? (values[0] ?? "") : [values],
  );
}

/** Where a call-back's cell is, for a person's edit that onEdit does not see. */
export function callbackCell(rt: Runtime, callbackId: string, header: string): { sheet: string; a1: string } {
  const view = readSheet(rt, "callbacks");
  const i = view.rows.findIndex((r) => r["回访编号"] === callbackId);
  if (i < 0) throw new Error(`no call-back ${callbackId}`);
  return { sheet: view.name, a1: cellOf(view, view.rowNumber(i), header) };
}
