import { describe, expect, it } from 'vitest';
import { describeGoal } from '../../src/lessons/describe';
import { validateGoal } from '../../src/lessons/goal';

describe('validateGoal: what may be divided, and what takes a window', () => {
  it('a count or a Redis counter may be divided by a count; nothing else', () => {
    expect(validateGoal({ metric: 'logouts', per: 'requests', op: '<', value: 0.01 })).toEqual([]);
    expect(validateGoal({ metric: 'redis.commands', per: 'requests', op: '<', value: 1.5 })).toEqual([]);
    expect(validateGoal({ metric: 'redis.keys', per: 'requests', op: '<', value: 1 })).toEqual([
      { path: ['per'], message: "only a count or a Redis counter can be divided (metric 'redis.keys' is a gauge)" },
    ]);
    expect(validateGoal({ metric: 'redis.commands', per: 'redis.keys', op: '<', value: 1 })).toEqual([
      { path: ['per'], message: "'redis.keys' is not a count metric: only counts can be divided by" },
    ]);
  });

  it('response-time percentiles are measured since the cluster started: no window', () => {
    expect(validateGoal({ metric: 'latencyMs.p95', op: '>', value: 150 })).toEqual([]);
    expect(validateGoal({ metric: 'latencyMs.p99', op: '>', value: 60_000, window: { fromSec: 10 } })).toEqual([
      { path: ['window'], message: "'latencyMs.p99' is measured since the cluster started: it takes no window" },
    ]);
    expect(validateGoal({ metric: 'latencyMs.p90', op: '>', value: 1 })[0]?.message).toMatch(/^unknown metric 'latencyMs.p90' \(did you mean 'latencyMs\.p[59]0'\?\)$/);
  });

  it('describes them in words', () => {
    expect(describeGoal({ metric: 'latencyMs.p95', op: '>', value: 150 })).toBe('95th percentile response time (ms) is above 150 since the cluster started.');
    expect(describeGoal({ metric: 'redis.commands', per: 'requests', op: '<', value: 1.5 })).toBe('Redis commands per request stays below 1.5 over the whole step.');
    expect(describeGoal({ metric: 'logouts', per: 'requests', op: '<', value: 0.01 })).toBe('Unexpected logouts per request stays below 1% over the whole step.');
  });
});
