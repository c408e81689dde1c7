// The Log service dialog: a repair or housekeeping service, checked with the service's own
// rules (src/domain/service.ts), saved once as a call-back due some business days later.
import { SERVICE_FIELDS } from "../domain/service";
import { type ApiResult, closeDialog, run } from "./bridge";
import { serviceProblems } from "./checks";
import { $, button, failed, input, nameLabels, options, ready, select, show } from "./dom";
import { checkedForm } from "./send";
import { text } from "./words";

const form = checkedForm({
  fields: SERVICE_FIELDS,
  button: ["svc.save", "intake.saving"],
  check: serviceProblems,
  // A missing field is marked beside it ("required"): the mark alone says nothing in the status line.
  quiet: true,
  send: (service, id) => run("submitService", service, id),
  saved(result) {
    show("ok", result.message);
    $<HTMLFormElement>("form").reset();
  },
});

function draw(o: ApiResult<"getServiceOptions">) {
  nameLabels(o.labels);
  options(select("source"), o.sources);
  options(select("department"), o.departments, true);
  input("doneAt").max = o.now;
  button("submit").textContent = text(o.labels, "svc.save");
  button("close").textContent = text(o.labels, "intake.close");
  form.opened(o);
  ready();
}

button("close").addEventListener("click", closeDialog);
run("getServiceOptions").then(draw, failed);
