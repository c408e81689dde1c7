// A set-up office on the local runtime, with its staff's emails filled in.
import { createRuntime, type Runtime, type RuntimeOptions } from "../../local/emu/runtime";
import { STAFF } from "../../sim/scenario";
import { type Row, readSheet, setDepartment, setSetting } from "../../sim/workbook";

/** Monday 2026-03-02 09:00 in Shanghai. */
export const MONDAY_9AM = "2026-03-02T01:00:00Z";

export async function newOffice(options: RuntimeOptions = {}): Promise<Runtime> {
  const rt = await createRuntime({ now: MONDAY_9AM, user: STAFF.assistants[0], locale: "zh_CN", ...options });
  rt.open();
  rt.run("setupWorkbook");
  return rt;
}

export async function staffedOffice(options: RuntimeOptions = {}): Promise<Runtime> {
  const rt = await newOffice(options);
  const en = (options.locale ?? "zh_CN").startsWith("en");
  setSetting(rt, "manager.email", STAFF.manager);
  for (const d of STAFF.departments) setDepartment(rt, en ? d.en : d.zh, d.head, d.headEmail, d.handlers);
  return rt;
}

export const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  unit: "3栋2单元1201",
  owner: "王先生",
  contact: "13812345678",
  channel: "phone",
  category: "漏水",
  severity: "urgent",
  location: "卫生间天花板",
  content: "卫生间天花板漏水",
  peopleInvolved: "",
  receivedAt: "",
  ...overrides,
});

export function submit(rt: Runtime, fields: Record<string, string>, submissionId = `s-${Math.random()}`) {
  return rt.callFromDialog("submitComplaint", fields, submissionId) as
    | { ok: true; id: string; responseDue: string; recurrenceOf: string; message: string }
    | { ok: false; errors: { field: string; message: string }[]; message: string };
}

export function complaints(rt: Runtime): Row[] {
  return readSheet(rt, "complaints").rows;
}

export function logRows(rt: Runtime): Row[] {
  return readSheet(rt, "log").rows;
}

/** The alert texts shown since index `from`. */
export function alertsSince(rt: Runtime, from: number): string[] {
  return rt.ui.alerts.slice(from).map((a) => `${a.prompt ?? ""}`);
}

/** "YYYY-MM-DD HH:mm" in Shanghai, as the sheets display times. */
export function shanghaiMinute(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
