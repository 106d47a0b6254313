/**
 * The compare view's pure parts: the traffic to replay (the running settings, their scheduled
 * faults, the faults triggered live, an optional node crash), the course's table beside the
 * measured columns, and the loop that runs one set-up at a time and yields to the browser in
 * between (each run blocks the main thread for a fraction of a second).
 */
import { LARAVEL12_TABLE, type CompareRow, type Setup } from '../../sim/compare';
import type { FaultAction, ScheduledFault, SimSettings } from '../../sim/types';
import { count } from '../format';

/** The seed lesson's table, word for word, by the compare rows' labels (null: not in the course's table). */
export const COURSE_CLAIMS: Readonly<Record<string, { performance: string; complexity: string; reliability: string } | null>> = {
  'File driver': { performance: 'High (Local I/O)', complexity: 'Low', reliability: 'Fails in Clusters' },
  'Redis driver': { performance: 'High (Network)', complexity: 'Medium', reliability: 'Excellent' },
  'Sticky sessions (file)': { performance: 'High', complexity: 'High', reliability: 'Good (Redundant)' },
  'Redis + sticky': null,
  'Database driver (SQLite)': null,
  'Database driver (MySQL)': null,
};

/** The course's words for a set-up with this driver and balancer (null: not a row of the course's table). */
export function courseClaimFor(s: Pick<Setup, 'driver' | 'balancer' | 'dbConnection'>): (typeof COURSE_CLAIMS)[string] {
  const row = LARAVEL12_TABLE.find((r) => r.driver === s.driver && r.balancer === s.balancer && (s.driver !== 'database' || r.dbConnection === s.dbConnection));
  return row ? (COURSE_CLAIMS[row.label] ?? null) : null;
}

export const DURATIONS = [60, 150, 300, 600] as const;
export const DEFAULT_DURATION = 300;

export interface CompareOptions {
  durationSec: number;
  /** Add a crash of {@link crashTarget} at this virtual second (null: no extra crash). */
  crashAtSec: number | null;
  /** Replay the faults triggered by hand in the running cluster, at the times they happened. */
  includeLiveFaults: boolean;
}

/** The node the optional crash takes down: node-2 (as in the CLI's example), or the only one. */
export function crashTarget(s: Pick<SimSettings, 'nodes'>): string {
  return (s.nodes[1] ?? s.nodes[0])?.name ?? 'node-1';
}

/** The faults the comparison replays, in time order, within the duration. */
export function compareFaults(s: Pick<SimSettings, 'events' | 'nodes'>, live: readonly ScheduledFault[], o: CompareOptions): ScheduledFault[] {
  const all = [...s.events, ...(o.includeLiveFaults ? live : [])];
  if (o.crashAtSec !== null) all.push({ atSec: o.crashAtSec, action: { kind: 'crash', node: crashTarget(s) } });
  return all.filter((f) => f.atSec < o.durationSec).map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.atSec - b.f.atSec || a.i - b.i).map(({ f }) => structuredClone(f));
}

/** The settings every set-up starts from: the running ones, for `durationSec`, with those faults. */
export function compareBase(s: Readonly<SimSettings>, live: readonly ScheduledFault[], o: CompareOptions): SimSettings {
  const base = structuredClone(s) as SimSettings;
  base.durationSec = o.durationSec;
  base.events = compareFaults(s, live, o);
  return base;
}

/** "crash node-2", "redis-latency 200 ms", "deploy" — as the CLI's --event spells it, in words. */
export function actionWords(a: FaultAction): string {
  if ('node' in a) return `${a.kind} ${a.node}`;
  if (a.kind === 'redis-latency') return a.ms > 0 ? `Redis latency +${a.ms} ms` : 'Redis latency normal';
  return a.kind;
}

/** "at 150 s: crash node-2". */
export function faultWords(f: ScheduledFault): string {
  return `at ${Number(f.atSec.toFixed(1))} s: ${actionWords(f.action)}`;
}

/** The measured columns, formatted for the table (numbers as people read them). */
export function measuredCells(r: CompareRow): { logouts: string; csrf: string; errors: string; lost: string; redis: string; p95: string; imbalance: string } {
  return {
    logouts: count(r.logouts),
    csrf: count(r.csrfMismatches),
    errors: count(r.serverErrors),
    lost: count(r.lostUpdates),
    redis: r.driver === 'redis' || r.redisCommands > 0 ? count(r.redisCommands) : '—',
    p95: p95Words(r.p95Ms),
    imbalance: `${r.imbalance.toFixed(2)}×`,
  };
}

/** 89 ms, 1.2 s, 60 s. */
export function p95Words(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export interface CompareProgress {
  /** Runs finished. */
  done: number;
  total: number;
  /** The one running now (null when finished). */
  current: { label: string } | null;
  rows: CompareRow[];
}

/** What the loop needs from its caller: a way to let the browser paint, progress, cancelling. */
export interface LoopDeps {
  /** Lets the browser paint (and take input) before the next blocking run. */
  yieldToBrowser: () => Promise<void>;
  onProgress: (p: CompareProgress) => void;
  /** True once the caller gave up (dialog closed, run restarted): stop before the next run. */
  cancelled: () => boolean;
}

export interface RunDeps extends LoopDeps {
  /** Runs set-ups on the base settings (the engine's `compareSetups`). */
  compare: (base: SimSettings, setups: readonly Setup[]) => Promise<CompareRow[]>;
}

/** Run the set-ups one after another. Returns the rows, or null if cancelled. */
export function runComparison(base: SimSettings, setups: readonly Setup[], deps: RunDeps): Promise<CompareRow[] | null> {
  return runEach(setups, async (setup) => (await deps.compare(base, [setup]))[0], deps);
}

/**
 * Measure jobs (set-ups, or whole runs) one after another, yielding before each. Returns the
 * rows, or null if cancelled.
 */
export async function runEach<J extends { label: string }>(
  jobs: readonly J[], measureOne: (job: J) => Promise<CompareRow | undefined>, deps: LoopDeps,
): Promise<CompareRow[] | null> {
  const rows: CompareRow[] = [];
  for (const job of jobs) {
    deps.onProgress({ done: rows.length, total: jobs.length, current: { label: job.label }, rows: [...rows] });
    await deps.yieldToBrowser();
    if (deps.cancelled()) return null;
    const row = await measureOne(job);
    if (deps.cancelled()) return null;
    if (row) rows.push(row);
  }
  deps.onProgress({ done: rows.length, total: jobs.length, current: null, rows: [...rows] });
  return rows;
}
