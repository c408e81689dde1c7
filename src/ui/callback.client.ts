// The Record call-back dialog: find the call-back (selected row, unit or ID), see the unit's
// history, record the call with the outcome's own rules (validateOutcome), or, as the
// manager, close a complaint whose owner answered neutral. Owners' words: textContent only.
import type { OutcomeInput } from "../domain/callback";
import { type ApiResult, closeDialog, run } from "./bridge";
import { managerCloseProblems, outcomeProblems } from "./checks";
import {
  $,
  appendRow,
  busy,
  button,
  clearErrors,
  failed,
  input,
  nameLabels,
  option,
  options,
  ready,
  refuse,
  select,
  show,
  values,
} from "./dom";
import { sender } from "./send";
import { text } from "./words";

type Data = ApiResult<"getCallbackDialogData">;
type Card = NonNullable<Data["selected"]>;

const CALL_FIELDS = ["result", "method", "satisfaction", "remarks", "followUp", "calledAt"] as const;
const ERROR_FIELDS = [...CALL_FIELDS, "id", "reason"];

let data: Data | null = null;
let current: Card | null = null;
let openedAt = 0;
const calls = sender((on) => {
  if (data)
    busy(button("submit"), on, text(data.labels, "cb.dialog.save"), text(data.labels, "cb.dialog.saving"));
  button("managerClose").disabled = on;
});

function line(parent: HTMLElement, name: string, value: string) {
  const d = document.createElement("div");
  const b = document.createElement("b");
  b.textContent = name;
  d.append(b, ` ${value}`);
  parent.appendChild(d);
}

function drawCard(L: Data["labels"], c: Card | null) {
  const card = $("card");
  card.textContent = "";
  button("submit").disabled = !c;
  $("followUpHint").style.display = c?.followUp ? "block" : "none";
  $("manager").style.display = c?.followUp && data?.isManager ? "block" : "none";
  if (!c) {
    card.textContent = text(L, "cb.dialog.none");
    return;
  }
  line(card, text(L, "id"), `${c.id} · ${c.source}${c.ref ? ` · ${c.ref}` : ""}`);
  line(card, text(L, "unit"), `${c.unit} ${c.owner} ${c.contact}`);
  line(card, text(L, "content"), c.content);
  line(card, text(L, "doneAt"), `${c.doneAt}  ${text(L, "dueAt")}: ${c.dueAt}`);
  line(card, text(L, "handler"), c.handler);
  line(card, text(L, "state"), c.state + (c.attempts ? ` (${c.attempts})` : ""));
  if (c.lastAnswer) line(card, text(L, "cb.dialog.lastAnswer"), c.lastAnswer);
}

function draw(d: Data) {
  data = d;
  current = d.selected;
  openedAt = Date.now();
  const matches = select("matches");
  matches.textContent = "";
  for (const m of d.matches) option(matches, m.id, `${m.id} · ${m.unit} · ${m.state} · ${m.dueAt}`);
  matches.style.display = d.matches.length > 1 ? "" : "none";
  drawCard(d.labels, current);
  const history = $<HTMLTableElement>("history");
  history.textContent = "";
  for (const h of d.history) appendRow(history, [h.at, h.kind, h.id, h.text, h.status]);
  calls.renew();
  ready();
}

/** The texts and choices, from the first answer: they do not change while the dialog is open. */
function drawOnce(d: Data) {
  const L = d.labels;
  nameLabels(L);
  input("query").placeholder = text(L, "cb.dialog.search");
  button("find").textContent = text(L, "cb.dialog.find");
  button("submit").textContent = text(L, "cb.dialog.save");
  button("close").textContent = text(L, "intake.close");
  $("historyTitle").textContent = text(L, "cb.dialog.history");
  $("followUpHint").textContent = text(L, "cb.dialog.followUpHint");
  $("managerTitle").textContent = text(L, "cb.dialog.managerTitle");
  $("reasonLabel").textContent = text(L, "cb.dialog.reason");
  button("managerClose").textContent = text(L, "cb.dialog.managerClose");
  options(select("result"), d.results);
  options(select("method"), d.methods, true);
  options(select("satisfaction"), d.satisfactions, true);
  input("calledAt").max = d.now;
  draw(d);
}

const load = (query: string) => run("getCallbackDialogData", query).then(draw, failed);

/** An owner not reached has no satisfaction to give. */
function syncSatisfaction() {
  select("satisfaction").disabled = select("result").value === "unreachable";
}

/** Sends a call (or the manager's close) once; a saved one reloads the call-back as it is now. */
async function save(card: Card, form: OutcomeInput | { managerClose: true; reason: string }) {
  const saved = await calls.send((id) => run("recordCallback", card.id, form, id));
  if (!saved) return;
  // A warning (an alert email that could not go out) is said beside the save, never as a failure.
  show(saved.warnings.length ? "warn" : "ok", [saved.message, ...saved.notes, ...saved.warnings].join("\n"));
  $<HTMLFormElement>("form").reset();
  input("reason").value = "";
  syncSatisfaction();
  await load(card.id);
}

$("form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const d = data;
  const card = current;
  if (calls.busy || !d || !card) return;
  clearErrors(ERROR_FIELDS);
  const form: OutcomeInput = values(CALL_FIELDS);
  if (refuse(outcomeProblems(card, form, d, Date.now() - openedAt))) return;
  void save(card, form);
});

button("managerClose").addEventListener("click", () => {
  const d = data;
  const card = current;
  if (calls.busy || !d || !card) return;
  clearErrors(ERROR_FIELDS);
  const reason = input("reason").value;
  if (refuse(managerCloseProblems(card, reason, d.labels))) return;
  void save(card, { managerClose: true, reason });
});

button("find").addEventListener("click", () => {
  clearErrors(ERROR_FIELDS);
  void load(input("query").value);
});
select("matches").addEventListener("change", () => {
  clearErrors(ERROR_FIELDS);
  void load(select("matches").value);
});
select("result").addEventListener("change", syncSatisfaction);
button("close").addEventListener("click", closeDialog);
run("getCallbackDialogData", "").then(drawOnce, failed);
