// A unit's history: its owner record, complaints, services and call-backs, newest first.
// The unit's rows are found on Google's side (TextFinder with a pattern of the unit's numbers,
// so 3-2-1201 finds 3栋2单元1201) and only those rows are read, whatever the sheets' size.
import type { Callback } from "../domain/callback";
import type { Complaint } from "../domain/complaint";
import { formatLocal } from "../domain/dates";
import type { Owner } from "../domain/owners";
import { unitKey, unitPattern } from "../domain/units";
import { allLabels } from "../i18n/messages";
import { choiceLabel } from "../sheets/codec";
import { SCHEMAS, type SheetSpec } from "../sheets/schema";
import { recordsAt, recordsWhere } from "./lookup";
import { loadOffice, type Office } from "./office";

export interface HistoryLine {
  at: string;
  kind: string;
  id: string;
  text: string;
  status: string;
}

/** The records of a sheet whose unit is this unit, read row by row; [] when the sheet is missing. */
export function recordsOfUnit<T extends { unit: string }>(
  office: Office,
  spec: SheetSpec<T>,
  unit: string,
): T[] {
  const key = unitKey(unit);
  if (!key) return [];
  // The pattern finds the candidates; the unit key decides, as everywhere else.
  return recordsWhere(office, spec, "unit", {
    text: unitPattern(unit),
    regex: true,
    entire: true,
  }).records.filter((r) => unitKey(r.unit) === key);
}

/** Everything the office did for a unit (matched by its numbers), newest first. */
export function unitHistory(office: Office, unit: string): HistoryLine[] {
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "");
  const lines: (HistoryLine & { ms: number })[] = [];
  for (const c of recordsOfUnit<Complaint>(office, SCHEMAS.complaints, unit))
    lines.push({
      ms: c.receivedAt?.getTime() ?? 0,
      at: when(c.receivedAt),
      kind: office.t("sheet.complaints"),
      id: c.id,
      text: `${c.category}: ${c.content.slice(0, 120)}`,
      status: choiceLabel("status", c.status, office.t),
    });
  for (const c of recordsOfUnit<Callback>(office, SCHEMAS.callbacks, unit))
    lines.push({
      ms: (c.calledAt ?? c.doneAt)?.getTime() ?? 0,
      at: when(c.calledAt ?? c.doneAt),
      kind: choiceLabel("cbSource", c.source, office.t),
      id: c.id,
      text: c.satisfaction
        ? `${choiceLabel("satisfaction", c.satisfaction, office.t)} ${c.remarks}`
        : c.content.slice(0, 120),
      status: choiceLabel("cbState", c.state, office.t),
    });
  return lines.sort((a, b) => b.ms - a.ms).map(({ ms: _ms, ...line }) => line);
}

export interface HistoryView {
  title: string;
  labels: Record<string, string>;
  unit: string;
  owner: Owner | null;
  lines: HistoryLine[];
}

/** The unit of the selected row in Complaints, Call-backs or Owners, when `unit` is empty (that row alone is read). */
function selectedUnit(office: Office): string {
  const range = office.ss.getActiveRange();
  if (!range) return "";
  const name = range.getSheet().getName();
  for (const spec of [SCHEMAS.complaints, SCHEMAS.callbacks, SCHEMAS.owners] as SheetSpec<{ unit: string }>[])
    if (allLabels(spec.nameKey).includes(name))
      return recordsAt(office, spec, range.getSheet(), [range.getRow()]).records[0]?.unit ?? "";
  return "";
}

export function historyView(unit: unknown): HistoryView {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const wanted = String(unit ?? "").trim() || selectedUnit(office);
  const owner = wanted ? (recordsOfUnit<Owner>(office, SCHEMAS.owners, wanted)[0] ?? null) : null;
  const labels: Record<string, string> = {};
  for (const k of [
    "history.title",
    "history.unit",
    "history.owner",
    "history.empty",
    "cb.dialog.find",
    "intake.close",
  ] as const)
    labels[k] = office.t(k);
  return {
    title: office.t("history.title"),
    labels,
    unit: wanted,
    owner,
    lines: wanted ? unitHistory(office, wanted) : [],
  };
}
