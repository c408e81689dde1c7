// Each desk sheet under its name; else a sheet someone renamed, recognised by its header row
// (renamed back by the repair, so its rows are kept); else a new one.
import { findSheet } from "../../gas/table";
import { allLabels } from "../../i18n/messages";
import { headerFor, SCHEMAS, type SheetId } from "../../sheets/schema";
import type { Finding } from "../findings";
import { headerMatch, looksLikeHeader, writeHeader } from "./headerRow";
import type { AnySpec, SheetContext } from "./sheetContext";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheet, created with headers, widths and a frozen header row when missing. */
function createSheet(ctx: SheetContext, spec: AnySpec, name: string): Sheet {
  const sheet = ctx.ss.insertSheet(name);
  writeHeader(
    sheet,
    spec.columns.map((c) => headerFor(c, ctx.language)),
  );
  sheet.setFrozenRows(1);
  spec.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return sheet;
}

export interface EnsuredSheet {
  sheet: Sheet | null;
  created: boolean;
}

/**
 * The sheet under its name; else a sheet renamed by someone, recognised by its header row
 * (renamed back by the repair, so its rows are kept); else a new one.
 */
export function ensureSheet(
  ctx: SheetContext,
  spec: AnySpec,
  findings: Finding[],
  apply: boolean,
  renamed: ReadonlyMap<SheetId, Sheet>,
): EnsuredSheet {
  const name = ctx.t(spec.nameKey);
  const existing = findSheet(ctx.ss, spec, name);
  const moved = renamed.get(spec.id);
  if (existing) {
    // E.g. the renamed original after an older repair made an empty sheet in its place.
    if (moved)
      findings.push({
        info: true,
        problem: ctx.t("setup.copyOfSheet", { sheet: existing.getName(), found: moved.getName() }),
        done: "",
      });
    return { sheet: existing, created: false };
  }
  if (moved) {
    const found = moved.getName();
    findings.push({
      problem: ctx.t("health.renamedSheet", { sheet: name, found }),
      done: ctx.t("setup.renamedSheet", { sheet: name, found }),
      fix: () => moved.setName(name),
    });
    return { sheet: moved, created: false };
  }
  findings.push({
    problem: ctx.t("health.missingSheet", { sheet: name }),
    done: ctx.t("setup.created", { sheet: name }),
  });
  return { sheet: apply ? createSheet(ctx, spec, name) : null, created: apply };
}

/**
 * Sheets whose name is none of the desk's but whose header row is one of the desk's sheets
 * (a sheet someone renamed, or a copy): each goes to the spec its header fits best, among
 * `wanted`; of several, the one with the most matching columns, then the most rows.
 */
export function findRenamedSheets(ss: Spreadsheet, wanted: readonly AnySpec[]): Map<SheetId, Sheet> {
  const out = new Map<SheetId, Sheet>();
  if (!wanted.length) return out;
  const all = Object.values(SCHEMAS) as unknown as AnySpec[];
  const deskNames = new Set(all.flatMap((s) => allLabels(s.nameKey)));
  const best = new Map<SheetId, { sheet: Sheet; matched: number; rows: number }>();
  for (const sheet of ss.getSheets()) {
    if (deskNames.has(sheet.getName())) continue;
    const width = sheet.getLastColumn();
    if (width < 1) continue;
    const row = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
    let fit: { spec: AnySpec; share: number; matched: number } | null = null;
    for (const spec of all) {
      const { matched } = headerMatch(spec, row);
      const share = matched / spec.columns.length;
      if (looksLikeHeader(spec, row) && share >= 0.5 && (!fit || share > fit.share))
        fit = { spec, share, matched };
    }
    if (!fit || !wanted.includes(fit.spec)) continue;
    const rows = sheet.getLastRow();
    const earlier = best.get(fit.spec.id);
    if (!earlier || fit.matched > earlier.matched || (fit.matched === earlier.matched && rows > earlier.rows))
      best.set(fit.spec.id, { sheet, matched: fit.matched, rows });
  }
  for (const [id, { sheet }] of best) out.set(id, sheet);
  return out;
}
