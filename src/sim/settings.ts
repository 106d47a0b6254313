/**
 * Defaults and the fault vocabulary shared by the CLI flags, `--scenario` files, lessons and the
 * page. (The scenario schema, which needs zod, is in scenario.ts so the first screen stays light.)
 */
import type { BalancerSettings, BlockStore, DbConnection, FaultAction, NodeSpec, ScheduledFault, SessionSettings, SimSettings } from './types';

export const MAX_NODES = 8;
export const MAX_USERS = 10_000;
/** The longest run (and so the latest event) in virtual seconds: 7 days, as scenario files allow. */
export const MAX_RUN_SEC = 7 * 24 * 3600;

/**
 * Seconds as people write them — `600`, `90.5`, at most 3 decimals (ms) and at most
 * {@link MAX_RUN_SEC} — or null. `Number()` alone would also take `0x10`, `1e9`, `Infinity`
 * and ` 10`, which no one means as a time.
 */
export function decimalSeconds(raw: string): number | null {
  if (!/^\d{1,7}(\.\d{1,3})?$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_RUN_SEC ? n : null;
}

/** The i-th (1-based) node's spec as the seed lesson writes it: `server node1.internal:80;`. */
export function defaultNode(i: number): NodeSpec {
  return { name: `node-${i}`, address: `node${i}.internal:80`, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false };
}

export function defaultBalancer(strategy: BalancerSettings['strategy'] = 'round-robin'): BalancerSettings {
  return {
    flavor: 'nginx',
    strategy,
    stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: null, path: '/' },
    hashCookie: { name: 'laravel_session', consistent: true },
    redispatch: true,
  };
}

export function defaultSettings(): SimSettings {
  return {
    seed: 1,
    durationSec: 600,
    users: 100,
    clients: 'unique',
    nodes: [defaultNode(1), defaultNode(2)],
    balancer: defaultBalancer(),
    session: { driver: 'file', lifetimeMin: 120, expireOnClose: false, encrypt: false, appName: 'Laravel', connection: null, onRedisFailure: 'fail-closed' },
    redis: { host: '127.0.0.1', port: 6379, password: null, db: 0, maxmemoryBytes: 0, policy: 'noeviction', client: 'phpredis' },
    events: [],
  };
}

/**
 * Where `->block()` locks live: `session.block_store` when set (`blockStore`), else the app's
 * default cache store (`CACHE_STORE`): Redis with the redis driver, the database with the
 * database driver (the 11/12 skeleton's `CACHE_STORE=database`), else each node's `file` cache.
 * The one place this default is decided (engine, lessons, page, node `.env`).
 */
export function blockStoreOf(s: Pick<SessionSettings, 'blockStore' | 'driver'>): BlockStore {
  return s.blockStore ?? (s.driver === 'redis' ? 'redis' : s.driver === 'database' ? 'database' : 'file');
}

/** Laravel's default `session.lottery`: `[2, 100]`. */
export const DEFAULT_LOTTERY = 2;

/** The chance in 100 that a request runs the session handler's `gc()` (`session.lottery[0]`). */
export function lotteryOf(s: Pick<SessionSettings, 'lottery'>): number {
  return s.lottery ?? DEFAULT_LOTTERY;
}

/** `DB_CONNECTION`, when anything uses the database (the database driver or lock store): else null. */
export function dbConnectionOf(s: Pick<SessionSettings, 'blockStore' | 'driver' | 'dbConnection'>): DbConnection | null {
  return s.driver === 'database' || blockStoreOf(s) === 'database' ? (s.dbConnection ?? 'sqlite') : null;
}

/** Fault actions that name a node (`crash:node-2`). */
export const NODE_ACTIONS = ['crash', 'restart', 'replace', 'drain', 'nginx-drain', 'partition', 'heal'] as const;
/** Fault actions without a target. */
export const PLAIN_ACTIONS = ['redis-down', 'redis-up', 'deploy', 'redis-failover', 'redis-blackhole', 'cache-clear', 'db-down', 'db-up'] as const;
const ALL_ACTIONS = [...NODE_ACTIONS, ...PLAIN_ACTIONS, 'redis-latency'];

/**
 * Parse `T:ACTION[:TARGET]` (T in virtual seconds), e.g. `30:crash:node-2`, `60:redis-down`,
 * `90:redis-latency:200`. Returns an error message instead of throwing.
 */
export function parseEventSpec(spec: string, nodeCount: number): ScheduledFault | string {
  const [at, action, target, ...rest] = spec.split(':');
  const atSec = decimalSeconds(at ?? '');
  if (atSec === null) {
    return `"${spec}": the time must be decimal seconds from 0 to ${MAX_RUN_SEC} (7 days), as in 30:crash:node-2 or 12.5:redis-down`;
  }
  if (rest.length > 0) return `"${spec}": too many parts; expected T:ACTION[:TARGET]`;
  if ((PLAIN_ACTIONS as readonly string[]).includes(action ?? '')) {
    if (target !== undefined) return `"${spec}": ${action} takes no target`;
    return { atSec, action: { kind: action as (typeof PLAIN_ACTIONS)[number] } };
  }
  if (action === 'redis-latency') {
    const ms = Number(target);
    if (target === undefined || !/^\d+$/.test(target) || ms > 600_000) return `"${spec}": redis-latency needs milliseconds, as in 90:redis-latency:200`;
    return { atSec, action: { kind: 'redis-latency', ms } };
  }
  if ((NODE_ACTIONS as readonly string[]).includes(action ?? '')) {
    const m = /^node-(\d+)$/.exec(target ?? '');
    const n = m ? Number(m[1]) : NaN;
    if (!m || n < 1 || n > nodeCount) {
      return `"${spec}": ${action} needs a node, node-1 … node-${nodeCount}`;
    }
    return { atSec, action: { kind: action as (typeof NODE_ACTIONS)[number], node: `node-${n}` } };
  }
  return `"${spec}": unknown action "${action ?? ''}"; expected one of ${ALL_ACTIONS.join(', ')}`;
}

/** `crash:node-2` style label of an action (the inverse of {@link parseEventSpec}'s action part). */
export function actionLabel(a: FaultAction): string {
  if ('node' in a) return `${a.kind}:${a.node}`;
  if (a.kind === 'redis-latency') return `${a.kind}:${a.ms}`;
  return a.kind;
}
