// A unit's history: its owner record, complaints, services and call-backs, newest first.
import type { Callback } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import type { Owner } from "../domain/owners";
import { unitKey } from "../domain/units";
import { findSheet, readTable } from "../gas/table";
import { allLabels } from "../i18n/messages";
import { choiceLabel } from "../sheets/codec";
import { SCHEMAS } from "../sheets/schema";
import { readCallbacks } from "./callbacks";
import { readComplaints } from "./complaints";
import { loadOffice, type Office } from "./office";
import { readOwners } from "./owners";

export interface HistoryLine {
  at: string;
  kind: string;
  id: string;
  text: string;
  status: string;
}

/** Everything the office did for a unit (matched by its numbers), newest first. */
export function unitHistory(office: Office, unit: string, callbacks?: readonly Callback[]): HistoryLine[] {
  const key = unitKey(unit);
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "");
  const lines: (HistoryLine & { ms: number })[] = [];
  for (const c of readComplaints(office).records)
    if (unitKey(c.unit) === key)
      lines.push({
        ms: c.receivedAt?.getTime() ?? 0,
        at: when(c.receivedAt),
        kind: office.t("sheet.complaints"),
        id: c.id,
        text: `${c.category}: ${c.content.slice(0, 120)}`,
        status: choiceLabel("status", c.status, office.t),
      });
  for (const c of callbacks ?? readCallbacks(office).records)
    if (unitKey(c.unit) === key)
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

/** The unit of the selected row in Complaints, Call-backs or Owners, when `unit` is empty. */
function selectedUnit(office: Office): string {
  const range = office.ss.getActiveRange();
  if (!range) return "";
  const name = range.getSheet().getName();
  for (const spec of [SCHEMAS.complaints, SCHEMAS.callbacks, SCHEMAS.owners]) {
    if (!allLabels(spec.nameKey).includes(name) || !findSheet(office.ss, spec, name)) continue;
    const table = readTable<{ unit: string }>(office.ss, spec as never, office.codec, ["unit"]);
    const i = table.rowNumbers.indexOf(range.getRow());
    return table.records[i]?.unit ?? "";
  }
  return "";
}

export function historyView(unit: unknown): HistoryView {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const wanted = String(unit ?? "").trim() || selectedUnit(office);
  const owner = wanted
    ? (readOwners(office).records.find((o) => unitKey(o.unit) === unitKey(wanted)) ?? null)
    : null;
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
