/**
 * The failure lab's settings: the part of the engine's settings its panel edits, how a change
 * is applied on top of the full settings, and what changed in the words of redis.conf and
 * .env (for the feed). Which faults apply to the running cluster, and why not. Pure functions.
 */
import {
  BLOCK_STORES, CACHE_LOADS, DB_CONNECTIONS, EVICTION_POLICIES, REDIS_CLIENTS, REDIS_FAILURE_MODES,
  type BlockStore, type CacheLoad, type DbConnection, type EvictionPolicy, type RedisClientKind, type RedisFailureMode, type SimSettings,
} from '../../sim/types';
import type { View } from '../state/view';
import { blockStoreOf } from '../../sim/settings';

export interface LabSettings {
  /** Redis `maxmemory`, bytes (0 = no limit). */
  maxmemoryBytes: number;
  policy: EvictionPolicy;
  cacheLoad: CacheLoad;
  dedicatedSessionRedis: boolean;
  sentinel: boolean;
  /** Parallel requests per add-to-cart action (1–8). */
  concurrency: number;
  /** `->block(10, 10)` on the cart routes. */
  block: boolean;
  localCache: boolean;
  lifetimeMin: number;
  expireOnClose: boolean;
  onRedisFailure: RedisFailureMode;
  /** DB_CONNECTION of the database driver. */
  dbConnection: DbConnection;
  /** SESSION_CONNECTION: the Redis database of the sessions. */
  sessionConnection: 'default' | 'cache';
  /** Where ->block() locks live. */
  blockStore: BlockStore;
  redisClient: RedisClientKind;
  /** config/database.php timeout, seconds; 0 = the client's default. */
  redisTimeoutSec: number;
}

export const DB_CONNECTION_OPTIONS = DB_CONNECTIONS;
export const BLOCK_STORE_OPTIONS = BLOCK_STORES;
export const REDIS_CLIENT_OPTIONS = REDIS_CLIENTS;
/** Redis timeout choices, seconds (0: phpredis waits PHP's default_socket_timeout, 60 s; predis connects within 5 s). */
export const REDIS_TIMEOUT_OPTIONS = [0, 1, 2, 5, 30] as const;

export const BLOCK_STORE_LABEL: Readonly<Record<BlockStore, string>> = {
  file: 'file (each node)',
  database: 'database (DB_CONNECTION)',
  redis: 'redis (shared)',
};

const MB = 1024 * 1024;

/** The maxmemory choices (redis.conf's `2mb` is 2 × 1024² bytes). */
export const MAXMEMORY_OPTIONS: ReadonlyArray<{ bytes: number; label: string }> = [
  { bytes: 0, label: 'no limit' },
  { bytes: MB, label: '1 MB' },
  { bytes: 2 * MB, label: '2 MB' },
  { bytes: 8 * MB, label: '8 MB' },
];

export const POLICIES = EVICTION_POLICIES;
export const FAILURE_MODES = REDIS_FAILURE_MODES;

export const CACHE_LOAD_LABEL: Readonly<Record<CacheLoad, string>> = {
  none: 'none',
  light: 'light (20 ops/s, 1 KB)',
  heavy: 'heavy (200 ops/s, 4 KB)',
};
export const CACHE_LOAD_OPTIONS = CACHE_LOADS;

/** SESSION_LIFETIME choices, minutes (120 is Laravel's default). */
export const LIFETIME_OPTIONS = [1, 2, 5, 30, 120] as const;
export const CONCURRENCY_OPTIONS = [1, 2, 3, 4, 6, 8] as const;

/** A list of options that always contains `value` (a lesson or .env may set any value). */
export function withCurrent<T extends number>(options: readonly T[], value: number): number[] {
  return options.includes(value as T) ? [...options] : [...options, value].sort((a, b) => a - b);
}

/** `2mb`, `512kb`, `0` — a size as redis.conf writes it. */
export function memoryWords(bytes: number): string {
  if (bytes === 0) return '0 (no limit)';
  if (bytes % MB === 0) return `${bytes / MB}mb`;
  if (bytes % 1024 === 0) return `${bytes / 1024}kb`;
  return String(bytes);
}

export function labOf(s: Readonly<SimSettings>): LabSettings {
  return {
    maxmemoryBytes: s.redis.maxmemoryBytes,
    policy: s.redis.policy,
    cacheLoad: s.redis.cacheLoad ?? 'none',
    dedicatedSessionRedis: s.redis.dedicatedSessionRedis ?? false,
    sentinel: s.redis.sentinel ?? false,
    concurrency: s.concurrency ?? 1,
    block: s.session.block ?? false,
    localCache: s.session.localCache ?? false,
    lifetimeMin: s.session.lifetimeMin,
    expireOnClose: s.session.expireOnClose,
    onRedisFailure: s.session.onRedisFailure,
    dbConnection: s.session.dbConnection ?? 'sqlite',
    sessionConnection: s.session.connection === 'cache' ? 'cache' : 'default',
    blockStore: blockStoreOf(s.session),
    redisClient: s.redis.client ?? 'phpredis',
    redisTimeoutSec: s.redis.timeoutSec ?? 0,
  };
}

/** Full settings with the lab's values applied (everything else kept). */
export function withLab(s: Readonly<SimSettings>, patch: Partial<LabSettings>): SimSettings {
  const l = { ...labOf(s), ...patch };
  const next = structuredClone(s) as SimSettings;
  next.redis = {
    ...next.redis, maxmemoryBytes: l.maxmemoryBytes, policy: l.policy, cacheLoad: l.cacheLoad,
    dedicatedSessionRedis: l.dedicatedSessionRedis, sentinel: l.sentinel,
    client: l.redisClient, timeoutSec: l.redisTimeoutSec > 0 ? l.redisTimeoutSec : null,
  };
  next.session = {
    ...next.session, block: l.block, localCache: l.localCache, lifetimeMin: l.lifetimeMin,
    expireOnClose: l.expireOnClose, onRedisFailure: l.onRedisFailure, dbConnection: l.dbConnection,
    connection: l.sessionConnection === 'cache' ? 'cache' : s.session.connection === 'cache' ? null : s.session.connection,
  };
  // Only a changed lock store is written: unset keeps the default (blockStoreOf: the app's cache store).
  if (patch.blockStore !== undefined || s.session.blockStore !== undefined) next.session.blockStore = l.blockStore;
  next.concurrency = Math.max(1, Math.min(8, Math.round(l.concurrency)));
  return next;
}

/** What changed between two lab settings, in the words of redis.conf and .env ("" if nothing). */
export function describeLab(a: LabSettings, b: LabSettings): string {
  const out: string[] = [];
  if (a.maxmemoryBytes !== b.maxmemoryBytes) out.push(`maxmemory ${memoryWords(b.maxmemoryBytes)}`);
  if (a.policy !== b.policy) out.push(`maxmemory-policy ${b.policy}`);
  if (a.cacheLoad !== b.cacheLoad) out.push(`cache load ${b.cacheLoad}`);
  if (a.dedicatedSessionRedis !== b.dedicatedSessionRedis) out.push(b.dedicatedSessionRedis ? 'sessions on their own Redis' : 'sessions and cache share one Redis');
  if (a.sentinel !== b.sentinel) out.push(b.sentinel ? 'Sentinel with a replica' : 'no Sentinel');
  if (a.concurrency !== b.concurrency) out.push(`${b.concurrency} parallel request${b.concurrency === 1 ? '' : 's'} per cart action`);
  if (a.block !== b.block) out.push(b.block ? 'session ->block() on the cart routes' : 'no session blocking');
  if (a.localCache !== b.localCache) out.push(b.localCache ? 'node-local session cache' : 'no node-local session cache');
  if (a.lifetimeMin !== b.lifetimeMin) out.push(`SESSION_LIFETIME=${b.lifetimeMin}`);
  if (a.expireOnClose !== b.expireOnClose) out.push(`SESSION_EXPIRE_ON_CLOSE=${b.expireOnClose}`);
  if (a.onRedisFailure !== b.onRedisFailure) out.push(`on Redis failure: ${b.onRedisFailure}`);
  if (a.dbConnection !== b.dbConnection) out.push(`DB_CONNECTION=${b.dbConnection}`);
  if (a.sessionConnection !== b.sessionConnection) out.push(`SESSION_CONNECTION=${b.sessionConnection}`);
  if (a.blockStore !== b.blockStore) out.push(`->block() locks in ${b.blockStore}`);
  if (a.redisClient !== b.redisClient) out.push(`REDIS_CLIENT=${b.redisClient}`);
  if (a.redisTimeoutSec !== b.redisTimeoutSec) out.push(`Redis timeout ${b.redisTimeoutSec === 0 ? '0 (client default)' : `${b.redisTimeoutSec} s`}`);
  return out.join(', ');
}

/** Why a fault cannot be triggered now (null: it can). */
export interface FaultReasons {
  deploy: string | null;
  failover: string | null;
  latency: string | null;
  blackhole: string | null;
  /** Partition from Redis (per node the popover also checks the node's own state). */
  partition: string | null;
  /** `php artisan cache:clear`. */
  cacheClear: string | null;
  /** The shared MySQL server going down / coming back. */
  dbDown: string | null;
  dbUp: string | null;
}

export function faultReasons(v: Pick<View, 'settings' | 'redis' | 'nodes' | 'deploy'> | null, dbUp: boolean | null = null): FaultReasons {
  if (!v) {
    const r = 'the cluster is starting';
    return { deploy: r, failover: r, latency: r, blackhole: r, partition: r, cacheClear: r, dbDown: r, dbUp: r };
  }
  const redis = v.redis;
  const noRedis = redis ? null : 'Redis is not in use (set the session driver to redis or add a cache load)';
  const sessionsInRedis = v.settings.session.driver === 'redis';
  return {
    deploy: v.deploy ? 'a deploy is already rolling' : v.nodes.some((n) => n.state === 'up') ? null : 'no node is up',
    failover: noRedis ?? (redis!.state === 'failingOver' ? 'Sentinel is already failing over'
      : !redis!.replica ? (v.settings.redis.sentinel ? 'the replica was already promoted (restart for a new one)' : 'needs Sentinel (turn it on above)')
        : redis!.state !== 'up' ? 'the primary is not up' : null),
    latency: noRedis,
    blackhole: noRedis ?? (redis!.blackhole ? 'Redis is already black-holed' : redis!.state !== 'up' ? 'Redis is not up' : null),
    partition: sessionsInRedis ? null : 'needs SESSION_DRIVER=redis (sessions are not in Redis)',
    cacheClear: noRedis ?? (redis!.blackhole || !redis!.up ? 'Redis is not reachable' : null),
    dbDown: dbReason(v.settings, dbUp) ?? (dbUp === false ? 'the database is already down' : null),
    dbUp: dbReason(v.settings, dbUp) ?? (dbUp === true ? 'the database is up' : null),
  };
}

/** Why there is no database server to stop (null: there is one). */
function dbReason(s: Readonly<SimSettings>, dbUp: boolean | null): string | null {
  if (dbUp === null) return 'needs SESSION_DRIVER=database';
  return (s.session.dbConnection ?? 'sqlite') === 'mysql' ? null : 'DB_CONNECTION=sqlite is a file on each node: no server to stop';
}
