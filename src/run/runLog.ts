/**
 * A run is data: the settings (seed included) and the timestamped list of everything anyone
 * did to it. The engine is deterministic, so replaying the list onto a fresh simulation gives
 * the same state at every moment — which is what the timeline, forks, links and run files use.
 */
import type { FaultAction, ScheduledFault, SimSettings } from '../sim/types';
import type { Intervention } from './schema';

export type { Intervention } from './schema';

export interface RunLog {
  settings: SimSettings;
  /** In the order they were made (their times never decrease). */
  interventions: Intervention[];
}

export function newRun(settings: SimSettings): RunLog {
  return { settings: structuredClone(settings), interventions: [] };
}

export function withIntervention(run: RunLog, iv: Intervention): RunLog {
  const last = run.interventions.at(-1);
  if (last && iv.t < last.t) throw new Error(`intervention at ${iv.t} ms is before the last one (${last.t} ms)`);
  return { settings: run.settings, interventions: [...run.interventions, iv] };
}

/**
 * Fork at `tMs`: keep what happened up to and including `tMs`, and hand back the discarded
 * future (so Undo can restore it).
 */
export function forkAt(run: RunLog, tMs: number): { run: RunLog; discarded: Intervention[] } {
  const keep = run.interventions.filter((iv) => iv.t <= tMs);
  return { run: { settings: run.settings, interventions: keep }, discarded: run.interventions.slice(keep.length) };
}

/** The interventions in (fromMs, toMs]. */
export function interventionsBetween(run: RunLog, fromMs: number, toMs: number): Intervention[] {
  return run.interventions.filter((iv) => iv.t > fromMs && iv.t <= toMs);
}

/** The run's faults, at their times (the compare view replays them through the course's set-ups). */
export function faultsOf(run: RunLog): ScheduledFault[] {
  return run.interventions.flatMap((iv) => (iv.kind === 'fault' ? [{ atSec: Math.round(iv.t) / 1000, action: structuredClone(iv.action) }] : []));
}

/** A short label for the timeline and the feed ("crash node-2", "users → 500", "redis-cli: DEL …"). */
export function interventionLabel(iv: Intervention): string {
  switch (iv.kind) {
    case 'fault': return faultLabel(iv.action);
    case 'users': return `users → ${iv.n}`;
    case 'redis-cli': return `redis-cli: ${iv.line.length > 40 ? `${iv.line.slice(0, 39)}…` : iv.line}`;
  }
}

function faultLabel(a: FaultAction): string {
  if ('node' in a) return `${a.kind} ${a.node}`;
  if (a.kind === 'redis-latency') return a.ms ? `Redis latency +${a.ms} ms` : 'Redis latency normal';
  return a.kind;
}
