// Counts every emulated Apps Script service call and models the execution time it
// would cost on Google (local/costs.ts), so tests can assert batching and the limits bite.
import { CALIBRATED, type CostModel, callMs, classify, flushMs } from "./costs";

/** The cost model; `perCallMs` entries (by "Service.Class.member") win over its rules. */
export type CallCosts = CostModel;

export interface ExecutionRecord {
  label: string;
  startedAt: number;
  modelledMs: number;
  calls: number;
  /** Cells fetched by reads (values, display values, formats, validations, notes). */
  cellsRead: number;
  /** Cells sent by writes, of any family. */
  cellsWritten: number;
  /** Write-cache commits: explicit flush(), reads after writes, and the one at the end. */
  flushes: number;
  /** Of modelledMs, time spent waiting (sleep, a held lock): not scaled by the pessimistic band. */
  waitedMs: number;
  error?: string;
}

interface Running extends ExecutionRecord {
  limitMs: number;
  /** Cells written since the last flush; -1 when nothing is pending. */
  pendingCells: number;
}

export class ExecutionTimeExceeded extends Error {
  constructor() {
    super("Exceeded maximum execution time");
    this.name = "Exception";
  }
}

export class Meter {
  readonly counts = new Map<string, number>();
  readonly executions: ExecutionRecord[] = [];
  costs: CallCosts;
  /** Running executions, innermost last: one can start inside another's call. */
  private readonly stack: Running[] = [];
  private quiet = 0;

  constructor(costs: Partial<CallCosts> = {}) {
    this.costs = {
      ...CALIBRATED,
      ...costs,
      perCallMs: { ...CALIBRATED.perCallMs, ...costs.perCallMs },
    };
  }

  /** Records one call; throws like Apps Script once the running execution is over its limit. */
  record(service: string, member: string, cells = 0): void {
    if (this.quiet > 0) return;
    const key = `${service}.${member}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const run = this.top;
    if (!run) return;
    run.calls += 1;
    const op = classify(key);
    let ms = callMs(this.costs, key, cells);
    if (op.io === "flush") {
      ms += Math.max(0, run.pendingCells) * this.costs.flushPerCellMs;
      this.settle(run);
    } else if (op.io === "read" || op.io === "scan") {
      // Google commits the write cache before any read so the read sees the writes.
      if (run.pendingCells >= 0) ms += this.commit(run);
      if (op.family !== "structure") run.cellsRead += cells;
    } else if (op.io === "write") {
      run.pendingCells = Math.max(0, run.pendingCells) + cells;
      run.cellsWritten += cells;
    }
    this.add(run, ms);
  }

  /** Adds waited time (Utilities.sleep, a held lock) to the running execution. */
  charge(ms: number): void {
    const run = this.top;
    if (!run || this.quiet > 0) return;
    run.waitedMs += ms;
    this.add(run, ms);
  }

  /** Runs fn without counting or charging: for tests and tools that inspect the fakes. */
  quietly<T>(fn: () => T): T {
    this.quiet += 1;
    try {
      return fn();
    } finally {
      this.quiet -= 1;
    }
  }

  /** Starts an execution on top of any running one; charges go to it until it ends. */
  beginExecution(label: string, startedAt: number, limitMs: number): void {
    this.stack.push({
      label,
      startedAt,
      modelledMs: 0,
      calls: 0,
      cellsRead: 0,
      cellsWritten: 0,
      flushes: 0,
      waitedMs: 0,
      limitMs,
      pendingCells: -1,
    });
  }

  /** Ends the innermost running execution (committing its pending writes) and returns its record. */
  endExecution(error?: unknown): ExecutionRecord | null {
    const run = this.stack.pop();
    if (!run) return null;
    if (run.pendingCells >= 0) run.modelledMs += this.commit(run);
    const { limitMs: _limit, pendingCells: _pending, ...record } = run;
    if (error !== undefined) record.error = error instanceof Error ? error.message : String(error);
    this.executions.push(record);
    return record;
  }

  get running(): boolean {
    return this.stack.length > 0;
  }

  /** Modelled ms of the innermost running execution so far (0 when none runs). */
  get elapsedMs(): number {
    return this.top?.modelledMs ?? 0;
  }

  /** Calls of one service, e.g. "SpreadsheetApp" (all its classes) or "MailApp". */
  total(service?: string): number {
    let sum = 0;
    for (const [key, n] of this.counts) if (!service || key.startsWith(`${service}.`)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }

  private get top(): Running | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The cost of committing what is pending; clears it. */
  private commit(run: Running): number {
    const ms = flushMs(this.costs, Math.max(0, run.pendingCells));
    this.settle(run);
    return ms;
  }

  private settle(run: Running) {
    run.pendingCells = -1;
    run.flushes += 1;
  }

  private add(run: Running, ms: number) {
    run.modelledMs += ms;
    if (run.modelledMs > run.limitMs) throw new ExecutionTimeExceeded();
  }
}
