// Sending a dialog's form: one submission at a time, each with an id the server saves once
// (a double click or a retry sends the same id; a new one follows each save), the dialog
// saying it is busy meanwhile. A refusal is shown beside its fields, a failure in the status line.
import type { Problem } from "./checks";
import { $, busy, button, clearErrors, failed, refuse, submissionId, values } from "./dom";
import { type Labels, text } from "./words";

interface Refused {
  ok: false;
  errors: readonly { field: string; message: string }[];
  message: string;
}

export interface Sender {
  readonly busy: boolean;
  /** A new submission from here on (a new form), even without a save. */
  renew(): void;
  /** Runs the call with the submission's id: its result when saved, else null (said on the page). */
  send<R extends { ok: true } | Refused>(
    call: (id: string) => Promise<R>,
  ): Promise<Exclude<R, Refused> | null>;
}

/** `onBusy(true)` before a call, `onBusy(false)` after it: buttons disabled and saying so. */
export function sender(onBusy: (on: boolean) => void): Sender {
  let id = submissionId();
  let busy = false;
  return {
    get busy() {
      return busy;
    },
    renew() {
      id = submissionId();
    },
    async send(call) {
      busy = true;
      onBusy(true);
      try {
        const result = await call(id);
        if (!result.ok) {
          refuse(result.errors, result.message);
          return null;
        }
        id = submissionId();
        return result as Exclude<typeof result, Refused>;
      } catch (e) {
        failed(e);
        return null;
      } finally {
        busy = false;
        onBusy(false);
      }
    },
  };
}

/** A dialog's form checked by the domain's rule before it is sent once. */
export interface CheckedFormSpec<O, F extends string, R> {
  /** The form's fields, by id: their values are what is checked and sent. */
  fields: readonly F[];
  /** The submit button's texts, at rest and while sending: keys of the options' labels. */
  button: readonly [idle: string, working: string];
  /** The problems to refuse before sending, from the values, the options and how long the dialog is open. */
  check(values: Record<F, string>, options: O, openForMs: number): readonly Problem[];
  /** Problems beside their fields only (short marks that would say nothing in the status line). */
  quiet?: boolean;
  send(values: Record<F, string>, id: string): Promise<R>;
  saved(result: Exclude<R, Refused>, options: O): void;
}

/** Wires the page's #form to `spec`; `opened(options)` once the dialog has drawn itself. */
export function checkedForm<O extends { labels: Labels }, F extends string, R extends { ok: true } | Refused>(
  spec: CheckedFormSpec<O, F, R>,
): { opened(options: O): void; renew(): void } {
  let options: O | null = null;
  let openedAt = 0;
  const form = sender((on) => {
    if (options)
      busy(button("submit"), on, text(options.labels, spec.button[0]), text(options.labels, spec.button[1]));
  });
  $("form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const o = options;
    if (form.busy || !o) return;
    clearErrors(spec.fields);
    const entered = values(spec.fields);
    if (refuse(spec.check(entered, o, Date.now() - openedAt), spec.quiet ? "" : undefined)) return;
    const result = await form.send((id) => spec.send(entered, id));
    if (result) spec.saved(result, o);
  });
  return {
    opened(o) {
      options = o;
      openedAt = Date.now();
    },
    renew: () => form.renew(),
  };
}
