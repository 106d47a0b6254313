/**
 * One run of the compare view, as reactive state: progress while the set-ups (or a fork's two
 * runs) run one after another, then the rows. In the browser the runs happen in a Web Worker
 * (compareWorker.ts), so the page never blocks, even at 10,000 users; where there is no Worker
 * they run here, yielding to the browser between runs. The sequencing itself is `runEach`
 * (pure, unit-tested).
 */
import { LARAVEL12_TABLE, type CompareRow, type Setup } from '../../sim/compare';
import type { SimSettings } from '../../sim/types';
import type { RunSpec } from '../../run/measureRun';
import type { CompareProgress } from './compareTable';
import { runRequest, type CompareRequest } from './compareRequest';
import type { CompareReply } from './compareWorker';

/** Two animation frames and a task: the browser has painted the progress before the next run blocks it. */
function nextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
}

export class Comparison {
  status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  done = $state(0);
  total = $state(0);
  current = $state.raw<{ label: string } | null>(null);
  rows = $state.raw<CompareRow[]>([]);
  error = $state<string | null>(null);
  /** The settings the rows were measured with. */
  base = $state.raw<SimSettings | null>(null);
  /** Real ms the last run took. */
  elapsedMs = $state(0);
  private gen = 0;
  private worker: Worker | null = null;

  constructor(readonly setups: readonly Setup[] = LARAVEL12_TABLE) {}

  /** Measure the course's set-ups on these settings. */
  run(base: SimSettings): Promise<void> {
    this.base = base;
    return this.measure({ kind: 'setups', base, setups: [...this.setups] }, this.setups.length);
  }

  /** Measure whole runs, each replayed to its end moment (a fork's "before" and "after"). */
  runRuns(runs: readonly RunSpec[]): Promise<void> {
    this.base = null;
    return this.measure({ kind: 'runs', runs: [...runs] }, runs.length);
  }

  private async measure(request: CompareRequest, total: number): Promise<void> {
    const gen = ++this.gen;
    this.status = 'running';
    this.error = null;
    this.rows = [];
    this.done = 0;
    this.total = total;
    const t0 = performance.now();
    const onProgress = (p: CompareProgress) => {
      if (gen !== this.gen) return;
      this.done = p.done;
      this.current = p.current;
      this.rows = p.rows;
    };
    try {
      const rows = typeof Worker === 'undefined' || !__WORKERS__
        ? await runRequest(request, { yieldToBrowser: nextPaint, cancelled: () => gen !== this.gen, onProgress })
        : await this.inWorker(request, onProgress);
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

  /** Run the request in a fresh worker; resolves null if cancelled (the worker is terminated). */
  private inWorker(request: CompareRequest, onProgress: (p: CompareProgress) => void): Promise<CompareRow[] | null> {
    this.stopWorker();
    // Vite's worker pattern (a plain URL, not state): `new URL(…, import.meta.url)` inline.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const worker = new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    return new Promise((resolve, reject) => {
      const finish = () => {
        if (this.worker !== worker) return;
        this.cancelWorker = null; // settled here, not by a cancel
        this.stopWorker();
      };
      worker.onmessage = (e: MessageEvent<CompareReply>) => {
        const m = e.data;
        if (m.kind === 'progress') onProgress(m.progress);
        else if (m.kind === 'done') { finish(); resolve(m.rows); }
        else { finish(); reject(new Error(m.message)); }
      };
      worker.onerror = (e) => { finish(); reject(new Error(e.message || 'the comparison worker failed to start')); };
      // Settings and runs are plain data (structured clone): what the page shows is what the worker runs.
      worker.postMessage($state.snapshot(request) as CompareRequest);
      this.cancelWorker = () => resolve(null);
    });
  }

  private cancelWorker: (() => void) | null = null;

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    const c = this.cancelWorker;
    this.cancelWorker = null;
    c?.();
  }

  /** Stop now (in a worker) or before the next set-up (in the page, the one running finishes). */
  cancel(): void {
    this.gen++;
    this.stopWorker();
    if (this.status === 'running') this.status = 'idle';
  }
}
