// Strings a script writes are parsed as if a person typed them, unless the cell is plain
// text: a formula start (= + - @) is not kept as text, leading zeros go, dates become Dates.
import { isDate, type ParityGlobals, type Recorder, show } from "../report";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const INPUTS = [
  "=1+1",
  "+86 138 1234 5678",
  "-张三",
  "@张三",
  "00123",
  "'00123",
  "2026-03-02",
  "3-2",
  "true",
];
/** The apostrophe is Sheets' text prefix in a formatted cell; in a plain-text cell it is not compared. */
const APOSTROPHE = 5;

export function typing(g: ParityGlobals, r: Recorder, scratch: () => Sheet): void {
  const sheet = scratch();
  const zone = sheet.getParent().getSpreadsheetTimeZone();
  const n = INPUTS.length;
  const general = sheet.getRange(1, 1, 1, n);
  r.time("SpreadsheetApp.Range.setValues", n, 1, () => general.setValues([INPUTS]));
  r.time("SpreadsheetApp.SpreadsheetApp.flush", n, 1, () => g.SpreadsheetApp.flush());
  const values = r.time("SpreadsheetApp.Range.getValues", n, 1, () => general.getValues())[0] ?? [];
  const formulas = r.time("SpreadsheetApp.Range.getFormulas", n, 1, () => general.getFormulas())[0] ?? [];
  const day = (v: unknown) => (isDate(v) ? g.Utilities.formatDate(v, zone, "yyyy-MM-dd") : show(v));

  r.same('"=1+1" becomes a formula', formulas[0], "=1+1");
  r.ok(
    '"+86 138 1234 5678" (a phone with +) is not kept as written',
    values[1] !== INPUTS[1],
    `got ${show(values[1])}`,
  );
  r.ok('"-张三" is not kept as written', values[2] !== INPUTS[2], `got ${show(values[2])}`);
  r.ok('"@张三" is not kept as written', values[3] !== INPUTS[3], `got ${show(values[3])}`);
  r.same('"00123" loses its zeros', values[4], 123);
  r.same(`"'00123" keeps them, without the '`, values[APOSTROPHE], "00123");
  r.same('"2026-03-02" becomes that day, in the spreadsheet\'s zone', day(values[6]), "2026-03-02");
  r.ok('"3-2" becomes a date', isDate(values[7]), `got ${show(values[7])}`);
  r.same('"true" becomes the boolean true', values[8], true);

  const text = sheet.getRange(2, 1, 1, n);
  r.time("SpreadsheetApp.Range.setNumberFormat", n, 1, () => text.setNumberFormat("@"));
  text.setValues([INPUTS]);
  g.SpreadsheetApp.flush();
  const kept = text.getValues()[0] ?? [];
  const compared = (row: unknown[]) => row.filter((_, i) => i !== APOSTROPHE);
  r.same('plain-text cells ("@") keep every string as written', compared(kept), compared(INPUTS));
  r.same("plain-text cells hold no formula", text.getFormulas()[0]?.filter(Boolean), []);
}
