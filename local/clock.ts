// The simulated clock every emulated service and the bundle's `new Date()` read.

export class SimClock {
  private ms: number;

  constructor(start: Date | number) {
    this.ms = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.ms;
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
