// The Log service dialog: a repair or housekeeping service, checked with the service's own
// rules (src/domain/service.ts), saved once as a call-back due some business days later.
import { SERVICE_FIELDS } from "../domain/service";
import { type ApiResult, closeDialog, run } from "./bridge";
import { serviceProblems } from "./checks";
import {
  $,
  busy,
  button,
  clearErrors,
  failed,
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
import { text } from "./words";

type Options = ApiResult<"getServiceOptions">;
let opts: Options | null = null;
let openedAt = 0;
let submission = "";
let saving = false;

function setSaving(on: boolean, o: Options) {
  saving = on;
  busy(button("submit"), on, text(o.labels, "svc.save"), text(o.labels, "intake.saving"));
}

async function submit(ev: Event) {
  ev.preventDefault();
  const o = opts;
  if (saving || !o) return;
  clearErrors(SERVICE_FIELDS);
  const form = values(SERVICE_FIELDS);
  // A missing field is marked beside it ("required"): the mark alone says nothing in the status line.
  if (refuse(serviceProblems(form, o, Date.now() - openedAt), "")) return;
  setSaving(true, o);
  try {
    const result = await run("submitService", form, submission);
    if (!result.ok) {
      refuse(result.errors, result.message);
      return;
    }
    show("ok", result.message);
    $<HTMLFormElement>("form").reset();
    submission = submissionId();
  } catch (e) {
    failed(e);
  } finally {
    setSaving(false, o);
  }
}

function draw(o: Options) {
  opts = o;
  openedAt = Date.now();
  nameLabels(o.labels);
  options(select("source"), o.sources);
  options(select("department"), o.departments, true);
  input("doneAt").max = o.now;
  button("submit").textContent = text(o.labels, "svc.save");
  button("close").textContent = text(o.labels, "intake.close");
  submission = submissionId();
  ready();
}

$("form").addEventListener("submit", submit);
button("close").addEventListener("click", closeDialog);
run("getServiceOptions").then(draw, failed);
