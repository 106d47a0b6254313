/**
 * Replay a run to a moment: a fresh simulation with the run's settings — or the run's latest
 * checkpoint before the moment, restored — each intervention applied at its virtual time,
 * stopped at `tMs`. Same run + same moment ⇒ the same state as the live page had there (and as
 * `npm run sim` prints for 0..T).
 */
import { runRedisCli } from '../console/redisCli';
import { Simulation, type SimOptions } from '../sim/simulation';
import type { RunCheckpoints } from './checkpoints';
import type { RunLog } from './runLog';
import type { Intervention } from './schema';

/** Apply one intervention to a simulation at its current moment. Returns an error message, or null. */
export async function applyIntervention(sim: Simulation, iv: Intervention): Promise<string | null> {
  switch (iv.kind) {
    case 'fault':
      return sim.fault(iv.action);
    case 'users':
      sim.setUsers(iv.n);
      return null;
    case 'redis-cli': {
      const redis = sim.world.redis;
      if (!redis) return 'this cluster runs no Redis';
      const r = sim.settings.redis;
      await runRedisCli(redis, iv.line, { host: r.host, port: r.port });
      return null;
    }
  }
}

export interface ReplayOptions extends SimOptions {
  /** Virtual ms per slice; between slices `pause` is awaited (the page yields to draw progress). */
  sliceMs?: number;
  /** Called between slices with the virtual ms reached; may return a promise to yield. */
  pause?: (reachedMs: number) => void | Promise<void>;
  /** Another replay superseded this one: stop early (returns null). */
  cancelled?: () => boolean;
  /**
   * The run's checkpoints: a replay starts from the latest one before the moment, and takes the
   * ones that are due on its way (src/run/checkpoints.ts). Records before the checkpoint's
   * moment are not reported again: a caller that needs every record (a trace) leaves this out.
   */
  checkpoints?: RunCheckpoints<unknown>;
}

/** Build the run's simulation at `tMs`. Returns null if cancelled. */
export async function replayTo(run: RunLog, tMs: number, opts: ReplayOptions = {}): Promise<Simulation | null> {
  const saved = opts.checkpoints?.before(run, tMs);
  const sim = saved ? Simulation.restore(saved.checkpoint, opts) : await Simulation.create(run.settings, opts);
  const ok = await advance(sim, run, tMs, opts);
  if (!ok) {
    sim.dispose();
    return null;
  }
  return sim;
}

/**
 * Move a simulation of `run` forward from where it is to `tMs`, applying the interventions in
 * between at their times. Returns false if cancelled.
 */
export async function advance(sim: Simulation, run: RunLog, tMs: number, opts: ReplayOptions = {}): Promise<boolean> {
  const slice = opts.sliceMs ?? Infinity;
  const from = sim.now;
  // Interventions at exactly the current moment were applied by whoever stopped here.
  const todo = run.interventions.filter((iv) => iv.t > from && iv.t <= tMs);
  if (from === 0) todo.unshift(...run.interventions.filter((iv) => iv.t === 0));
  const checkpoints = opts.checkpoints;
  let i = 0;
  for (;;) {
    const nextIv = todo[i]?.t ?? Infinity;
    const due = checkpoints ? checkpoints.dueAt(run, sim.now) : Infinity;
    const target = Math.min(tMs, nextIv, sim.now + slice, due);
    await sim.runUntil(target);
    while (i < todo.length && todo[i]!.t <= sim.now) await applyIntervention(sim, todo[i++]!);
    checkpoints?.offer(sim, run);
    if (sim.now >= tMs && i >= todo.length) return true;
    if (opts.cancelled?.()) return false;
    if (opts.pause) await opts.pause(sim.now);
  }
}
