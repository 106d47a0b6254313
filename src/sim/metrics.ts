/**
 * Totals and per-second series of what the simulation computed. Fed one finished request at
 * a time; the per-second buckets drive the live charts.
 */
import { CLONE, type Cloner } from './graphClone';
import { isLogout, OUTCOMES, type Outcome } from './outcomes';
import type { TraceRecord } from './types';

export type OutcomeCounts = Record<Outcome, number>;

/** One virtual second of traffic. */
export interface SecondBucket {
  /** Virtual second (bucket start). */
  sec: number;
  requests: number;
  outcomes: OutcomeCounts;
  /** Requests answered per node. */
  perNode: Record<string, number>;
  logouts: number;
  /** Redis figures sampled at the end of the second (null when Redis is not in play). */
  redis: { keys: number; commands: number; connectedClients: number; usedMemory: number; evictedKeys: number; expiredKeys: number } | null;
}

export const zeroOutcomes = (): OutcomeCounts => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;

/** Latencies are kept in 1 ms buckets up to this bound (enough for nginx's 60 s timeouts). */
const MAX_LATENCY_MS = 120_000;
/**
 * The buckets held at first: most answers take well under a second, so the histogram grows only
 * when a slower one comes (keeps a checkpoint's copy small).
 */
const INITIAL_LATENCY_BUCKETS = 4_096;

export class Metrics {
  requests = 0;
  /** Requests whose outcome is `logged_out` (see src/sim/outcomes.ts). */
  logouts = 0;
  readonly statuses: Record<string, number> = {};
  readonly outcomes = zeroOutcomes();
  readonly perNode: Record<string, number> = {};
  readonly series: SecondBucket[] = [];
  private current: SecondBucket;
  private latency = new Uint32Array(INITIAL_LATENCY_BUCKETS);

  constructor(nodeNames: readonly string[]) {
    for (const n of nodeNames) this.perNode[n] = 0;
    this.current = this.bucket(0);
  }

  record(r: TraceRecord, latencyMs: number): void {
    this.requests++;
    this.statuses[r.status] = (this.statuses[r.status] ?? 0) + 1;
    this.outcomes[r.outcome]++;
    const c = this.current;
    c.requests++;
    c.outcomes[r.outcome]++;
    if (r.node !== null) {
      this.perNode[r.node] = (this.perNode[r.node] ?? 0) + 1;
      c.perNode[r.node] = (c.perNode[r.node] ?? 0) + 1;
    }
    if (isLogout(r)) {
      this.logouts++;
      c.logouts++;
    }
    const ms = Math.min(MAX_LATENCY_MS, Math.max(0, Math.round(latencyMs)));
    if (ms >= this.latency.length) this.growLatency(ms);
    this.latency[ms]!++;
  }

  /** Close the current second and open the next. */
  closeSecond(redis: SecondBucket['redis']): SecondBucket {
    const done = this.current;
    done.redis = redis;
    this.series.push(done);
    this.current = this.bucket(done.sec + 1);
    return done;
  }

  /** The q-quantile (0..1) of response times in ms, as the user's browser measured them. */
  latencyQuantile(q: number): number {
    const target = Math.ceil(q * this.requests);
    let seen = 0;
    for (let ms = 0; ms < this.latency.length; ms++) {
      seen += this.latency[ms]!;
      if (seen >= target && seen > 0) return ms;
    }
    return 0;
  }

  /** A checkpoint's copy shares the closed seconds: once closed, a bucket never changes. */
  [CLONE](c: Cloner): Metrics {
    return c.copyFields<Metrics>(this, { series: this.series.slice() });
  }

  private growLatency(ms: number): void {
    const grown = new Uint32Array(Math.min(MAX_LATENCY_MS + 1, Math.max(ms + 1, this.latency.length * 2)));
    grown.set(this.latency);
    this.latency = grown;
  }

  private bucket(sec: number): SecondBucket {
    return { sec, requests: 0, outcomes: zeroOutcomes(), perNode: {}, logouts: 0, redis: null };
  }
}
