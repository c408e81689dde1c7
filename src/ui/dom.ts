// What every dialog does to its page, written once. Texts go in with textContent only, so
// nothing anyone typed (an owner's words, a unit, a name) ever becomes markup.
import { type Labels, text } from "./words";

/** The element with this id; a page without it is a bug, said at once. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is not on this page`);
  return el as T;
}

export const input = (id: string) => $<HTMLInputElement>(id);
export const select = (id: string) => $<HTMLSelectElement>(id);
export const button = (id: string) => $<HTMLButtonElement>(id);

/** Adds a choice to a dropdown. */
export function option(to: HTMLSelectElement, value: string, label: string): void {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  to.appendChild(o);
}

/** Fills a dropdown with coded choices (or plain names), after a blank "—" when the field may stay empty. */
export function options(
  to: HTMLSelectElement,
  choices: readonly ({ code: string; label: string } | string)[],
  blank = false,
): void {
  if (blank) option(to, "", "—");
  for (const c of choices)
    if (typeof c === "string") option(to, c, c);
    else option(to, c.code, c.label);
}

/** Appends a table row of texts: `th` cells for a heading. */
export function appendRow(
  table: HTMLTableElement,
  cells: readonly string[],
  tag: "td" | "th" = "td",
): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const value of cells) {
    const cell = document.createElement(tag);
    cell.textContent = value;
    tr.appendChild(cell);
  }
  table.appendChild(tr);
  return tr;
}

/** Names every `label[data-key]` from the server's texts; `data-required` ones get the mark. */
export function nameLabels(labels: Labels, requiredMark?: string): void {
  for (const l of document.querySelectorAll<HTMLLabelElement>("label[data-key]")) {
    l.textContent = text(labels, l.dataset.key ?? "");
    if (requiredMark && l.hasAttribute("data-required")) {
      const mark = document.createElement("span");
      mark.className = "req";
      mark.textContent = requiredMark;
      l.appendChild(mark);
    }
  }
}

export type StatusKind = "ok" | "bad" | "warn" | "";

/** The page's status line (#status): how a call went; "" hides it. */
export function show(kind: StatusKind, message: string): void {
  const status = $("status");
  status.className = kind;
  status.textContent = message;
}

/** A failed call's message: the server's errors arrive already in the office's language. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Says a failed call in the status line. */
export function failed(error: unknown): void {
  show("bad", errorText(error));
}

/** A fresh id for one submission: a double click or a retry sending it again is saved once. */
export function submissionId(): string {
  return typeof crypto !== "undefined" && crypto.randomUUID
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The values of these form fields, by id. */
export function values<F extends string>(fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) out[f] = $<HTMLInputElement>(f).value;
  return out;
}

/** A problem beside its field (#err-<field>), the field outlined; several problems follow each other. */
export function fieldError(field: string, message: string): void {
  const err = document.getElementById(`err-${field}`);
  if (!err) return;
  err.textContent = err.textContent ? `${err.textContent} ${message}` : message;
  document.getElementById(field)?.classList.add("invalid");
}

/** Clears the problems beside these fields and the status line. */
export function clearErrors(fields: readonly string[]): void {
  for (const f of fields) {
    const err = document.getElementById(`err-${f}`);
    if (err) err.textContent = "";
    document.getElementById(f)?.classList.remove("invalid");
  }
  show("", "");
}

/**
 * Problems beside their fields, and `status` in the status line (all the problems' messages
 * unless told otherwise; "" says nothing there). True when anything was refused.
 */
export function refuse(
  problems: readonly { field: string; message: string }[],
  status = problems.map((p) => p.message).join("\n"),
): boolean {
  for (const p of problems) fieldError(p.field, p.message);
  if (status) show("bad", status);
  return problems.length > 0 || !!status;
}

/** A button that says it is working and takes no second click meanwhile. */
export function busy(b: HTMLButtonElement, on: boolean, idle: string, working: string): void {
  b.disabled = on;
  b.textContent = on ? working : idle;
}

/** The page has drawn itself (the browser tests wait for this). */
export function ready(): void {
  document.body.setAttribute("data-ready", "1");
}
