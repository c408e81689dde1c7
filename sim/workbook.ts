// Reading and typing into the emulated workbook the way a person would, by header name.
// Used by the office simulation, the benchmark and the integration tests; never metered.
import type { Runtime } from "../local/emu/runtime";

export type Row = Record<string, unknown>;

export interface SheetView {
  name: string;
  header: string[];
  rows: Row[];
  /** Sheet row number of rows[i]. */
  rowNumber: (i: number) => number;
}

export const SHEET_NAMES = {
  complaints: ["投诉", "Complaints"],
  callbacks: ["回访", "Call-backs"],
  owners: ["业主档案", "Owners"],
  settings: ["设置", "Settings"],
  categories: ["投诉类别", "Categories"],
  departments: ["部门", "Departments"],
  holidays: ["节假日", "Holidays"],
  log: ["日志", "Log"],
  sent: ["发送记录", "Sent"],
} as const;

export type SheetKey = keyof typeof SHEET_NAMES;

export function sheetName(rt: Runtime, key: SheetKey): string {
  return rt.meter.quietly(() => {
    for (const name of SHEET_NAMES[key]) if (rt.sheets.spreadsheet.getSheetByName(name)) return name;
    throw new Error(`no ${key} sheet`);
  });
}

export function readSheet(rt: Runtime, key: SheetKey, display = false): SheetView {
  return rt.meter.quietly(() => {
    const name = sheetName(rt, key);
    const sheet = rt.sheets.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const range = sheet.getDataRange();
    const values = display ? range.getDisplayValues() : range.getValues();
    const header = (values[0] ?? []).map(String);
    const rows: Row[] = [];
    const numbers: number[] = [];
    values.slice(1).forEach((v, i) => {
      if (v.every((c) => c === "")) return;
      rows.push(Object.fromEntries(header.map((h, j) => [h, v[j]])));
      numbers.push(i + 2);
    });
    return { name, header, rows, rowNumber: (i) => numbers[i] ?? -1 };
  });
}

export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A1 address of a cell by sheet row and header text (either language's header accepted). */
export function cellOf(view: SheetView, row: number, ...headers: string[]): string {
  const j = view.header.findIndex((h) => headers.includes(h));
  if (j < 0) throw new Error(`no column ${headers.join("/")} in ${view.name}`);
  return `${columnLetter(j + 1)}${row}`;
}

/** Sheet row of a complaint by its ID. */
export function complaintRow(rt: Runtime, id: string): { view: SheetView; row: number; record: Row } {
  const view = readSheet(rt, "complaints");
  const i = view.rows.findIndex((r) => (r["编号"] ?? r.ID) === id);
  if (i < 0) throw new Error(`no complaint ${id}`);
  return { view, row: view.rowNumber(i), record: view.rows[i] ?? {} };
}

/** A person typing into one complaint's cell: fires onEdit like Sheets does. */
export function typeInto(rt: Runtime, id: string, headers: string[], value: string) {
  const { view, row } = complaintRow(rt, id);
  return rt.edit(view.name, cellOf(view, row, ...headers), value);
}

/** A person setting a value in Settings (no onEdit work is done there). */
export function setSetting(rt: Runtime, key: string, value: string) {
  const view = readSheet(rt, "settings");
  const i = view.rows.findIndex((r) => Object.values(r)[0] === key);
  if (i < 0) throw new Error(`no setting ${key}`);
  const valueHeader = view.header[1] ?? "";
  rt.sheets.userEdit(view.name, cellOf(view, view.rowNumber(i), valueHeader), value);
}

/** A person filling in a department's head and handlers. */
export function setDepartment(
  rt: Runtime,
  name: string,
  head: string,
  headEmail: string,
  handlers: string[],
) {
  const view = readSheet(rt, "departments");
  const i = view.rows.findIndex((r) => Object.values(r)[0] === name);
  if (i < 0) throw new Error(`no department ${name}`);
  const row = view.rowNumber(i);
  rt.sheets.userEdit(view.name, `B${row}:D${row}`, [[head, headEmail, handlers.join(", ")]]);
}
