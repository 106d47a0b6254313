/**
 * A binary min-heap of events ordered by (time, sequence). A heap alone does not keep
 * insertion order for equal times; the sequence number does, which keeps runs
 * deterministic (STYLE.md §4; after mourner/tinyqueue).
 *
 * Each event's time and sequence are also kept in two typed arrays beside the heap, slot for
 * slot: a sift compares numbers read from contiguous memory instead of reaching into event
 * objects scattered over the heap (a cache miss per comparison; with a thousand users the
 * comparisons were 4 % of a run).
 */

/** Anything schedulable: the queue only reads `t` and `seq`. */
export interface Scheduled {
  /** Virtual time in ms. */
  t: number;
  /** Insertion order, assigned by the queue. */
  seq: number;
}

const INITIAL_CAPACITY = 1024;

export class EventQueue<E extends Scheduled> {
  private readonly heap: E[] = [];
  /** `heap[i].t` and `heap[i].seq`, slot for slot. */
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Schedule an event; its `seq` is overwritten with the next sequence number. */
  push(event: E): void {
    const seq = (event.seq = this.nextSeq++);
    const t = event.t;
    const heap = this.heap;
    let i = heap.push(event) - 1;
    if (i >= this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < t || (pt === t && seqs[parent]! < seq)) break;
      heap[i] = heap[parent]!;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      i = parent;
    }
    heap[i] = event;
    times[i] = t;
    seqs[i] = seq;
  }

  /** The time of the earliest event, Infinity when there is none (read without touching the event). */
  nextTime(): number {
    return this.heap.length === 0 ? Infinity : this.times[0]!;
  }

  /** The earliest event without removing it. */
  peek(): E | undefined {
    return this.heap[0];
  }

  /** Remove and return the earliest event. */
  pop(): E | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    const times = this.times;
    const seqs = this.seqs;
    const n = heap.length;
    const lt = times[n]!;
    const ls = seqs[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let child = l;
      if (r < n) {
        const rt = times[r]!;
        const lft = times[l]!;
        if (rt < lft || (rt === lft && seqs[r]! < seqs[l]!)) child = r;
      }
      const ct = times[child]!;
      if (ct > lt || (ct === lt && seqs[child]! > ls)) break;
      heap[i] = heap[child]!;
      times[i] = ct;
      seqs[i] = seqs[child]!;
      i = child;
    }
    heap[i] = last;
    times[i] = lt;
    seqs[i] = ls;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
