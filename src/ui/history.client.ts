// The unit history sidebar: everything the office did for a unit, newest first, beside the
// sheet. Owners' words are shown with textContent only.
import { type ApiResult, run } from "./bridge";
import { $, button, failed, input, ready, show } from "./dom";
import { text } from "./words";

type View = ApiResult<"getUnitHistory">;

function div(parent: HTMLElement, className: string, value: string): HTMLDivElement {
  const d = document.createElement("div");
  d.className = className;
  d.textContent = value;
  parent.appendChild(d);
  return d;
}

function draw(v: View) {
  show("", "");
  button("find").textContent = text(v.labels, "cb.dialog.find");
  input("unit").value = v.unit;
  input("unit").placeholder = text(v.labels, "history.unit");
  const owner = $("owner");
  owner.textContent = "";
  owner.style.display = v.owner ? "" : "none";
  if (v.owner) {
    div(owner, "", `${v.owner.unit} · ${v.owner.names} · ${v.owner.phones}`);
    if (v.owner.notes) div(owner, "meta", v.owner.notes);
  }
  const lines = $("lines");
  lines.textContent = "";
  if (!v.lines.length) div(lines, "meta", text(v.labels, "history.empty"));
  for (const l of v.lines) {
    const item = div(lines, "item", "");
    div(item, "meta", `${l.at} · ${l.kind} · ${l.id} · ${l.status}`);
    div(item, "", l.text);
  }
  ready();
}

/** A unit's history; "" is the unit of the row selected in the sheet. */
const load = (unit: string) => run("getUnitHistory", unit).then(draw, failed);

button("find").addEventListener("click", () => void load(input("unit").value));
void load("");
