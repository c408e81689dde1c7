// The identify dialog. google.script.run calls run as the person, so Google gives the server
// their email here, which a simple onEdit does not get; nothing typed is trusted for who
// someone is.
import { type ApiResult, closeDialog, run } from "./bridge";
import { $, button, failed, ready, show } from "./dom";

function draw(v: ApiResult<"getIdentity">) {
  $("text").textContent = v.text;
  button("confirm").textContent = v.labels.confirm;
  button("confirm").style.display = v.email && !v.known ? "" : "none";
  button("close").textContent = v.labels.close;
  ready();
}

button("confirm").addEventListener("click", async () => {
  const confirm = button("confirm");
  confirm.disabled = true;
  try {
    const r = await run("identifyMe");
    show(r.ok ? "ok" : "bad", r.message);
    if (r.ok) confirm.style.display = "none";
  } catch (e) {
    failed(e);
  } finally {
    confirm.disabled = false;
  }
});
button("close").addEventListener("click", closeDialog);
run("getIdentity").then(draw, failed);
