// What the Record call-back dialog shows: the call-back (from the selected row or a search
// by unit or ID), and the unit's history of complaints and call-backs.
import { awaitsFollowUp, CALLBACK_METHODS, type Callback, SATISFACTION } from "../domain/callback";
import { formatLocal } from "../domain/dates";
import { escapeRe, unitKey, unitPattern } from "../domain/units";
import { findSheet, MissingSheetError } from "../gas/table";
import { allLabels } from "../i18n/messages";
import { choiceLabel } from "../sheets/codec";
import { CALLBACK_COLUMNS, headerFor, SCHEMAS } from "../sheets/schema";
import { callbacksOfComplaints } from "./callbacks";
import { type HistoryLine, unitHistory } from "./history";
import { recordsAt, recordsWhere, type Search } from "./lookup";
import { loadOffice, type Office } from "./office";
import { isManager } from "./recordCallback";

export interface CallbackCard {
  id: string;
  source: string;
  ref: string;
  unit: string;
  owner: string;
  contact: string;
  content: string;
  doneAt: string;
  dueAt: string;
  handler: string;
  state: string;
  open: boolean;
  attempts: number;
  /** The last answer, when the owner was reached and is to be called again (neutral). */
  lastAnswer: string;
  /** The owner answered neutral: call again, or the manager closes it with a reason. */
  followUp: boolean;
}

export interface CallbackDialogData {
  labels: Record<string, string>;
  methods: { code: string; label: string }[];
  satisfactions: { code: string; label: string }[];
  results: { code: string; label: string }[];
  matches: CallbackCard[];
  selected: CallbackCard | null;
  history: HistoryLine[];
  now: string;
  /** The person is the office's manager (manager.email in Settings). */
  isManager: boolean;
}

const LABEL_KEYS = [
  "cb.dialog.title",
  "cb.dialog.search",
  "cb.dialog.find",
  "cb.dialog.history",
  "cb.dialog.none",
  "cb.dialog.save",
  "cb.dialog.saving",
  "intake.close",
  "cb.result.reached",
  "cb.result.unreachable",
  "cb.error.required",
  "cb.dialog.lastAnswer",
  "cb.dialog.followUpHint",
  "cb.dialog.managerTitle",
  "cb.dialog.reason",
  "cb.dialog.managerClose",
  "cb.error.reasonRequired",
] as const;

function card(office: Office, c: Callback): CallbackCard {
  const when = (d: Date | null) => (d ? formatLocal(d.getTime(), office.codec.utcOffsetMinutes) : "");
  return {
    id: c.id,
    source: choiceLabel("cbSource", c.source, office.t),
    ref: c.ref,
    unit: c.unit,
    owner: c.owner,
    contact: c.contact,
    content: c.content,
    doneAt: when(c.doneAt),
    dueAt: when(c.dueAt),
    handler: c.handler,
    state: choiceLabel("cbState", c.state, office.t),
    open: c.state === "pending",
    attempts: c.attempts ?? 0,
    lastAnswer: awaitsFollowUp(c)
      ? `${when(c.calledAt)} ${choiceLabel("satisfaction", c.satisfaction, office.t)} ${c.remarks}`.trim()
      : "",
    followUp: awaitsFollowUp(c),
  };
}

/** The call-backs a search names: its ID, its complaint's ID, or (part of) its unit in any spelling. */
function search(office: Office, text: string): Callback[] {
  const where = (key: string, find: Search) =>
    recordsWhere<Callback>(office, SCHEMAS.callbacks, key, find).records;
  const key = unitKey(text);
  const found = [
    ...where("id", { text, entire: true }),
    ...(callbacksOfComplaints(office, [text])?.records ?? []),
    ...where("unit", { text }),
    ...where("unit", { text: unitPattern(text), regex: true, entire: true }).filter(
      (c) => unitKey(c.unit) === key,
    ),
  ];
  return [...new Map(found.map((c) => [c.id || `${c.unit}|${c.content}`, c])).values()];
}

/** `query`: a call-back ID, complaint ID or unit; empty means the row selected in the Call-backs sheet. */
export function callbackDialogData(query: unknown): CallbackDialogData {
  const office = loadOffice(SpreadsheetApp.getActive(), new Date());
  const { t } = office;
  const sheet = findSheet(office.ss, SCHEMAS.callbacks, t(SCHEMAS.callbacks.nameKey));
  if (!sheet) throw new MissingSheetError(allLabels(SCHEMAS.callbacks.nameKey));
  const text = String(query ?? "").trim();
  let matches: Callback[];
  if (text) matches = search(office, text);
  else {
    const range = office.ss.getActiveRange();
    const onSheet = range && allLabels("sheet.callbacks").includes(range.getSheet().getName());
    const picked = onSheet
      ? recordsAt<Callback>(office, SCHEMAS.callbacks, sheet, [range.getRow()]).records
      : [];
    // Nothing selected: the call-backs still to make, in either language's label.
    const pending = `^(?:${allLabels("cb.state.pending").map(escapeRe).join("|")})$`;
    matches = picked.length
      ? picked
      : recordsWhere<Callback>(office, SCHEMAS.callbacks, "state", {
          text: pending,
          regex: true,
          entire: true,
        }).records;
  }
  // Open call-backs first, the most urgent first.
  matches.sort(
    (a, b) =>
      Number(b.state === "pending") - Number(a.state === "pending") ||
      (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0),
  );
  const selected = matches[0] ?? null;
  const labels: Record<string, string> = {};
  for (const c of CALLBACK_COLUMNS) labels[c.key] = headerFor(c, office.language);
  for (const k of LABEL_KEYS) labels[k] = t(k);
  return {
    labels,
    methods: CALLBACK_METHODS.map((code) => ({ code, label: choiceLabel("cbMethod", code, t) })),
    satisfactions: SATISFACTION.map((code) => ({ code, label: choiceLabel("satisfaction", code, t) })),
    results: ["reached", "unreachable"].map((code) => ({ code, label: choiceLabel("cbResult", code, t) })),
    matches: matches.slice(0, 30).map((c) => card(office, c)),
    selected: selected ? card(office, selected) : null,
    history: selected ? unitHistory(office, selected.unit) : [],
    now: formatLocal(office.now.getTime(), office.codec.utcOffsetMinutes).replace(" ", "T"),
    isManager: isManager(office),
  };
}
