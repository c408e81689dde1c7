// The cost model the bench and the 6-minute limit rely on.
import { describe, expect, it } from "vitest";
import { Meter } from "../../../local/meter";

describe("Meter executions", () => {
  it("charges an execution started inside another to the inner one, then resumes the outer", () => {
    const meter = new Meter();
    meter.beginExecution("outer", 0, 360_000);
    meter.charge(100);
    meter.beginExecution("inner", 0, 30_000);
    meter.charge(40);
    expect(meter.elapsedMs).toBe(40);
    const inner = meter.endExecution();
    expect(inner?.label).toBe("inner");
    expect(inner?.modelledMs).toBe(40);
    expect(meter.elapsedMs).toBe(100);
    meter.charge(5);
    expect(meter.endExecution()?.modelledMs).toBe(105);
    expect(meter.elapsedMs).toBe(0);
    expect(meter.running).toBe(false);
  });

  it("stops the inner execution at its own limit, not the outer one's", () => {
    const meter = new Meter();
    meter.beginExecution("run", 0, 360_000);
    meter.beginExecution("dialog", 0, 1_000);
    expect(() => meter.charge(1_500)).toThrow("Exceeded maximum execution time");
  });
});
