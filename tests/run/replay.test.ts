import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forkAt, newRun, withIntervention, type RunLog } from '../../src/run/runLog';
import { advance, applyIntervention, replayTo } from '../../src/run/replay';
import type { Intervention } from '../../src/run/schema';
import { Simulation } from '../../src/sim/simulation';
import { defaultBalancer, defaultNode, defaultSettings } from '../../src/sim/settings';
import { summarize } from '../../src/sim/summary';
import { TraceDigest, traceLine } from '../../src/sim/trace';
import type { BalancerStrategy, SessionDriver, SimSettings } from '../../src/sim/types';

function settings(driver: SessionDriver, balancer: BalancerStrategy, nodes: number, users: number, seed: number): SimSettings {
  const s = defaultSettings();
  s.session.driver = driver;
  s.balancer = defaultBalancer(balancer);
  s.nodes = Array.from({ length: nodes }, (_, i) => defaultNode(i + 1));
  s.users = users;
  s.seed = seed;
  return s;
}

/** What a view shows at a moment: the summary, the feed and every record so far. */
async function stateOf(sim: Simulation, digest: TraceDigest) {
  return { now: sim.now, summary: summarize(sim), feed: sim.world.feed.map((f) => `${f.t} ${f.text}`), digest: digest.hex() };
}

/** Drive a run the way the page does: uneven frames, interventions applied between frames. */
async function live(run: RunLog, frames: number[], untilMs: number) {
  const digest = new TraceDigest();
  const sim = await Simulation.create(run.settings, { traceLimit: 0, listeners: { onRecord: (r) => digest.add(traceLine(r)) } });
  let i = 0;
  let f = 0;
  while (sim.now < untilMs) {
    const target = Math.min(untilMs, sim.now + frames[f++ % frames.length]!);
    // The page applies an intervention at the first frame boundary at or after its time; record it there.
    await sim.runUntil(target);
    while (i < run.interventions.length && run.interventions[i]!.t <= sim.now) await applyIntervention(sim, run.interventions[i++]!);
  }
  const state = await stateOf(sim, digest);
  sim.dispose();
  return state;
}

async function replayed(run: RunLog, tMs: number) {
  const digest = new TraceDigest();
  const sim = await replayTo(run, tMs, { traceLimit: 0, sliceMs: 7_000, listeners: { onRecord: (r) => digest.add(traceLine(r)) } });
  const state = await stateOf(sim!, digest);
  sim!.dispose();
  return state;
}

const nodeFault = fc.record({ kind: fc.constantFrom('crash', 'restart', 'replace', 'drain', 'partition', 'heal' as const), n: fc.integer({ min: 1, max: 3 }) });
const anyIv = fc.oneof(
  nodeFault.map((a) => (t: number, nodes: number): Intervention => ({ kind: 'fault', t, action: { kind: a.kind, node: `node-${Math.min(a.n, nodes)}` } })),
  fc.constantFrom('redis-down', 'redis-up' as const).map((k) => (t: number): Intervention => ({ kind: 'fault', t, action: { kind: k } })),
  fc.integer({ min: 1, max: 60 }).map((n) => (t: number): Intervention => ({ kind: 'users', t, n })),
  fc.constantFrom('DEL nothing', 'FLUSHALL', 'DBSIZE').map((line) => (t: number): Intervention => ({ kind: 'redis-cli', t, line })),
);

describe('replaying a run', () => {
  it('seeking to T gives exactly the state a live run had at T (random scenarios and seek points)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom<SessionDriver>('file', 'redis'),
      fc.constantFrom<BalancerStrategy>('round-robin', 'ip-hash', 'cookie'),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), anyIv), { maxLength: 5 }),
      fc.array(fc.integer({ min: 16, max: 3000 }), { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 60 }),
      async (driver, balancer, nodes, seed, ivs, frames, seekSec) => {
        let run = newRun(settings(driver, balancer, nodes, 25, seed));
        // Interventions happen at frame boundaries in the page: put them on the live run's boundaries.
        const boundaries: number[] = [];
        for (let t = 0, f = 0; t < 60_000; ) { t = Math.min(60_000, t + frames[f++ % frames.length]!); boundaries.push(t); }
        const picked = ivs.map(([s, make]) => make(boundaries.find((b) => b >= s * 1000) ?? 60_000, nodes)).sort((a, b) => a.t - b.t);
        for (const iv of picked) run = withIntervention(run, iv);
        const seekMs = boundaries.find((b) => b >= seekSec * 1000) ?? 60_000;
        expect(await replayed(run, seekMs)).toEqual(await live(run, frames, seekMs));
      },
    ), { numRuns: 12 });
  }, 120_000);

  it('continuing a replayed run forward equals replaying to the later moment', async () => {
    const run = withIntervention(withIntervention(newRun(settings('redis', 'round-robin', 2, 30, 3)), { kind: 'fault', t: 20_000, action: { kind: 'crash', node: 'node-2' } }),
      { kind: 'redis-cli', t: 40_000, line: 'FLUSHALL' });
    const digestA = new TraceDigest();
    const a = (await replayTo(run, 10_000, { traceLimit: 0, listeners: { onRecord: (r) => digestA.add(traceLine(r)) } }))!;
    await advance(a, run, 60_000);
    const b = await replayed(run, 60_000);
    expect(await stateOf(a, digestA)).toEqual(b);
    // The FLUSHALL at 40 s logged everyone out: the run must show it.
    expect(b.summary.outcomes.logged_out).toBeGreaterThan(0);
    a.dispose();
  });

  it('forking keeps the past and hands back the discarded future', () => {
    let run = newRun(defaultSettings());
    run = withIntervention(run, { kind: 'users', t: 1000, n: 10 });
    run = withIntervention(run, { kind: 'fault', t: 5000, action: { kind: 'crash', node: 'node-1' } });
    run = withIntervention(run, { kind: 'users', t: 9000, n: 20 });
    const { run: kept, discarded } = forkAt(run, 5000);
    expect(kept.interventions.map((i) => i.t)).toEqual([1000, 5000]);
    expect(discarded.map((i) => i.t)).toEqual([9000]);
    expect(() => withIntervention(kept, { kind: 'users', t: 4000, n: 1 })).toThrow(/before the last one/);
  });

  it('a replay can be cancelled between slices', async () => {
    let calls = 0;
    const sim = await replayTo(newRun(settings('file', 'round-robin', 2, 20, 1)), 120_000, { sliceMs: 10_000, pause: () => { calls++; }, cancelled: () => calls >= 2 });
    expect(sim).toBeNull();
    expect(calls).toBe(2);
  });
});
