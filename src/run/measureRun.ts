/**
 * A whole run measured like a row of the compare table: replayed to a moment (its settings and
 * everything done in it, at their times — replay.ts) and measured by the same code that
 * measures the course's set-ups (`measure` in sim/compare.ts). *Compare set-ups…* uses it to put
 * the future a fork discarded beside the run that replaced it.
 */
import { measure, setupOf, type CompareRow } from '../sim/compare';
import { replayTo } from './replay';
import type { RunLog } from './runLog';

/** One run to measure: plain data (it crosses to the compare worker by structured clone). */
export interface RunSpec {
  /** The row's name in the table ("What you changed"). */
  label: string;
  run: RunLog;
  /** Replayed from 0 to this virtual ms. */
  endMs: number;
}

/** Replay the run to its end moment and measure it (0..endMs). */
export async function measureRun(spec: RunSpec): Promise<CompareRow> {
  const sim = await replayTo(spec.run, spec.endMs, { traceLimit: 0 });
  if (!sim) throw new Error(`the replay of "${spec.label}" stopped before ${spec.endMs} ms`);
  try {
    return measure(sim, setupOf(spec.run.settings, spec.label));
  } finally {
    sim.dispose();
  }
}
