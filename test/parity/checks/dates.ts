// getValues returns Dates for date cells, as instants read in the spreadsheet's zone, a
// fresh copy each time, and '' for empty cells.
import { isDate, type ParityGlobals, type Recorder, show } from "../report";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function datesFromGetValues(g: ParityGlobals, r: Recorder, scratch: () => Sheet): void {
  const sheet = scratch();
  const zone = sheet.getParent().getSpreadsheetTimeZone();
  const at = new Date(Date.UTC(2026, 2, 2, 1, 30, 0));
  const cells = sheet.getRange(1, 1, 1, 4);
  const first = sheet.getRange(1, 1);
  cells.setNumberFormats([["yyyy-mm-dd hh:mm", "General", "General", "General"]]);
  cells.setValues([[at, "2026-03-02 09:30", "", 42]]);
  g.SpreadsheetApp.flush();
  const [written, typed, empty, number] =
    r.time("SpreadsheetApp.Range.getValues", 4, 1, () => cells.getValues())[0] ?? [];
  const local = (v: unknown) => (isDate(v) ? g.Utilities.formatDate(v, zone, "yyyy-MM-dd HH:mm") : show(v));

  r.ok("a Date written reads back as a Date", isDate(written), `got ${show(written)}`);
  r.same("… the same instant", isDate(written) ? written.getTime() : show(written), at.getTime());
  r.same(
    "… shown in the spreadsheet's zone",
    r.time("SpreadsheetApp.Range.getDisplayValue", 1, 1, () => first.getDisplayValue()),
    g.Utilities.formatDate(at, zone, "yyyy-MM-dd HH:mm"),
  );
  r.same(
    '"2026-03-02 09:30" reads back as that time in the spreadsheet\'s zone',
    local(typed),
    "2026-03-02 09:30",
  );
  r.same("an empty cell reads ''", empty, "");
  r.same("a number stays a number", number, 42);
  if (isDate(written)) written.setFullYear(1999);
  r.same("each read is a fresh Date: changing one changes no cell", first.getValue(), at);
}
