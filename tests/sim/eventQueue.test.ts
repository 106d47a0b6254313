import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/sim/eventQueue';

describe('EventQueue', () => {
  it('pops by time, and by insertion order for equal times', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
      const q = new EventQueue<{ t: number; seq: number; i: number }>();
      times.forEach((t, i) => q.push({ t, seq: 0, i }));
      const out: Array<{ t: number; i: number }> = [];
      for (let e = q.pop(); e; e = q.pop()) out.push({ t: e.t, i: e.i });
      const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i);
      expect(out).toEqual(expected);
    }));
  });

  it('interleaved pushes and pops agree with a sorted list, past its initial capacity', () => {
    // Ops: a number pushes an event at that time, null pops one.
    const op = fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 0, max: 50 }), fc.constant(null));
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 3000 }), (ops) => {
      const q = new EventQueue<{ t: number; seq: number; i: number }>();
      const ref: Array<{ t: number; i: number }> = [];
      ops.forEach((o, i) => {
        if (o === null) {
          const want = ref.sort((a, b) => a.t - b.t || a.i - b.i).shift();
          const got = q.pop();
          expect(got === undefined ? undefined : { t: got.t, i: got.i }).toEqual(want);
        } else {
          q.push({ t: o, seq: 0, i });
          ref.push({ t: o, i });
        }
        expect(q.size).toBe(ref.length);
        expect(q.nextTime()).toBe(ref.length === 0 ? Infinity : Math.min(...ref.map((r) => r.t)));
        expect(q.peek()?.t ?? Infinity).toBe(q.nextTime());
      });
    }), { numRuns: 60 });
  });

  it('keeps order for thousands of events with many equal times (the arrays grow)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2000, maxLength: 6000 }), (times) => {
      const q = new EventQueue<{ t: number; seq: number; i: number }>();
      times.forEach((t, i) => q.push({ t, seq: 0, i }));
      const out: number[] = [];
      for (let e = q.pop(); e; e = q.pop()) out.push(e.i);
      expect(out).toEqual(times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.i));
    }), { numRuns: 10 });
  });

  it('peeks without removing', () => {
    const q = new EventQueue<{ t: number; seq: number }>();
    q.push({ t: 5, seq: 0 });
    q.push({ t: 2, seq: 0 });
    expect(q.peek()?.t).toBe(2);
    expect(q.size).toBe(2);
  });
});
