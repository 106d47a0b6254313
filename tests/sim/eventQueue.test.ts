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

  it('peeks without removing', () => {
    const q = new EventQueue<{ t: number; seq: number }>();
    q.push({ t: 5, seq: 0 });
    q.push({ t: 2, seq: 0 });
    expect(q.peek()?.t).toBe(2);
    expect(q.size).toBe(2);
  });
});
