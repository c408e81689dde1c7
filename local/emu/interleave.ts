// Something happening between two calls of a running execution: a person's edit, sort or
// row insert, or another execution, landing right before the call that matches a rule.
import { Meter } from "../meter";

export interface InterleaveWhen {
  /** The call as the meter counts it, "Service.Class.member" (e.g. "SpreadsheetApp.Range.setValues"), or a pattern. */
  call: string | RegExp;
  /** The nth matching call (from when the rule is added) is the one; 1 by default. */
  nth?: number;
  /** Only calls made by an execution of this entry point (the innermost running one). */
  during?: string;
}

export interface Interleaving {
  /** Whether the action ran. */
  readonly fired: boolean;
  /** What the action threw, if it did (it never reaches the execution it interrupted). */
  readonly error: unknown;
  cancel(): void;
}

interface Rule extends InterleaveWhen {
  action: () => void;
  seen: number;
  fired: boolean;
  error: unknown;
}

/** A Meter that runs pending actions right before the script call they wait for. */
export class InterleavingMeter extends Meter {
  /** The innermost running execution's entry point, or null; set by the runtime. */
  execution: () => string | null = () => null;
  private rules: Rule[] = [];
  private hush = 0;

  override quietly<T>(fn: () => T): T {
    this.hush += 1;
    try {
      return super.quietly(fn);
    } finally {
      this.hush -= 1;
    }
  }

  override record(service: string, member: string, cells = 0): void {
    if (this.hush === 0 && this.rules.length) this.before(`${service}.${member}`);
    super.record(service, member, cells);
  }

  schedule(when: InterleaveWhen, action: () => void): Interleaving {
    const rule: Rule = { ...when, action, seen: 0, fired: false, error: undefined };
    this.rules.push(rule);
    return {
      get fired() {
        return rule.fired;
      },
      get error() {
        return rule.error;
      },
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
  }

  private before(key: string) {
    const running = this.execution();
    if (running === null) return;
    for (const rule of [...this.rules]) {
      const call = typeof rule.call === "string" ? rule.call === key : rule.call.test(key);
      if (!call || (rule.during !== undefined && rule.during !== running)) continue;
      rule.seen += 1;
      if (rule.seen < (rule.nth ?? 1)) continue;
      // Removed before it runs: an action that makes the same call must not fire itself again.
      this.rules = this.rules.filter((r) => r !== rule);
      rule.fired = true;
      try {
        rule.action();
      } catch (e) {
        rule.error = e;
      }
    }
  }
}
