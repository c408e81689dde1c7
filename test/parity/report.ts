// What a parity check reports: pass/fail lines, and the time its operations took as the
// cost model keys them ("Service.Class.member", calls, cells), beside what the model charges.
import { CALIBRATED, callMs, flushMs } from "../../local/costs";

/** The Apps Script globals a check uses, and the clock it reads. */
export interface ParityGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  /** Date.now() where the check runs: the real clock on Google, the modelled one locally. */
  now(): number;
  /**
   * Locally only: someone else holds the lock until the returned function is called. One
   * execution on Google cannot be two, so those lines are skipped there.
   */
  otherHolds?(kind: "document" | "script"): () => void;
}

export interface Line {
  /** true passed, false failed, null skipped. */
  ok: boolean | null;
  check: string;
  what: string;
  detail: string;
}

export interface Timing {
  check: string;
  /** As the meter and the cost model key it: "SpreadsheetApp.Range.setValues". */
  op: string;
  calls: number;
  /** Cells the calls read or wrote in all (pending cells for a flush). */
  cells: number;
  ms: number;
}

export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** A value as a line shows it: Dates as `Date(ISO)`, strings quoted. */
export function show(v: unknown): string {
  if (isDate(v)) return `Date(${v.toISOString()})`;
  if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
  return JSON.stringify(v) ?? String(v);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Collects one check's lines and timings. */
export class Recorder {
  readonly lines: Line[] = [];
  readonly timings: Timing[] = [];

  constructor(
    readonly check: string,
    private readonly now: () => number,
  ) {}

  ok(what: string, passed: boolean, detail = ""): void {
    this.lines.push({ ok: passed, check: this.check, what, detail: passed ? "" : detail });
  }

  same(what: string, actual: unknown, expected: unknown): void {
    const [a, e] = [show(actual), show(expected)];
    this.ok(what, a === e, `got ${a}, expected ${e}`);
  }

  throws(what: string, fn: () => unknown, pattern: RegExp): void {
    try {
      fn();
      this.ok(what, false, "did not throw");
    } catch (e) {
      this.ok(what, pattern.test(message(e)), `threw "${message(e)}", expected ${pattern}`);
    }
  }

  skip(what: string, why: string): void {
    this.lines.push({ ok: null, check: this.check, what, detail: why });
  }

  /** Runs fn, recording how long it took as `calls` calls of `op` over `cells` cells. */
  time<T>(op: string, cells: number, calls: number, fn: () => T): T {
    const started = this.now();
    const result = fn();
    this.add(op, cells, calls, this.now() - started);
    return result;
  }

  /** Records time measured by the check itself (e.g. summed over a loop of single calls). */
  add(op: string, cells: number, calls: number, ms: number): void {
    this.timings.push({ check: this.check, op, calls, cells, ms });
  }
}

/**
 * What the cost model (local/costs.ts) charges for a timing's calls. An op of several keys
 * joined by " + " is one chained call each (newTrigger + create); cells go to the first.
 */
export function modelMs(t: Timing): number {
  const [first = "", ...rest] = t.op.split(" + ");
  const once =
    (first === "SpreadsheetApp.SpreadsheetApp.flush"
      ? flushMs(CALIBRATED, t.cells / t.calls)
      : callMs(CALIBRATED, first, t.cells / t.calls)) +
    rest.reduce((ms, key) => ms + callMs(CALIBRATED, key), 0);
  return once * t.calls;
}

const round = (ms: number) => String(Math.round(ms * 10) / 10);

export function lineText(l: Line): string {
  const head = l.ok === null ? "SKIP" : l.ok ? "PASS" : "FAIL";
  return `${head} ${l.check}: ${l.what}${l.detail ? ` — ${l.detail}` : ""}`;
}

/** The timings as the table test/parity/README.md describes. */
export function timingTable(timings: Timing[]): string {
  return [
    "| check | operation | calls | cells | ms | model ms |",
    "|---|---|---|---|---|---|",
    ...timings.map(
      (t) => `| ${t.check} | ${t.op} | ${t.calls} | ${t.cells} | ${round(t.ms)} | ${round(modelMs(t))} |`,
    ),
  ].join("\n");
}
