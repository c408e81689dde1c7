// Column headers: renamed, other-language and missing columns repaired in one write of the
// header row; unknown and reordered columns kept and reported; the header row frozen.
import { mapHeaders } from "../../sheets/codec";
import { type ColumnSpec, headerFor, type SheetSpec } from "../../sheets/schema";
import type { Finding } from "../findings";
import { writeHeader } from "./headerRow";
import { factsOf, type SheetContext, type SheetFacts } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Headers: aliases and other-language names are renamed to the office's header; a missing
 * column whose place holds one unknown header is taken to be that column renamed; other
 * missing columns are added at the end. Unknown and reordered columns are kept and reported.
 */
export function checkHeaders<T>(
  ctx: SheetContext,
  sheet: Sheet,
  spec: SheetSpec<T>,
  findings: Finding[],
): string[] {
  const sheetName = sheet.getName();
  const header = factsOf(ctx).header(sheet);
  const map = mapHeaders(spec.columns, header);
  const target: unknown[] = [...header];
  const changes: Finding[] = [];
  const unknown = new Map(map.unknown.map((u) => [u.index, u.header]));
  const guesses = renamedInPlace(spec.columns, map.index, [...unknown.keys()]);
  spec.columns.forEach((column) => {
    const expected = headerFor(column, ctx.language);
    const at = map.index.get(column.key) ?? guesses.get(column.key);
    if (at === undefined) {
      target.push(expected);
      changes.push({
        problem: ctx.t("health.missingColumn", { sheet: sheetName, column: expected }),
        done: ctx.t("setup.addedColumn", { sheet: sheetName, column: expected }),
      });
      return;
    }
    unknown.delete(at);
    const found = String(header[at]);
    if (found === expected) return;
    target[at] = expected;
    changes.push({
      problem: ctx.t("health.renamedHeader", { sheet: sheetName, found, expected }),
      done: ctx.t("setup.renamedHeader", { sheet: sheetName, found, expected }),
    });
  });
  const first = changes[0];
  // One write for the whole header row.
  if (first) first.fix = () => writeHeader(sheet, target);
  findings.push(...changes);
  for (const [index, name] of unknown)
    findings.push({
      info: true,
      problem: ctx.t("setup.unknownColumn", { sheet: sheetName, column: `${name} (${index + 1})` }),
      done: "",
    });
  if (!map.inOrder)
    findings.push({ info: true, problem: ctx.t("setup.reordered", { sheet: sheetName }), done: "" });
  if (sheet.getFrozenRows() !== 1)
    findings.push({
      problem: ctx.t("health.frozen", { sheet: sheetName }),
      done: ctx.t("setup.frozen", { sheet: sheetName }),
      fix: () => sheet.setFrozenRows(1),
    });
  return target.map(String);
}

/**
 * Missing columns whose place holds unknown headers are taken to be those columns renamed:
 * in each gap between found columns, when the gap has as many unknown headers as missing
 * columns, they are matched in order. Other gaps, and columns missing after the last one
 * found, are left alone (the column is added at the end).
 */
function renamedInPlace(
  columns: readonly ColumnSpec[],
  index: Map<string, number>,
  unknownAt: readonly number[],
): Map<string, number> {
  const guesses = new Map<string, number>();
  let gap: ColumnSpec[] = [];
  let before = -1;
  const close = (after: number) => {
    const between = unknownAt.filter((i) => i > before && i < after).sort((a, b) => a - b);
    if (gap.length && between.length === gap.length)
      gap.forEach((c, j) => {
        guesses.set(c.key, between[j] ?? -1);
      });
    gap = [];
  };
  for (const column of columns) {
    const at = index.get(column.key);
    if (at === undefined) {
      gap.push(column);
      continue;
    }
    close(at);
    before = at;
  }
  return guesses;
}

/** Where each of the schema's columns sits, from the sheet's header row (read once per set-up stage). */
export function headerMap<T>(sheet: Sheet, spec: SheetSpec<T>, facts?: SheetFacts) {
  const header = facts
    ? facts.header(sheet)
    : (sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? []);
  return mapHeaders(spec.columns, header);
}
