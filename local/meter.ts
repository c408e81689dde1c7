// Counts every emulated Apps Script service call and models the execution time it
// would cost on Google, so tests can assert batching and the 6-minute limit bites.

export interface CallCosts {
  /** Modelled milliseconds for a call, by "Service.Member" (e.g. "SpreadsheetApp.Range.getValues"). */
  perCallMs: Record<string, number>;
  /** Modelled milliseconds for any call not listed in perCallMs. */
  defaultMs: number;
  /** Extra modelled milliseconds per cell read or written by a range call. */
  perCellMs: number;
}

export const DEFAULT_COSTS: CallCosts = {
  perCallMs: {
    "MailApp.MailApp.sendEmail": 250,
    "SpreadsheetApp.SpreadsheetApp.flush": 50,
  },
  defaultMs: 20,
  perCellMs: 0.002,
};

export interface ExecutionRecord {
  label: string;
  startedAt: number;
  modelledMs: number;
  calls: number;
  error?: string;
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
  private readonly stack: (ExecutionRecord & { limitMs: number })[] = [];
  private quiet = 0;

  constructor(costs: Partial<CallCosts> = {}) {
    this.costs = {
      ...DEFAULT_COSTS,
      ...costs,
      perCallMs: { ...DEFAULT_COSTS.perCallMs, ...costs.perCallMs },
    };
  }

  /** Records one call; throws like Apps Script once the running execution is over its limit. */
  record(service: string, member: string, cells = 0): void {
    if (this.quiet > 0) return;
    const key = `${service}.${member}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.charge((this.costs.perCallMs[key] ?? this.costs.defaultMs) + cells * this.costs.perCellMs);
    const run = this.top;
    if (run) run.calls += 1;
  }

  /** Adds modelled time (e.g. Utilities.sleep) to the running execution. */
  charge(ms: number): void {
    const run = this.top;
    if (!run || this.quiet > 0) return;
    run.modelledMs += ms;
    if (run.modelledMs > run.limitMs) throw new ExecutionTimeExceeded();
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
    this.stack.push({ label, startedAt, modelledMs: 0, calls: 0, limitMs });
  }

  /** Ends the innermost running execution and returns its record. */
  endExecution(error?: unknown): ExecutionRecord | null {
    const run = this.stack.pop();
    if (!run) return null;
    const { limitMs: _limit, ...record } = run;
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

  private get top(): (ExecutionRecord & { limitMs: number }) | undefined {
    return this.stack[this.stack.length - 1];
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
}
