/**
 * Chart data from the engine's per-second buckets: outcome stacks, running totals, per-node
 * rates. Pure, so the numbers the charts draw are unit-tested.
 */
import type { SecondBucket } from '../../sim/metrics';
import { CHART_GROUPS } from '../outcomes';

export type GroupKey = (typeof CHART_GROUPS)[number]['key'];
export type OutcomeRow = { sec: number } & Record<GroupKey, number>;

/** One row per second: requests in each chart group (ok, logged out, 419, 500, 502/504). */
export function outcomeRows(series: readonly SecondBucket[]): OutcomeRow[] {
  return series.map((b) => {
    const row = { sec: b.sec } as OutcomeRow;
    for (const g of CHART_GROUPS) row[g.key] = g.outcomes.reduce((a, o) => a + b.outcomes[o], 0);
    return row;
  });
}

export interface TotalPoint { sec: number; logouts: number; csrf: number }

/**
 * Running totals of logouts and 419s since the start, fed from the engine's growing series.
 * Keeps one point every `stride` seconds plus the live tip; when more than `max` points pile
 * up, the stride doubles (every point is still an exact total).
 */
export class RunningTotals {
  private kept: TotalPoint[] = [{ sec: 0, logouts: 0, csrf: 0 }];
  private tip: TotalPoint = { sec: 0, logouts: 0, csrf: 0 };
  private seen = 0;
  private stride = 1;

  constructor(private readonly max = 300) {}

  /** The points to draw, oldest first, ending at the latest second. */
  get points(): TotalPoint[] {
    return this.tip.sec > this.kept.at(-1)!.sec ? [...this.kept, this.tip] : [...this.kept];
  }

  /** Take the buckets not seen yet. Returns whether anything changed. */
  update(series: readonly SecondBucket[]): boolean {
    if (series.length < this.seen) this.reset();
    if (series.length === this.seen) return false;
    let { logouts, csrf } = this.tip;
    for (let i = this.seen; i < series.length; i++) {
      const b = series[i]!;
      logouts += b.logouts;
      csrf += b.outcomes.csrf_mismatch;
      const p = { sec: b.sec + 1, logouts, csrf };
      if (p.sec % this.stride === 0) this.kept.push(p);
      this.tip = p;
    }
    this.seen = series.length;
    if (this.kept.length > this.max) {
      this.stride *= 2;
      this.kept = this.kept.filter((p) => p.sec % this.stride === 0);
    }
    return true;
  }

  reset(): void {
    this.kept = [{ sec: 0, logouts: 0, csrf: 0 }];
    this.tip = { sec: 0, logouts: 0, csrf: 0 };
    this.seen = 0;
    this.stride = 1;
  }
}

/** Requests per virtual second answered by each node, averaged over the last `window` seconds. */
export function perNodeRates(series: readonly SecondBucket[], nodes: readonly string[], window = 10): number[] {
  const recent = series.slice(-window);
  if (!recent.length) return nodes.map(() => 0);
  return nodes.map((n) => recent.reduce((a, b) => a + (b.perNode[n] ?? 0), 0) / recent.length);
}

/** Redis figures per second: keys, commands per second (from the running counter), clients. */
export function redisRows(series: readonly SecondBucket[]): Array<{ sec: number; keys: number; cmdRate: number; clients: number }> {
  const out = [];
  for (let i = 0; i < series.length; i++) {
    const r = series[i]!.redis;
    if (!r) continue;
    const prev = series[i - 1]?.redis;
    out.push({ sec: series[i]!.sec, keys: r.keys, cmdRate: prev ? Math.max(0, r.commands - prev.commands) : 0, clients: r.connectedClients });
  }
  return out;
}
