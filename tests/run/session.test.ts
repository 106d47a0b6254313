import { describe, expect, it } from 'vitest';
import { newRun } from '../../src/run/runLog';
import { RunSession } from '../../src/run/session';
import { defaultSettings } from '../../src/sim/settings';

describe('RunSession: the timeline of one run', () => {
  it('an intervention at the latest moment extends the run; one in the past forks it', () => {
    const s = new RunSession(newRun(defaultSettings()));
    s.reached(60_000);
    expect(s.record({ kind: 'fault', t: 60_000, action: { kind: 'crash', node: 'node-2' } })).toBeNull();
    s.reached(240_000);
    for (const t of [10_000, 70_000, 200_000]) s.logout(t, 0);
    const fork = s.record({ kind: 'users', t: 50_000, n: 10 });
    expect(fork).toEqual({ atMs: 50_000, discardedMs: 190_000 });
    expect(s.latestMs).toBe(50_000);
    expect(s.run.interventions).toEqual([{ kind: 'users', t: 50_000, n: 10 }]);
    expect(s.logoutsPerSec.reduce((a, b) => a + b, 0)).toBe(1);
    expect(s.discarded?.interventions).toEqual([{ kind: 'fault', t: 60_000, action: { kind: 'crash', node: 'node-2' } }]);
  });

  it('Undo brings the discarded future back', () => {
    const s = new RunSession(newRun(defaultSettings()));
    s.record({ kind: 'fault', t: 30_000, action: { kind: 'crash', node: 'node-1' } });
    s.reached(120_000);
    s.logout(100_000, 0);
    s.record({ kind: 'fault', t: 20_000, action: { kind: 'redis-down' } });
    expect(s.canUndo).toBe(true);
    expect(s.undoFork()).toBe(true);
    expect(s.latestMs).toBe(120_000);
    expect(s.run.interventions.map((i) => i.t)).toEqual([30_000]);
    expect(s.logoutsPerSec[100]).toBe(1);
    expect(s.undoFork()).toBe(false);
  });

  it('logouts replayed below the frontier are not counted twice', () => {
    const s = new RunSession(newRun(defaultSettings()));
    s.logout(5_000, 0);
    s.reached(10_000);
    s.logout(5_000, 10_000);
    expect(s.logoutsPerSec[5]).toBe(1);
  });
});
