import { describe, expect, it } from 'vitest';
import { actionClause, describeGoal } from '../../src/lessons/describe';
import { loadLessonFiles } from '../../src/lessons/loadFiles';

const { lessons } = await loadLessonFiles();

describe('describeGoal: goals in plain English, not in the goal language', () => {
  it('words a lesson 1 goal as a sentence, naming the window once', () => {
    expect(describeGoal({ all: [
      { metric: 'logouts', op: '==', value: 0 },
      { metric: 'outcomes.csrf_mismatch', op: '==', value: 0 },
      { metric: 'outcomes.ok', op: '>', value: 100 },
    ] })).toBe('No unexpected logouts, no 419 Page Expired responses, and more than 100 good responses over the whole step.');
  });

  it('says when a window starts in words ("after node-2 crashes", not "after crash:node-2")', () => {
    expect(describeGoal({ metric: 'logouts', op: '==', value: 0, window: { after: 'crash:node-2', forSec: 60 } }))
      .toBe('No unexpected logouts in the 60 s after node-2 crashes.');
    expect(describeGoal({ metric: 'logouts', op: '>', value: 0, window: { fromSec: 30, forSec: 60 } }))
      .toBe('Some unexpected logouts between 30 s and 90 s.');
    expect(actionClause('redis-down')).toBe('Redis goes down');
  });

  it('keeps a label that is a statement, and adds the target to one that only names a measure', () => {
    expect(describeGoal({ metric: 'logouts', op: '==', value: 0, label: 'Nobody is logged out' })).toBe('Nobody is logged out.');
    expect(describeGoal({ metric: 'redis.avgTtlSec', op: '<=', value: 1800, label: 'Average TTL of the session keys (s)' }))
      .toBe('Average TTL of the session keys is at most 1,800 s.');
    expect(describeGoal({ all: [
      { metric: 'logouts', op: '==', value: 0 },
      { metric: 'busiestNodeShare', op: '<=', value: 0.7, label: "The busiest server's share of requests" },
    ] })).toBe("No unexpected logouts over the whole step and the busiest server's share of requests is at most 70%.");
  });

  it('no bundled goal reads like code or repeats a word', () => {
    for (const lesson of lessons) {
      for (const step of lesson.steps) {
        const text = describeGoal(step.goal);
        expect(text, `${lesson.id}/${step.id}`).not.toMatch(/[=≤≥<]|(?<!-)>|over the run|crash:|\b(\w+) \1\b/i);
        expect(text, `${lesson.id}/${step.id}`).toMatch(/^[A-Z0-9].*\.$/);
      }
    }
  });
});
