/**
 * What the compare view asks to measure — the course's set-ups on one traffic, or whole runs
 * (a fork's discarded future and the run that replaced it) — and the one function that measures
 * it, used alike by the worker (compareWorker.ts) and, where there is no Worker, by the page.
 */
import { compareSetups, type CompareRow, type Setup } from '../../sim/compare';
import type { SimSettings } from '../../sim/types';
import { measureRun, type RunSpec } from '../../run/measureRun';
import { runComparison, runEach, type LoopDeps } from './compareTable';

export type CompareRequest =
  | { kind: 'setups'; base: SimSettings; setups: readonly Setup[] }
  | { kind: 'runs'; runs: readonly RunSpec[] };

/** The rows of a request, one run after another; null if cancelled. */
export function runRequest(req: CompareRequest, deps: LoopDeps): Promise<CompareRow[] | null> {
  return req.kind === 'setups'
    ? runComparison(req.base, req.setups, { ...deps, compare: compareSetups })
    : runEach(req.runs, measureRun, deps);
}
