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

describe('RunSession: a settings change in the past', () => {
  it('starts the new settings from 0 s with what was done until then; Undo brings the old run back', () => {
    const before = defaultSettings();
    before.users = 40;
    const s = new RunSession(newRun(before));
    s.record({ kind: 'users', t: 20_000, n: 80 });
    s.record({ kind: 'fault', t: 90_000, action: { kind: 'crash', node: 'node-2' } });
    s.reached(180_000);
    s.logout(150_000, 0);
    const redis = { ...defaultSettings(), users: 80, session: { ...defaultSettings().session, driver: 'redis' as const } };
    const fork = s.reconfigure(redis, 60_000);
    expect(fork).toEqual({ atMs: 60_000, discardedMs: 120_000, settings: true });
    // The user count is what the run did, not a setting: the new run starts with the old one's 40.
    expect(s.run.settings.users).toBe(40);
    expect(s.run.settings.session.driver).toBe('redis');
    expect(s.run.interventions).toEqual([{ kind: 'users', t: 20_000, n: 80 }]);
    expect(s.latestMs).toBe(0);
    expect(s.logoutsPerSec).toEqual([]);
    expect(s.lastFork).toEqual({ fork, run: { settings: before, interventions: [{ kind: 'users', t: 20_000, n: 80 }, { kind: 'fault', t: 90_000, action: { kind: 'crash', node: 'node-2' } }] }, latestMs: 180_000 });
    expect(s.undoFork()).toBe(true);
    expect(s.run.settings.session.driver).toBe('file');
    expect(s.latestMs).toBe(180_000);
    expect(s.lastFork).toBeNull();
  });

  it('the past is before the latest moment, or before something done later', () => {
    const s = new RunSession(newRun(defaultSettings()));
    expect(s.inPast(0)).toBe(false);
    s.reached(30_000);
    expect(s.inPast(29_000)).toBe(true);
    expect(s.inPast(30_000)).toBe(false);
    const opened = new RunSession({ settings: defaultSettings(), interventions: [{ kind: 'fault', t: 50_000, action: { kind: 'redis-down' } }] }, 10_000);
    expect(opened.inPast(20_000)).toBe(true);
  });
});

describe('RunSession: a settings fork to fewer nodes', () => {
  it('drops the faults on nodes the new cluster does not have', () => {
    const three = { ...defaultSettings(), nodes: [...defaultSettings().nodes, { ...defaultSettings().nodes[1]!, name: 'node-3' }] };
    const s = new RunSession(newRun(three));
    s.record({ kind: 'fault', t: 10_000, action: { kind: 'crash', node: 'node-3' } });
    s.record({ kind: 'fault', t: 20_000, action: { kind: 'crash', node: 'node-2' } });
    s.reached(60_000);
    s.reconfigure(defaultSettings(), 30_000);
    expect(s.run.interventions).toEqual([{ kind: 'fault', t: 20_000, action: { kind: 'crash', node: 'node-2' } }]);
  });
});
