// The dropdowns and highlighting the desk's sheets carry, in the office's language.
import { allLabels, type MessageKey } from "../i18n/messages";
import { choiceLabels } from "../sheets/codec";
import type { ColumnSpec } from "../sheets/schema";
import { SCHEMAS } from "../sheets/schema";
import { findSheet } from "../gas/table";
import { columnLetter, type Finding } from "./findings";
import { headerMap, type RuleFor, type SheetContext } from "./sheetChecks";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Strict lists for the desk's own choices; office lists only warn, and onEdit explains. */
export function ruleMaker(ctx: SheetContext, pauseKinds: readonly string[]): RuleFor {
  const list = (values: readonly string[], strict: boolean) =>
    values.length
      ? SpreadsheetApp.newDataValidation()
          .requireValueInList([...values], true)
          .setAllowInvalid(!strict)
          .build()
      : null;
  const fromSheet = (sheetKey: "categories" | "departments") => {
    const sheet = findSheet(ctx.ss, SCHEMAS[sheetKey], ctx.t(SCHEMAS[sheetKey].nameKey));
    if (!sheet || sheet.getMaxRows() < 2) return null;
    return SpreadsheetApp.newDataValidation()
      .requireValueInRange(sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1), true)
      .setAllowInvalid(true)
      .build();
  };
  return (column: ColumnSpec) => {
    if (column.computed) return null;
    if (column.list === "categories") return fromSheet("categories");
    if (column.list === "departments") return fromSheet("departments");
    if (column.list === "pauseKinds") return list(pauseKinds, false);
    switch (column.kind) {
      case "status":
      case "severity":
      case "channel":
      case "clock":
      case "holidayType":
      case "yesNo":
      case "cbSource":
      case "cbMethod":
      case "cbResult":
      case "satisfaction":
      case "ownerChannel":
        return list(choiceLabels(column.kind, ctx.t), true);
      default:
        return null;
    }
  };
}

const HIGHLIGHTS: readonly { state: MessageKey; background: string; fontColor: string }[] = [
  { state: "sla.breached", background: "#f4cccc", fontColor: "#990000" },
  { state: "sla.near", background: "#fff2cc", fontColor: "#7f6000" },
  { state: "sla.paused", background: "#eeeeee", fontColor: "#555555" },
];

function isOurs(formula: string): boolean {
  return HIGHLIGHTS.some((h) => allLabels(h.state).some((label) => formula.includes(`"${label}"`)));
}

/** Overdue rows red, near-deadline yellow, paused grey: keyed on the SLA column. */
export function checkHighlighting(ctx: SheetContext, sheet: Sheet, findings: Finding[]) {
  const map = headerMap(sheet, SCHEMAS.complaints);
  const sla = map.index.get("slaState");
  if (sla === undefined) return;
  const letter = columnLetter(sla + 1);
  const wanted = HIGHLIGHTS.map((h) => ({ ...h, formula: `=$${letter}2="${ctx.t(h.state)}"` }));
  const area = () => sheet.getRange(2, 1, sheet.getMaxRows() - 1, map.width);
  const existing = sheet.getConditionalFormatRules();
  const ours = existing.filter((r) => isOurs(String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? "")));
  const a1 = area().getA1Notation();
  const same =
    ours.length === wanted.length &&
    ours.every((r, i) => {
      const formula = String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? "");
      return (
        formula === wanted[i]?.formula &&
        r
          .getRanges()
          .map((x) => x.getA1Notation())
          .join() === a1
      );
    });
  if (same) return;
  findings.push({
    problem: ctx.t("health.highlighting", { sheet: sheet.getName() }),
    done: ctx.t("setup.highlighting", { sheet: sheet.getName() }),
    fix: () => {
      const others = existing.filter((r) => !ours.includes(r));
      const rules = wanted.map((w) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(w.formula)
          .setBackground(w.background)
          .setFontColor(w.fontColor)
          .setRanges([area()])
          .build(),
      );
      sheet.setConditionalFormatRules([...rules, ...others]);
    },
  });
}
