// What is to happen next, in time order: a min-heap of events by time, then by the order they
// were scheduled (two at the same minute happen as planned).

interface Event {
  at: number;
  seq: number;
  run: () => void;
}

/** A min-heap of events by time, then by the order they were scheduled. */
export class Agenda {
  private heap: Event[] = [];
  private seq = 0;

  add(at: number, run: () => void) {
    const e = { at, seq: this.seq++, run };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, h[p] as Event)) break;
      h[i] = h[p] as Event;
      i = p;
    }
    h[i] = e;
  }

  peek(): Event | undefined {
    return this.heap[0];
  }

  pop(): Event | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || !h.length) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && before(h[r] as Event, h[l] as Event) ? r : l;
      if (!before(h[c] as Event, last)) break;
      h[i] = h[c] as Event;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

const before = (a: Event, b: Event) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
