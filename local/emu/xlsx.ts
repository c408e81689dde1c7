// Workbooks to and from .xlsx (exceljs): values, formulas, number formats, dropdowns,
// frozen rows, widths, bold/fill/colour, notes and conditional highlighting.
import ExcelJS from "exceljs";
import { columnLetters, parseA1, toA1 } from "./a1";
import { localParts, zonedTime } from "./dateformat";
import type { FakeRange } from "./range";
import { FakeBooleanCondition, FakeConditionalFormatRule, FakeDataValidation } from "./rules";
import type { FakeSheet } from "./sheet";
import type { FakeSpreadsheet } from "./spreadsheet";
import { type CellValue, isDateValue } from "./typing";

interface Meta {
  name: string;
  timeZone: string;
  locale: string;
  id: string;
  sheets: Record<string, { maxRows: number; maxColumns: number }>;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase().padStart(6, "0")}`;
const hex = (color?: { argb?: string }) => (color?.argb ? `#${color.argb.slice(-6).toLowerCase()}` : null);

/** Excel has no time zones: store the office's wall-clock time. */
function toWallClock(d: Date, timeZone: string): Date {
  const p = localParts(d.getTime(), timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}

function fromWallClock(d: Date, timeZone: string): Date {
  return new Date(
    zonedTime(
      timeZone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
}

/** exceljs keeps a worksheet's dropdowns here; its typings omit it. */
function validationsOf(ws: ExcelJS.Worksheet) {
  return (
    ws as unknown as {
      dataValidations: {
        model: Record<string, ExcelJS.DataValidation | undefined>;
        add(address: string, validation: ExcelJS.DataValidation): void;
      };
    }
  ).dataValidations;
}

function validationModel(rule: FakeDataValidation, sheetOf: (r: unknown) => string): ExcelJS.DataValidation {
  const strict = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: rule.allowInvalid ? "warning" : "stop",
  };
  if (rule.criteria === "VALUE_IN_LIST")
    return { type: "list", formulae: [`"${((rule.values[0] as string[]) ?? []).join(",")}"`], ...strict };
  if (rule.criteria === "VALUE_IN_RANGE") {
    const range = rule.values[0] as FakeRange;
    const a1 = toA1(range.row, range.column, range.rows, range.columns).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return { type: "list", formulae: [`'${sheetOf(range).replace(/'/g, "''")}'!${a1}`], ...strict };
  }
  if (rule.criteria === "NUMBER_BETWEEN")
    return { type: "decimal", operator: "between", formulae: [rule.values[0], rule.values[1]], ...strict };
  return { type: "date", operator: "greaterThan", formulae: [new Date(0)], ...strict };
}

function writeSheet(wb: ExcelJS.Workbook, sheet: FakeSheet, timeZone: string) {
  const d = sheet.data;
  const ws = wb.addWorksheet(sheet.name, {
    views:
      d.frozenRows || d.frozenColumns
        ? [{ state: "frozen", xSplit: d.frozenColumns, ySplit: d.frozenRows }]
        : [],
  });
  for (const [c, width] of d.widths) ws.getColumn(c + 1).width = Math.round((width / 7) * 10) / 10;
  d.values.forEach((row, r) =>
    row?.forEach((v, c) => {
      const formula = d.formula(r, c);
      if (v === "" && !formula) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (formula)
        cell.value = { formula: formula.replace(/^=/, ""), result: v as string } as ExcelJS.CellFormulaValue;
      else cell.value = isDateValue(v) ? toWallClock(v, timeZone) : (v as string | number | boolean);
    }),
  );
  d.formats.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (f && f !== "General") ws.getCell(r + 1, c + 1).numFmt = f;
    }),
  );
  const at = (k: string) => k.split(":").map(Number) as [number, number];
  for (const [k, w] of d.fontWeights)
    if (w === "bold") ws.getCell(at(k)[0] + 1, at(k)[1] + 1).font = { bold: true };
  for (const [k, color] of d.fontColors) {
    const cell = ws.getCell(at(k)[0] + 1, at(k)[1] + 1);
    cell.font = { ...cell.font, color: { argb: argb(color) } };
  }
  for (const [k, color] of d.backgrounds)
    ws.getCell(at(k)[0] + 1, at(k)[1] + 1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: argb(color) },
    };
  for (const [k, note] of d.notes) ws.getCell(at(k)[0] + 1, at(k)[1] + 1).note = note;
  // Dropdowns: one entry per run of equal rules down a column.
  const byColumn = new Map<number, [number, FakeDataValidation][]>();
  for (const [k, rule] of d.validations) {
    const [r, c] = at(k);
    const list = byColumn.get(c) ?? [];
    list.push([r, rule]);
    byColumn.set(c, list);
  }
  const sheetOf = (range: unknown) => (range as FakeRange).sheet.name;
  for (const [c, cells] of byColumn) {
    cells.sort((a, b) => a[0] - b[0]);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      const prev = cells[i - 1];
      const cur = cells[i];
      if (cur && prev && cur[1] === prev[1] && cur[0] === prev[0] + 1) continue;
      const first = cells[start];
      if (first && prev) {
        const ref = `${columnLetters(c + 1)}${first[0] + 1}:${columnLetters(c + 1)}${prev[0] + 1}`;
        validationsOf(ws).add(ref, validationModel(first[1], sheetOf));
      }
      start = i;
    }
  }
  d.conditionalRules.forEach((rule, i) => {
    const condition = rule.condition;
    const formula = String(condition.getCriteriaValues()[0] ?? "");
    const style: Partial<ExcelJS.Style> = {};
    if (condition.format.background)
      style.fill = {
        type: "pattern",
        pattern: "solid",
        bgColor: { argb: argb(condition.format.background) },
      };
    if (condition.format.fontColor) style.font = { color: { argb: argb(condition.format.fontColor) } };
    const ref = rule
      .getRanges()
      .map((r) => (r as unknown as FakeRange).getA1Notation())
      .join(" ");
    const rules: ExcelJS.ConditionalFormattingRule[] =
      condition.criteria === "CUSTOM_FORMULA"
        ? [{ type: "expression", priority: i + 1, formulae: [formula.replace(/^=/, "")], style }]
        : [{ type: "containsText", operator: "containsText", text: formula, priority: i + 1, style }];
    ws.addConditionalFormatting({ ref, rules });
  });
}

export async function saveXlsx(ss: FakeSpreadsheet, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const meta: Meta = { name: ss.name, timeZone: ss.timeZone, locale: ss.locale, id: ss.id, sheets: {} };
  ss.meter.quietly(() => {
    for (const sheet of ss.sheets) {
      meta.sheets[sheet.name] = { maxRows: sheet.data.maxRows, maxColumns: sheet.data.maxColumns };
      writeSheet(wb, sheet, ss.timeZone);
    }
  });
  wb.title = ss.name;
  wb.description = JSON.stringify(meta);
  await wb.xlsx.writeFile(path);
}

function cellValue(v: ExcelJS.CellValue, timeZone: string): { value: CellValue; formula?: string } {
  if (v === null || v === undefined) return { value: "" };
  if (v instanceof Date) return { value: fromWallClock(v, timeZone) };
  if (typeof v === "object") {
    if ("formula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      const plain = result instanceof Date ? fromWallClock(result, timeZone) : result;
      return {
        value: (typeof plain === "object" || plain === undefined ? "#ERROR!" : plain) as CellValue,
        formula: `=${v.formula}`,
      };
    }
    if ("richText" in v) return { value: v.richText.map((t) => t.text).join("") };
    if ("text" in v) return { value: String(v.text) };
    if ("error" in v) return { value: String(v.error) };
    return { value: "" };
  }
  return { value: v as CellValue };
}

export async function loadXlsx(ss: FakeSpreadsheet, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  let meta: Partial<Meta> = {};
  try {
    meta = JSON.parse(wb.description ?? "{}") as Partial<Meta>;
  } catch {
    meta = {};
  }
  if (meta.timeZone) ss.timeZone = meta.timeZone;
  if (meta.locale) ss.locale = meta.locale;
  if (meta.name) ss.name = meta.name;
  if (meta.id) ss.id = meta.id;
  const pending: (() => void)[] = [];
  wb.eachSheet((ws) => {
    const sheet = ss.addSheet(ws.name);
    const d = sheet.data;
    const zone = ss.timeZone;
    const dims = meta.sheets?.[ws.name];
    d.maxRows = Math.max(dims?.maxRows ?? 1000, ws.rowCount);
    d.maxColumns = Math.max(dims?.maxColumns ?? 26, ws.columnCount);
    const view = (ws.views ?? [])[0] as { ySplit?: number; xSplit?: number } | undefined;
    d.frozenRows = view?.ySplit ?? 0;
    d.frozenColumns = view?.xSplit ?? 0;
    for (let c = 1; c <= ws.columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width) d.widths.set(c - 1, Math.round(width * 7));
    }
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const parsed = cellValue(cell.value, zone);
        if (parsed.value !== "" || parsed.formula) d.setValue(r - 1, c - 1, parsed.value, parsed.formula);
        if (cell.numFmt && cell.numFmt !== "General") d.setFormat(r - 1, c - 1, cell.numFmt);
        if (cell.font?.bold) d.put(d.fontWeights, r - 1, c - 1, "bold");
        const color = hex(cell.font?.color as { argb?: string } | undefined);
        if (color) d.put(d.fontColors, r - 1, c - 1, color);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (fill?.type === "pattern" && fill.fgColor)
          d.put(d.backgrounds, r - 1, c - 1, hex(fill.fgColor as { argb?: string }));
        if (cell.note)
          d.put(
            d.notes,
            r - 1,
            c - 1,
            typeof cell.note === "string" ? cell.note : cell.note.texts?.map((t) => t.text).join(""),
          );
      }),
    );
    const model = validationsOf(ws).model;
    const rules = new Map<string, FakeDataValidation>();
    pending.push(() => {
      for (const [address, dv] of Object.entries(model)) {
        if (dv?.type !== "list") continue;
        const f = String(dv.formulae?.[0] ?? "");
        const key = `${f}|${dv.showErrorMessage}`;
        let rule = rules.get(key);
        if (!rule) {
          const allowInvalid = !dv.showErrorMessage;
          if (f.startsWith('"'))
            rule = new FakeDataValidation(
              "VALUE_IN_LIST",
              [f.slice(1, -1).split(","), true],
              allowInvalid,
              "",
            );
          else {
            const p = parseA1(f);
            const target = p.sheet ? ss.book.sheetByName(p.sheet) : sheet;
            if (!target) continue;
            rule = new FakeDataValidation(
              "VALUE_IN_RANGE",
              [target.rangeA1(f.slice(f.lastIndexOf("!") + 1)), true],
              allowInvalid,
              "",
            );
          }
          rules.set(key, rule);
        }
        const p = parseA1(address);
        d.put(d.validations, p.row - 1, p.column - 1, rule);
      }
      const formatting =
        (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
          .conditionalFormattings ?? [];
      for (const cf of formatting)
        for (const rule of cf.rules) {
          if (rule.type !== "expression") continue;
          const ranges = cf.ref.split(/\s+/).map((ref) => sheet.rangeA1(ref));
          const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
          const format = {
            background: hex(fill?.bgColor as { argb?: string } | undefined),
            fontColor: hex(rule.style?.font?.color as { argb?: string } | undefined),
            bold: null,
          };
          d.conditionalRules.push(
            new FakeConditionalFormatRule(
              ranges,
              new FakeBooleanCondition("CUSTOM_FORMULA", [`=${rule.formulae?.[0] ?? ""}`], format),
            ),
          );
        }
    });
  });
  for (const run of pending) run();
  if (!ss.sheets.length) ss.addSheet("Sheet1");
}
