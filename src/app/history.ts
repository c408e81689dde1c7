// A unit's history: its owner record, complaints, services and call-backs, newest first.
// The unit's rows are found on Google's side (TextFinder with a pattern of the unit's numbers,
// so 3-2-1201 finds 3栋2单元1201) and only those rows are read, whatever the sheets' size;
// complaints moved to the yearly archive are found the same way in the Stats sheet.
import type { FrozenFigures } from "../domain/archive";
import type { Callback } from "../domain/callback";
import type { Complaint } from "../domain/complaint";
import { formatLocal } from "../domain/dates";
import type { Owner } from "../domain/owners";
import { unitKey, unitPattern } from "../domain/units";
import { allLabels } from "../i18n/messages";
import { choiceLabel } from "../sheets/codec";
import { SCHEMAS, type SheetSpec } from "../sheets/schema";
import { archivedRecords } from "./archive/history";
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

type Dated = HistoryLine & { ms: number };

function complaintLine(office: Office, c: Complaint, kind: string): Dated {
  return {
    ms: c.receivedAt?.getTime() ?? 0,
    at: when(office, c.receivedAt),
    kind,
    id: c.id,
    text: `${c.category}: ${c.content.slice(0, 120)}`,
    status: choiceLabel("status", c.status, office.t),
  };
}

function callbackLine(office: Office, c: Callback, archived: boolean): Dated {
  const kind = choiceLabel("cbSource", c.source, office.t);
  return {
    ms: (c.calledAt ?? c.doneAt)?.getTime() ?? 0,
    at: when(office, c.calledAt ?? c.doneAt),
    kind: archived ? office.t("archive.historyKind", { kind }) : kind,
    id: c.id,
    text: c.satisfaction
      ? `${choiceLabel("satisfaction", c.satisfaction, office.t)} ${c.remarks}`
      : c.content.slice(0, 120),
    status: choiceLabel("cbState", c.state, office.t),
  };
}

const when = (office: Office, d: Date | null) =>
  d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "";

/** The unit's complaints that moved to the yearly archive, and their call-backs. */
function archivedLines(office: Office, unit: string, live: ReadonlySet<string>): Dated[] {
  const figures = recordsOfUnit<FrozenFigures>(office, SCHEMAS.stats, unit).filter((f) => !live.has(f.id));
  if (!figures.length) return [];
  const kind = office.t("archive.historyKind", { kind: office.t("sheet.complaints") });
  const archived = archivedRecords(office, figures);
  return [
    ...archived.complaints.map((c) => complaintLine(office, c, kind)),
    ...archived.callbacks.map((c) => callbackLine(office, c, true)),
    ...archived.figuresOnly.map((f) => ({
      ms: f.receivedAt?.getTime() ?? 0,
      at: when(office, f.receivedAt),
      kind,
      id: f.id,
      text: f.category,
      status: choiceLabel("status", "closed", office.t),
    })),
  ];
}

/** Everything the office did for a unit (matched by its numbers), newest first, archived years included. */
export function unitHistory(office: Office, unit: string): HistoryLine[] {
  const lines: Dated[] = [];
  const complaintKind = office.t("sheet.complaints");
  for (const c of recordsOfUnit<Complaint>(office, SCHEMAS.complaints, unit))
    lines.push(complaintLine(office, c, complaintKind));
  for (const c of recordsOfUnit<Callback>(office, SCHEMAS.callbacks, unit))
    lines.push(callbackLine(office, c, false));
  lines.push(...archivedLines(office, unit, new Set(lines.map((l) => l.id))));
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
