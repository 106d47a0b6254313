/**
 * The run's totals as the CLI's `--json` prints them (a public contract: README "CLI").
 */
import type { OutcomeCounts } from './metrics';
import type { Simulation } from './simulation';

export interface Summary {
  seed: number;
  durationSec: number;
  requests: number;
  /** Requests by HTTP status code (as a string). */
  statuses: Record<string, number>;
  outcomes: OutcomeCounts;
  /** Requests where a logged-in user was answered as a guest without asking to log out: `outcomes.logged_out`. */
  logouts: number;
  /** Requests answered per node. */
  perNode: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number };
  redis: { commands: number; keys: number; expiredKeys: number; evictedKeys: number; connectedClients: number } | null;
  /** The database driver's `sessions` table(s) at the end: rows, and rows whose session has expired (only the lottery's gc() deletes them). */
  sessionsTable?: { rows: number; expired: number };
  /** Digest of the whole trace: equal for equal runs. */
  traceDigest?: string;
}

export function summarize(sim: Simulation): Summary {
  const w = sim.world;
  const m = w.metrics;
  const r = w.redis?.snapshot();
  return {
    seed: w.settings.seed,
    durationSec: w.now / 1000,
    requests: m.requests,
    statuses: sortedKeys(m.statuses),
    outcomes: { ...m.outcomes },
    logouts: m.logouts,
    perNode: { ...m.perNode },
    latencyMs: { p50: m.latencyQuantile(0.5), p95: m.latencyQuantile(0.95), p99: m.latencyQuantile(0.99) },
    redis: r ? { commands: r.commands, keys: r.keys, expiredKeys: r.expiredKeys, evictedKeys: r.evictedKeys, connectedClients: r.connectedClients } : null,
    ...(w.settings.session.driver === 'database' && sim.sessionRows && { sessionsTable: sim.sessionRows }),
  };
}

function sortedKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
