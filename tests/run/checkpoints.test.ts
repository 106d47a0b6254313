import { describe, expect, it } from 'vitest';
import { RunCheckpoints, CHECKPOINT_INTERVAL_MS } from '../../src/run/checkpoints';
import { advance, replayTo } from '../../src/run/replay';
import { newRun, type RunLog } from '../../src/run/runLog';
import { RunSession } from '../../src/run/session';
import { defaultSettings } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import { summarize } from '../../src/sim/summary';
import { worldLines } from './worldState';

function redisRun(users = 30): RunLog {
  const s = defaultSettings();
  s.session.driver = 'redis';
  s.users = users;
  return newRun(s);
}

/** A fresh replay to `tMs` from 0, and what it holds. */
async function freshAt(run: RunLog, tMs: number) {
  const sim = (await replayTo(run, tMs, { traceLimit: 0 }))!;
  const state = { summary: summarize(sim), feed: sim.world.feed, world: worldLines(sim) };
  sim.dispose();
  return state;
}

async function seek(run: RunLog, tMs: number, checkpoints: RunCheckpoints<unknown>) {
  const sim = (await replayTo(run, tMs, { traceLimit: 0, checkpoints }))!;
  const state = { summary: summarize(sim), feed: sim.world.feed, world: worldLines(sim) };
  sim.dispose();
  return state;
}

describe('the checkpoints of a run', () => {
  it('are taken every interval of virtual time while it plays, and a seek starts from the latest one before the moment', async () => {
    const run = redisRun();
    let taken = 0;
    const store = new RunCheckpoints(() => ++taken, { intervalMs: 30_000, maxBytes: Infinity, maxCount: 100 });
    const sim = await Simulation.create(run.settings, { traceLimit: 0 });
    await advance(sim, run, 130_000, { checkpoints: store });
    expect(store.moments).toEqual([30_000, 60_000, 90_000, 120_000]);
    expect(store.before(run, 100_000)!.checkpoint.atMs).toBe(90_000);
    // What the caller captured is kept beside each checkpoint.
    expect(store.before(run, 100_000)!.extra).toBe(3);
    expect(store.before(run, 29_999)).toBeNull();
    // Playing the same stretch again takes nothing new.
    const again = (await replayTo(run, 125_000, { traceLimit: 0, checkpoints: store }))!;
    expect(store.count).toBe(4);
    expect(await seek(run, 100_000, store)).toEqual(await freshAt(run, 100_000));
    for (const s of [sim, again]) s.dispose();
    store.clear();
  }, 60_000);

  it('a checkpoint before a fork serves the new run, the later ones are left to the discarded future, and Undo brings them back', async () => {
    const I = CHECKPOINT_INTERVAL_MS;
    const session = new RunSession(redisRun());
    const sim = await Simulation.create(session.run.settings, { traceLimit: 0 });
    await advance(sim, session.run, 2 * I + 5_000, { checkpoints: session.checkpoints });
    session.reached(sim.now);
    sim.dispose();
    const before = session.run;
    expect(session.checkpoints.moments).toEqual([I, 2 * I]);

    // Fork 10 s after the first checkpoint: a crash there, in the past.
    session.record({ kind: 'fault', t: I + 10_000, action: { kind: 'crash', node: 'node-2' } });
    expect(session.checkpointBefore(2 * I + 3_000)!.checkpoint.atMs).toBe(I);
    expect(await seek(session.run, 2 * I + 3_000, session.checkpoints)).toEqual(await freshAt(session.run, 2 * I + 3_000));
    // The seek took the new run's checkpoint at 2I on its way; the old future's is kept for Undo.
    expect(session.checkpoints.moments).toEqual([I, 2 * I, 2 * I]);
    const forked = session.checkpointBefore(2 * I + 3_000)!;
    expect(forked.checkpoint.atMs).toBe(2 * I);

    expect(session.undoFork()).toBe(true);
    expect(session.run).toBe(before);
    // The fork's own checkpoint is gone; the old run's is back in use.
    expect(session.checkpoints.moments).toEqual([I, 2 * I]);
    expect(session.checkpointBefore(2 * I + 3_000)).not.toBe(forked);
    expect(session.checkpointBefore(2 * I + 3_000)!.checkpoint.atMs).toBe(2 * I);
    expect(await seek(session.run, 2 * I + 3_000, session.checkpoints)).toEqual(await freshAt(session.run, 2 * I + 3_000));
    session.dispose();
    expect(session.checkpoints.count).toBe(0);
  }, 120_000);

  it('an intervention at the very moment of a checkpoint makes that checkpoint stale', async () => {
    const session = new RunSession(redisRun(10));
    const sim = await Simulation.create(session.run.settings, { traceLimit: 0 });
    const I = CHECKPOINT_INTERVAL_MS;
    await sim.runUntil(I - 1);
    expect(session.offerCheckpoint(sim)).toBe(false);
    await sim.runUntil(I);
    expect(session.offerCheckpoint(sim)).toBe(true);
    expect(session.offerCheckpoint(sim)).toBe(false);
    session.reached(I);
    // The user crashes a node now: the checkpoint (taken just before) is no longer this run's.
    expect(sim.fault({ kind: 'crash', node: 'node-1' })).toBeNull();
    session.record({ kind: 'fault', t: I, action: { kind: 'crash', node: 'node-1' } });
    expect(session.checkpointBefore(I + 10_000)).toBeNull();
    expect(session.offerCheckpoint(sim)).toBe(true);
    expect(await seek(session.run, I + 10_000, session.checkpoints)).toEqual(await freshAt(session.run, I + 10_000));
    sim.dispose();
    session.dispose();
  }, 60_000);

  it('stay within their memory bound: older ones thin out evenly, the newest stays', async () => {
    const run = redisRun(10);
    const store = new RunCheckpoints(() => undefined, { intervalMs: 10_000, maxCount: 4, maxBytes: Infinity });
    const sim = await Simulation.create(run.settings, { traceLimit: 0 });
    await advance(sim, run, 100_000, { checkpoints: store });
    expect(store.count).toBe(4);
    expect(store.moments.at(-1)).toBe(100_000);
    const gaps = store.moments.map((t, i) => t - (store.moments[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(40_000);

    const one = store.before(run, Infinity)!.checkpoint.bytes;
    const small = new RunCheckpoints(() => undefined, { intervalMs: 10_000, maxCount: 100, maxBytes: 2.5 * one });
    const other = await Simulation.create(run.settings, { traceLimit: 0 });
    await advance(other, run, 60_000, { checkpoints: small });
    expect(small.count).toBeLessThanOrEqual(3);
    expect(small.bytes).toBeLessThanOrEqual(2.5 * one * 1.2);
    sim.dispose();
    other.dispose();
    store.clear();
    small.clear();
  }, 60_000);

  it('belong to one set of settings: another run gets none of them', async () => {
    const run = redisRun(10);
    const store = new RunCheckpoints(() => undefined);
    const sim = await Simulation.create(run.settings, { traceLimit: 0 });
    const t = CHECKPOINT_INTERVAL_MS + 1_000;
    await advance(sim, run, t, { checkpoints: store });
    const other = redisRun(11);
    expect(store.before(run, t)).not.toBeNull();
    expect(store.before(other, t)).toBeNull();
    sim.dispose();
    store.clear();
  });
});
