// The dropdowns and highlighting the desk's sheets carry, in the office's language.

import { findSheet } from "../gas/table";
import { allLabels, type MessageKey } from "../i18n/messages";
import { choiceLabels } from "../sheets/codec";
import type { ColumnSpec, SheetSpec } from "../sheets/schema";
import { SCHEMAS } from "../sheets/schema";
import { columnLetter, type Finding } from "./findings";
import type { RuleFor } from "./setup/columnFormats";
import { headerMap } from "./setup/columnHeaders";
import type { SheetContext } from "./setup/sheetContext";

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

interface Highlight {
  /** The label the rule looks for (in the office's language); also how set-up knows its own rules. */
  label: MessageKey;
  background: string;
  fontColor: string;
  /** The rule's formula for row 2, given the column letters of the sheet's keys. */
  formula: (col: (key: string) => string, label: string) => string;
}

const onState = (key: string) => (col: (key: string) => string, label: string) => `=$${col(key)}2="${label}"`;

/** Complaints: overdue red, near the deadline yellow, paused grey (the SLA column). */
const COMPLAINT_HIGHLIGHTS: readonly Highlight[] = [
  { label: "sla.breached", background: "#f4cccc", fontColor: "#990000", formula: onState("slaState") },
  { label: "sla.near", background: "#fff2cc", fontColor: "#7f6000", formula: onState("slaState") },
  { label: "sla.paused", background: "#eeeeee", fontColor: "#555555", formula: onState("slaState") },
];

/** Call-backs: still to call after the deadline red (Sheets re-evaluates NOW()), waiting for work grey. */
const CALLBACK_HIGHLIGHTS: readonly Highlight[] = [
  {
    label: "cb.state.pending",
    background: "#f4cccc",
    fontColor: "#990000",
    formula: (col, label) =>
      `=AND($${col("state")}2="${label}",$${col("dueAt")}2<>"",$${col("dueAt")}2<NOW())`,
  },
  { label: "cb.state.waiting", background: "#eeeeee", fontColor: "#555555", formula: onState("state") },
];

const HIGHLIGHTS = { complaints: COMPLAINT_HIGHLIGHTS, callbacks: CALLBACK_HIGHLIGHTS } as const;

function isOurs(formula: string, highlights: readonly Highlight[]): boolean {
  return highlights.some((h) => allLabels(h.label).some((label) => formula.includes(`"${label}"`)));
}

/** The sheet's highlighting rules, replacing only the desk's own and keeping the office's. */
export function checkHighlighting(
  ctx: SheetContext,
  sheet: Sheet,
  which: keyof typeof HIGHLIGHTS,
  findings: Finding[],
) {
  const highlights = HIGHLIGHTS[which];
  const map = headerMap(sheet, SCHEMAS[which] as unknown as SheetSpec<unknown>);
  const needs = which === "complaints" ? ["slaState"] : ["state", "dueAt"];
  // A column set-up could not restore: leave the office's rules alone rather than point at the wrong one.
  if (needs.some((k) => !map.index.has(k))) return;
  const col = (key: string) => columnLetter((map.index.get(key) ?? 0) + 1);
  const wanted = highlights.map((h) => ({ ...h, formula: h.formula(col, ctx.t(h.label)) }));
  const area = () => sheet.getRange(2, 1, sheet.getMaxRows() - 1, map.width);
  const existing = sheet.getConditionalFormatRules();
  const ours = existing.filter((r) =>
    isOurs(String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? ""), highlights),
  );
  const a1 = area().getA1Notation();
  const same =
    ours.length === wanted.length &&
    ours.every((r, i) => {
      const formula = String(r.getBooleanCondition()?.getCriteriaValues()[0] ?? "");
      const ranges = r.getRanges().map((x) => x.getA1Notation());
      return formula === wanted[i]?.formula && ranges.join() === a1;
    });
  if (same) return;
  findings.push({
    problem: ctx.t("health.highlighting", { sheet: sheet.getName() }),
    done: ctx.t(which === "complaints" ? "setup.highlighting" : "setup.highlightingCallbacks", {
      sheet: sheet.getName(),
    }),
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
