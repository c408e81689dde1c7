// The Log complaint dialog: checks the form with the complaint's own rules, then saves it once.
import { INTAKE_FIELDS } from "../domain/intake";
import { type ApiResult, closeDialog, run } from "./bridge";
import { intakeProblems } from "./checks";
import { $, button, clearErrors, failed, input, nameLabels, options, ready, select, show } from "./dom";
import { checkedForm } from "./send";
import { fill, text } from "./words";

const form = checkedForm({
  fields: INTAKE_FIELDS,
  button: ["intake.submit", "intake.saving"],
  check: intakeProblems,
  send: (complaint, id) => run("submitComplaint", complaint, id),
  saved(result, o: ApiResult<"getIntakeOptions">) {
    const recurrence = result.recurrenceOf
      ? `\n${fill(text(o.labels, "intake.recurrence"), { id: result.recurrenceOf })}`
      : "";
    show("ok", result.message + recurrence);
    button("submit").style.display = "none";
    button("another").style.display = "";
  },
});

function another() {
  $<HTMLFormElement>("form").reset();
  clearErrors(INTAKE_FIELDS);
  form.renew();
  button("submit").style.display = "";
  button("another").style.display = "none";
  input("unit").focus();
}

function draw(o: ApiResult<"getIntakeOptions">) {
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
  form.opened(o);
  ready();
}

button("another").addEventListener("click", another);
button("close").addEventListener("click", closeDialog);
run("getIntakeOptions").then(draw, failed);
