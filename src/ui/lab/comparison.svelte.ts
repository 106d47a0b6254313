/**
 * One run of the compare view, as reactive state: progress while the set-ups run one after
 * another (yielding to the browser between them, so the progress bar paints), then the rows.
 * The sequencing itself is `runComparison` (pure, unit-tested); this only holds the state.
 */
import { compareSetups, LARAVEL12_TABLE, type CompareRow, type Setup } from '../../sim/compare';
import type { SimSettings } from '../../sim/types';
import { runComparison } from './compareTable';

/** Two animation frames and a task: the browser has painted the progress before the next run blocks it. */
function nextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
}

export class Comparison {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  done = $state(0);
  total = $state(0);
  current = $state.raw<Setup | null>(null);
  rows = $state.raw<CompareRow[]>([]);
  error = $state<string | null>(null);
  /** The settings the rows were measured with. */
  base = $state.raw<SimSettings | null>(null);
  /** Real ms the last run took. */
  elapsedMs = $state(0);
  private gen = 0;

  constructor(readonly setups: readonly Setup[] = LARAVEL12_TABLE) {}

  async run(base: SimSettings): Promise<void> {
    const gen = ++this.gen;
    this.status = 'running';
    this.error = null;
    this.base = base;
    this.rows = [];
    this.done = 0;
    this.total = this.setups.length;
    const t0 = performance.now();
    try {
      const rows = await runComparison(base, this.setups, {
        compare: compareSetups,
        yieldToBrowser: nextPaint,
        cancelled: () => gen !== this.gen,
        onProgress: (p) => {
          if (gen !== this.gen) return;
          this.done = p.done;
          this.current = p.current;
          this.rows = p.rows;
        },
      });
      if (gen !== this.gen || !rows) return;
      this.rows = rows;
      this.elapsedMs = performance.now() - t0;
      this.status = 'done';
    } catch (e) {
      if (gen !== this.gen) return;
      this.error = e instanceof Error ? e.message : String(e);
      this.status = 'error';
    }
  }

  /** Stop before the next set-up (the one running finishes: it cannot be interrupted). */
  cancel(): void {
    this.gen++;
    if (this.status === 'running') this.status = 'idle';
  }
}
