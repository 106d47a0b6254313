/**
 * The metrics a lesson goal may name, and how each is measured over a window. A small, closed
 * vocabulary: everything here is read from the engine's per-second series
 * (`world.metrics.series`) or, for the few live figures, from the simulated Redis without
 * sending it a command (so a goal never shows up in MONITOR or `total_commands_processed`).
 */
import { OUTCOMES } from '../sim/types';

/**
 * How a metric is aggregated over a goal's window:
 * - `count`: requests in the window (sum of per-second buckets); may be a ratio with `per`;
 * - `share`: a node's share of the requests answered in the window, 0..1;
 * - `counter`: a Redis counter's increase over the window (`expired_keys`, …);
 * - `gauge`: a Redis figure at the end of the window (`keys`, …);
 * - `live`: read from the simulation while the window is open, last value kept (Redis's
 *   `avg_ttl`, commands typed, and response-time percentiles since the cluster started).
 */
export type MetricKind = 'count' | 'share' | 'counter' | 'gauge' | 'live';

export interface MetricInfo {
  kind: MetricKind;
  /** What the player shows, e.g. "unexpected logouts". */
  label: string;
  /** Shown as a percentage (shares and ratios). */
  percent?: boolean;
  /**
   * Measured since the simulation started, whatever the window: no `window` allowed.
   * (The engine keeps one latency histogram per run, not one per second.)
   */
  wholeRun?: boolean;
}

/** The response-time percentiles a goal may name: the CLI's `latencyMs.p50|p95|p99`. */
export const LATENCY_QUANTILES = { 'latencyMs.p50': 0.5, 'latencyMs.p95': 0.95, 'latencyMs.p99': 0.99 } as const;

const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  ok: 'good responses',
  logged_out: 'requests answered as a guest (logged out)',
  csrf_mismatch: '419 Page Expired responses',
  server_error: '500 Server Error responses',
  bad_gateway: '502 Bad Gateway responses',
  gateway_timeout: '504 Gateway Timeout responses',
  lost_update: 'lost session updates',
};

/** Metrics with a fixed name. `perNode.<node>`, `redis.calls.<command>` and `redis.hits.<command>` are patterns (see {@link metricInfo}). */
export const FIXED_METRICS: Readonly<Record<string, MetricInfo>> = {
  requests: { kind: 'count', label: 'requests' },
  logouts: { kind: 'count', label: 'unexpected logouts' },
  ...Object.fromEntries(OUTCOMES.map((o) => [`outcomes.${o}`, { kind: 'count', label: OUTCOME_LABELS[o] }])),
  busiestNodeShare: { kind: 'share', label: "the busiest node's share of requests", percent: true },
  quietestNodeShare: { kind: 'share', label: "the quietest node's share of requests", percent: true },
  'redis.commands': { kind: 'counter', label: 'Redis commands' },
  'redis.expiredKeys': { kind: 'counter', label: 'Redis keys expired (expired_keys)' },
  'redis.evictedKeys': { kind: 'counter', label: 'Redis keys evicted (evicted_keys)' },
  'redis.keys': { kind: 'gauge', label: 'keys in Redis' },
  'redis.connectedClients': { kind: 'gauge', label: 'Redis connected_clients' },
  'redis.usedMemory': { kind: 'gauge', label: 'Redis used_memory (bytes)' },
  'redis.avgTtlSec': { kind: 'live', label: 'average TTL of the keys in Redis (s)' },
  'latencyMs.p50': { kind: 'live', label: 'median response time (ms)', wholeRun: true },
  'latencyMs.p95': { kind: 'live', label: '95th percentile response time (ms)', wholeRun: true },
  'latencyMs.p99': { kind: 'live', label: '99th percentile response time (ms)', wholeRun: true },
};

/** Node names as the engine spells them. */
const NODE_RE = /^perNode\.(node-[1-9]\d*)$/;
/** Redis command names as INFO commandstats spells them (lower case, `config|get`). */
const CALLS_RE = /^redis\.calls\.([a-z]+(?:\|[a-z]+)?)$/;
/** Commands that found their key: `redis.hits.ttl` (a TTL answered -2 does not count). */
const HITS_RE = /^redis\.hits\.([a-z]+)$/;

/** The metrics counting what the student typed in the Redis console: they count whenever it was typed. */
export function isTypedMetric(name: string): boolean {
  return CALLS_RE.test(name) || HITS_RE.test(name);
}

/** What a metric name means, or null if it is not one. */
export function metricInfo(name: string): MetricInfo | null {
  if (Object.hasOwn(FIXED_METRICS, name)) return FIXED_METRICS[name]!;
  const node = NODE_RE.exec(name);
  if (node) return { kind: 'count', label: `requests answered by ${node[1]}` };
  const cmd = CALLS_RE.exec(name);
  if (cmd) return { kind: 'live', label: `${cmd[1]!.toUpperCase()} commands run` };
  const hit = HITS_RE.exec(name);
  if (hit) return { kind: 'live', label: `${hit[1]!.toUpperCase()} commands that found their key` };
  return null;
}

/** The node a `perNode.<node>` metric names, or null. */
export function metricNode(name: string): string | null {
  return NODE_RE.exec(name)?.[1] ?? null;
}

/** Names to suggest from ("did you mean …?"), patterns shown with an example. */
export const METRIC_NAMES: readonly string[] = [...Object.keys(FIXED_METRICS), 'perNode.node-1', 'redis.calls.scan', 'redis.hits.ttl'];
