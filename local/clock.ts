// The simulated clock every emulated service and the bundle's `new Date()` read.
// Between executions it stands still; during one it reads the execution's start plus the
// modelled time spent so far, as a real run's clock moves while it works.

export class SimClock {
  private ms: number;
  private during: (() => number | null) | null = null;

  constructor(start: Date | number) {
    this.ms = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.during?.() ?? this.ms;
  }

  /** The reading between executions (what `set` and `advance` move). */
  get resting(): number {
    return this.ms;
  }

  /** Lets the running execution (if any) decide what `now()` reads. */
  follow(reader: () => number | null): void {
    this.during = reader;
  }

  /** Moves time forward only: a clock that runs backwards would break every deadline rule. */
  set(ms: number): void {
    if (ms < this.ms) throw new Error(`clock cannot go back from ${new Date(this.ms).toISOString()}`);
    this.ms = ms;
  }

  advance(ms: number): void {
    this.set(this.ms + ms);
  }
}
