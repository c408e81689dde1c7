// The Log complaint dialog: checks the form with the complaint's own rules, then saves it once.
import { INTAKE_FIELDS, type IntakeInput } from "../domain/intake";
import { type ApiResult, closeDialog, run } from "./bridge";
import { intakeProblems } from "./checks";
import {
  $,
  busy,
  button,
  clearErrors,
  errorText,
  input,
  nameLabels,
  options,
  ready,
  refuse,
  select,
  show,
  submissionId,
  values,
} from "./dom";
import { fill, text } from "./words";

let opts: ApiResult<"getIntakeOptions"> | null = null;
let openedAt = 0;
let submission = "";
let saving = false;

function setSaving(on: boolean, o: NonNullable<typeof opts>) {
  saving = on;
  busy(button("submit"), on, text(o.labels, "intake.submit"), text(o.labels, "intake.saving"));
}

async function submit(ev: Event) {
  ev.preventDefault();
  const o = opts;
  if (saving || !o) return;
  clearErrors(INTAKE_FIELDS);
  const form: IntakeInput = values(INTAKE_FIELDS);
  if (refuse(intakeProblems(form, o, Date.now() - openedAt))) return;
  setSaving(true, o);
  try {
    // The same id on a retry or double click: the server saves it once.
    const result = await run("submitComplaint", form, submission);
    if (!result.ok) {
      refuse(result.errors, result.message);
      return;
    }
    const recurrence = result.recurrenceOf
      ? `\n${fill(text(o.labels, "intake.recurrence"), { id: result.recurrenceOf })}`
      : "";
    show("ok", result.message + recurrence);
    button("submit").style.display = "none";
    button("another").style.display = "";
  } catch (e) {
    show("bad", errorText(e));
  } finally {
    setSaving(false, o);
  }
}

function another() {
  $<HTMLFormElement>("form").reset();
  clearErrors(INTAKE_FIELDS);
  submission = submissionId();
  button("submit").style.display = "";
  button("another").style.display = "none";
  input("unit").focus();
}

function draw(o: NonNullable<typeof opts>) {
  opts = o;
  openedAt = Date.now();
  document.documentElement.lang = o.language;
  document.title = text(o.labels, "intake.title");
  nameLabels(o.labels, text(o.labels, "intake.required"));
  $("receivedAtHint").textContent = text(o.labels, "intake.hint.receivedAt");
  input("receivedAt").max = o.now;
  options(select("channel"), o.channels);
  options(select("category"), o.categories, true);
  options(select("severity"), o.severities, true);
  button("submit").textContent = text(o.labels, "intake.submit");
  button("another").textContent = text(o.labels, "intake.another");
  button("close").textContent = text(o.labels, "intake.close");
  submission = submissionId();
  ready();
}

$("form").addEventListener("submit", submit);
button("another").addEventListener("click", another);
button("close").addEventListener("click", closeDialog);
run("getIntakeOptions").then(draw, (e) => show("bad", errorText(e)));
