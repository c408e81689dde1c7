// The health check: what is missing or wrong in the workbook, and a repair when set-up can
// make one. Texts come from the server in the office's language.
import { type ApiResult, closeDialog, run } from "./bridge";
import { $, button, failed, ready } from "./dom";

function list(el: HTMLElement, items: readonly string[], className: string) {
  el.textContent = "";
  for (const item of items) {
    const li = document.createElement("li");
    li.className = className;
    li.textContent = item;
    el.appendChild(li);
  }
}

function draw(r: ApiResult<"getHealthReport">) {
  $("title").textContent = r.title;
  list($("problems"), r.problems, "problem");
  list($("info"), r.info, "info");
  button("repair").textContent = r.labels.repair;
  button("repair").style.display = r.repairable ? "" : "none";
  button("close").textContent = r.labels.close;
  ready();
}

const load = () => run("getHealthReport").then(draw, failed);

button("repair").addEventListener("click", async () => {
  button("repair").disabled = true;
  try {
    const lines = await run("repairWorkbook");
    $("done").style.display = "block";
    $("done").textContent = lines.join("\n");
    await load();
  } catch (e) {
    failed(e);
  } finally {
    button("repair").disabled = false;
  }
});
button("close").addEventListener("click", closeDialog);
void load();
