// The parity suite: plain functions of the Apps Script globals, run against the local
// runtime by vitest (parity.test.ts) and on Google from a scratch project (gas.ts).
import { datesFromGetValues } from "./checks/dates";
import { lockSemantics } from "./checks/locks";
import { setValuesSizes } from "./checks/sizes";
import { triggerLimit } from "./checks/triggers";
import { typing } from "./checks/typing";
import { type Line, lineText, type ParityGlobals, Recorder, type Timing, timingTable } from "./report";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ParityCheck {
  name: string;
  /** `scratch()` gives a fresh sheet, deleted after the check. */
  run(g: ParityGlobals, r: Recorder, scratch: () => Sheet): void;
}

export const CHECKS: ParityCheck[] = [
  { name: "typing", run: typing },
  { name: "setValues sizes", run: setValuesSizes },
  { name: "dates", run: datesFromGetValues },
  { name: "locks", run: (g, r) => lockSemantics(g, r) },
  { name: "triggers", run: (g, r) => triggerLimit(g, r) },
];

export interface CheckResult {
  lines: Line[];
  timings: Timing[];
}

/** Runs one check on scratch sheets of the active spreadsheet; an exception is a failed line. */
export function runCheck(g: ParityGlobals, check: ParityCheck): CheckResult {
  const r = new Recorder(check.name, g.now);
  const spreadsheet = g.SpreadsheetApp.getActiveSpreadsheet();
  const sheets: Sheet[] = [];
  const scratch = () => {
    const sheet = spreadsheet.insertSheet(`parity ${check.name} ${g.Utilities.getUuid().slice(0, 8)}`);
    sheets.push(sheet);
    return sheet;
  };
  try {
    check.run(g, r, scratch);
  } catch (e) {
    r.ok("ran to the end", false, e instanceof Error ? e.message : String(e));
  } finally {
    for (const sheet of sheets) spreadsheet.deleteSheet(sheet);
  }
  return { lines: r.lines, timings: r.timings };
}

/** Every check: its lines, then one timing table, as text for the execution log. */
export function runSuite(g: ParityGlobals): CheckResult & { text: string; failed: number } {
  const results = CHECKS.map((c) => runCheck(g, c));
  const lines = results.flatMap((x) => x.lines);
  const timings = results.flatMap((x) => x.timings);
  const failed = lines.filter((l) => l.ok === false).length;
  const summary = `${lines.length - failed} of ${lines.length} lines passed or skipped, ${failed} failed`;
  const text = [...lines.map(lineText), "", summary, "", timingTable(timings)].join("\n");
  return { lines, timings, text, failed };
}
