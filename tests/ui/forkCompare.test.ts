/**
 * *Compare set-ups…* after a fork: the discarded run and the run shown, as two runs over the
 * same span, measured by the same code as the course's set-ups (and equal to a plain replay).
 */
import { describe, expect, it } from 'vitest';
import { measureRun } from '../../src/run/measureRun';
import { replayTo } from '../../src/run/replay';
import { faultsOf, newRun } from '../../src/run/runLog';
import { RunSession } from '../../src/run/session';
import { defaultSettings } from '../../src/sim/settings';
import { summarize } from '../../src/sim/summary';
import type { SessionDriver, SimSettings } from '../../src/sim/types';
import { runRequest } from '../../src/ui/lab/compareRequest';
import { courseClaimFor } from '../../src/ui/lab/compareTable';
import { AFTER_LABEL, forkDifferences, forkEndChoices, forkEndMs, forkPairOf, forkSpecs } from '../../src/ui/lab/forkPair';

function settings(driver: SessionDriver, users = 30): SimSettings {
  const s = defaultSettings();
  s.users = users;
  s.session.driver = driver;
  return s;
}

/** A file run played to 90 s with a crash at 70 s, then a look back at 40 s and a change there. */
function forkedSession(change: (s: RunSession) => void): RunSession {
  const s = new RunSession(newRun(settings('file')));
  s.record({ kind: 'users', t: 10_000, n: 40 });
  s.record({ kind: 'fault', t: 70_000, action: { kind: 'crash', node: 'node-2' } });
  s.reached(90_000);
  change(s);
  return s;
}

describe('the fork pair', () => {
  it('is null without a fork to undo', () => {
    const s = new RunSession(newRun(settings('file')));
    s.reached(60_000);
    expect(forkPairOf(s)).toBeNull();
  });

  it('gives two runs with the same seed, users and end moment: the discarded one and the one shown', () => {
    const s = forkedSession((x) => x.reconfigure(settings('redis', 40), 40_000));
    const pair = forkPairOf(s)!;
    const [before, after] = forkSpecs(pair);
    expect(before.label).toBe('Before your change (discarded at 09:00:40)');
    expect(after.label).toBe(AFTER_LABEL);
    expect(before.run.settings.seed).toBe(after.run.settings.seed);
    expect(before.run.settings.users).toBe(30);
    expect(after.run.settings.users).toBe(30);
    expect(before.endMs).toBe(90_000);
    expect(after.endMs).toBe(90_000);
    expect(before.run.settings.session.driver).toBe('file');
    expect(after.run.settings.session.driver).toBe('redis');
    // The discarded run keeps everything it had; the new one what was done until the fork.
    expect(faultsOf(before.run)).toEqual([{ atSec: 70, action: { kind: 'crash', node: 'node-2' } }]);
    expect(after.run.interventions).toEqual([{ kind: 'users', t: 10_000, n: 40 }]);
    expect(forkDifferences(pair)).toEqual({ settings: 'SESSION_DRIVER=file → SESSION_DRIVER=redis', before: ['crash node-2 at 09:01:10'], after: [] });
    // A copy: the session moving on does not change what is being measured.
    s.reached(200_000);
    expect(forkEndMs(pair)).toBe(90_000);
  });

  it('measures to the latest moment either run reached, or a chosen duration past the fork', () => {
    const s = forkedSession((x) => x.record({ kind: 'fault', t: 40_000, action: { kind: 'redis-down' } }));
    s.reached(130_000);
    const pair = forkPairOf(s)!;
    expect(forkEndMs(pair)).toBe(130_000);
    expect(forkEndChoices(pair).map((c) => [c.ms, c.label])).toEqual([
      [60_000, '09:01:00 (1 min in)'], [130_000, '09:02:10, the latest moment reached'], [150_000, '09:02:30 (2 min 30 s in)'],
      [300_000, '09:05:00 (5 min in)'], [600_000, '09:10:00 (10 min in)'],
    ]);
    expect(forkSpecs(pair, 300_000).map((r) => r.endMs)).toEqual([300_000, 300_000]);
    expect(forkDifferences(pair)).toEqual({ settings: null, before: ['crash node-2 at 09:01:10'], after: ['redis-down at 09:00:40'] });
  });
});

describe('measuring the pair', () => {
  it("the discarded run's figures are a plain replay of it; the driver change is measured on the same span", async () => {
    const s = forkedSession((x) => x.reconfigure(settings('redis', 40), 40_000));
    const [before, after] = forkSpecs(forkPairOf(s)!);
    const progress: Array<string | null> = [];
    const rows = (await runRequest({ kind: 'runs', runs: [before, after] }, {
      yieldToBrowser: async () => {}, cancelled: () => false, onProgress: (p) => progress.push(p.current?.label ?? null),
    }))!;
    expect(progress).toEqual([before.label, AFTER_LABEL, null]);
    const sim = (await replayTo(s.lastFork!.run, 90_000, { traceLimit: 0 }))!;
    const plain = summarize(sim);
    sim.dispose();
    const [b, a] = rows as [NonNullable<typeof rows[0]>, NonNullable<typeof rows[0]>];
    expect(b).toMatchObject({ label: before.label, driver: 'file', balancer: 'round-robin', requests: plain.requests, logouts: plain.logouts, csrfMismatches: plain.statuses['419'] ?? 0, p95Ms: plain.latencyMs.p95 });
    expect(b.logouts).toBeGreaterThan(0);
    expect(a).toMatchObject({ label: AFTER_LABEL, driver: 'redis', logouts: 0 });
    expect(a.redisCommands).toBeGreaterThan(0);
    expect(courseClaimFor(b)?.reliability).toBe('Fails in Clusters');
    expect(courseClaimFor(a)?.reliability).toBe('Excellent');
  });

  it("replays the discarded run's console lines: a FLUSHALL it had logs its users out, the run without it does not", async () => {
    const s = new RunSession(newRun(settings('redis')));
    s.record({ kind: 'redis-cli', t: 30_000, line: 'FLUSHALL' });
    s.reached(60_000);
    s.record({ kind: 'users', t: 20_000, n: 30 });
    const [before, after] = forkSpecs(forkPairOf(s)!);
    expect(before.run.interventions).toEqual([{ kind: 'redis-cli', t: 30_000, line: 'FLUSHALL' }]);
    const b = await measureRun(before);
    const a = await measureRun(after);
    expect(b.logouts).toBeGreaterThan(0);
    expect(a.logouts).toBe(0);
    expect(a.requests).toBeGreaterThan(0);
  });
});

describe('the end moment', () => {
  it('is in whole seconds, as the timeline shows the latest moment, and after anything done', () => {
    const s = new RunSession(newRun(settings('file')));
    s.record({ kind: 'fault', t: 12_500, action: { kind: 'crash', node: 'node-2' } });
    s.reached(61_730);
    s.record({ kind: 'fault', t: 5_000, action: { kind: 'redis-down' } });
    expect(forkEndMs(forkPairOf(s)!)).toBe(61_000);
    const late = new RunSession({ settings: settings('file'), interventions: [{ kind: 'users', t: 70_400, n: 5 }] }, 20_000);
    late.record({ kind: 'users', t: 10_000, n: 50 });
    expect(forkEndMs(forkPairOf(late)!)).toBe(71_000);
  });
});
