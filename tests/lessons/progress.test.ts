/** Stored progress read entry by entry (issue 14, Low): one bad entry no longer loses the rest. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, loadProgress, markMet, PROGRESS_KEY, progressFrom, resumeStep, visit } from '../../src/ui/lessons/progress';

const storage = (text: string) => ({ getItem: (k: string) => (k === PROGRESS_KEY ? text : null) });

describe('progress in localStorage, entry by entry', () => {
  it('one invalid entry is dropped, the valid ones are kept', () => {
    const text = JSON.stringify({
      lessons: {
        'one-server': { step: 1, met: ['watch'] },
        'two-nodes': { step: 'evil', met: [] },
        'redis-sessions': { step: 2, met: ['use-redis', 42] },
        'sticky-sessions': { step: 0, met: [] },
      },
      last: 'two-nodes',
    });
    expect(loadProgress(storage(text))).toEqual({
      lessons: { 'one-server': { step: 1, met: ['watch'] }, 'sticky-sessions': { step: 0, met: [] } },
      last: 'two-nodes',
    });
  });

  it('a bad "last" or a bad "lessons" keeps the other', () => {
    expect(loadProgress(storage('{"lessons":{"a":{"step":1,"met":[]}},"last":7}'))).toEqual({ lessons: { a: { step: 1, met: [] } }, last: null });
    expect(loadProgress(storage('{"lessons":[1,2],"last":"a"}'))).toEqual({ lessons: {}, last: 'a' });
    for (const bad of ['null', '[]', '"x"', '42', 'not json', '{"__proto__":{"step":1}}']) expect(loadProgress(storage(bad))).toEqual(emptyProgress());
  });

  it("a lesson id that is an Object.prototype name is a key like any other", () => {
    const fresh = emptyProgress();
    expect(resumeStep(fresh, { id: 'constructor', steps: [1, 2, 3] })).toBe(0);
    const p = markMet(visit(fresh, 'constructor', 2), 'constructor', 'a');
    expect(p.lessons.constructor).toEqual({ step: 2, met: ['a'] });
    expect(resumeStep(p, { id: 'constructor', steps: [1, 2, 3] })).toBe(2);
    const stored = progressFrom(JSON.parse('{"lessons":{"__proto__":{"step":1,"met":[]}},"last":null}'));
    expect(Object.getPrototypeOf(stored.lessons)).toBe(Object.prototype);
    expect(Object.keys(stored.lessons)).toEqual(['__proto__']);
  });

  it('never throws and always returns the Progress shape, whatever is stored', () => {
    fc.assert(fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
      const p = loadProgress(storage(text));
      expect(p.last === null || typeof p.last === 'string').toBe(true);
      for (const e of Object.values(p.lessons)) {
        expect(Number.isInteger(e.step)).toBe(true);
        expect(e.met.every((m) => typeof m === 'string')).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
