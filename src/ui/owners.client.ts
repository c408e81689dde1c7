// The Import owners dialog: a pasted list, a CSV or an .xlsx (read here, in the browser),
// previewed by the server with its refused rows, then imported. Owners' names and notes are
// shown with textContent only.
import { type ApiResult, closeDialog, run } from "./bridge";
import { $, appendRow, button, failed, input, ready, show, submissionId } from "./dom";
import { text } from "./words";
import { asTsv, readXlsx } from "./xlsx";

type Report = ApiResult<"previewOwners">;

let labels: NonNullable<Report["labels"]> = {};
let submission = "";
let busy = false;

function draw(report: Report) {
  const table = $<HTMLTableElement>("rows");
  table.textContent = "";
  if (!report.ok) {
    show("bad", report.message);
    button("import").disabled = true;
    return;
  }
  show("ok", report.message);
  const L = labels;
  appendRow(
    table,
    [
      text(L, "owners.col.line"),
      text(L, "unit"),
      text(L, "names"),
      text(L, "phones"),
      text(L, "owners.col.action"),
    ],
    "th",
  );
  for (const r of report.rows) {
    const tr = appendRow(table, [String(r.line), r.unit, r.names, r.phones, r.problem || r.action]);
    if (r.problem) tr.className = "refused";
  }
  button("import").disabled = !(report.counts.add + report.counts.update);
}

/** One call at a time; its report is drawn, its failure said. */
async function call(fn: () => Promise<Report>) {
  if (busy) return;
  busy = true;
  try {
    draw(await fn());
  } catch (e) {
    failed(e);
  } finally {
    busy = false;
  }
}

/** A changed list must be previewed again before it is imported. */
const listChanged = () => {
  button("import").disabled = true;
};

button("preview").addEventListener("click", () => {
  void call(() => {
    // The import of what this preview shows is saved once, however often it is clicked.
    submission = submissionId();
    return run("previewOwners", $<HTMLTextAreaElement>("text").value);
  });
});
button("import").addEventListener("click", async () => {
  button("import").disabled = true;
  await call(() => run("importOwners", $<HTMLTextAreaElement>("text").value, submission));
  // Imported: the refused lines stay listed, with nothing more to import until a new preview.
  button("import").disabled = true;
});

input("file").addEventListener("change", async () => {
  const file = input("file").files?.[0];
  if (!file) return;
  try {
    $<HTMLTextAreaElement>("text").value = /\.xlsx$/i.test(file.name)
      ? asTsv(
          await readXlsx(await file.arrayBuffer(), (xml) =>
            new DOMParser().parseFromString(xml, "application/xml"),
          ),
        )
      : await file.text();
    listChanged();
  } catch (e) {
    failed(e);
  }
});
$("text").addEventListener("input", listChanged);
button("close").addEventListener("click", closeDialog);

// An empty preview brings the dialog's texts.
run("previewOwners", "").then((r) => {
  labels = r.labels ?? {};
  $("hint").textContent = text(labels, "owners.hint");
  $("fileLabel").textContent = text(labels, "owners.file");
  button("preview").textContent = text(labels, "owners.preview");
  button("import").textContent = text(labels, "owners.import");
  button("close").textContent = text(labels, "intake.close");
  ready();
}, failed);
