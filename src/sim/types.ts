/**
 * The public vocabulary of the simulation core: settings in, trace and metrics out.
 * Everything here is plain, serialisable data (STYLE.md §5).
 */

export const SESSION_DRIVERS = ['file', 'redis', 'cookie', 'array', 'database'] as const;
/** Laravel `SESSION_DRIVER` values the simulator models. */
export type SessionDriver = (typeof SESSION_DRIVERS)[number];

export const DB_CONNECTIONS = ['sqlite', 'mysql'] as const;
/** `DB_CONNECTION` for the `database` driver: the skeleton's per-server SQLite file, or one shared MySQL server. */
export type DbConnection = (typeof DB_CONNECTIONS)[number];

export const BLOCK_STORES = ['file', 'database', 'redis'] as const;
/** Where `->block()` locks live (`session.block_store`, else `CACHE_STORE`). */
export type BlockStore = (typeof BLOCK_STORES)[number];

export const REDIS_CLIENTS = ['phpredis', 'predis'] as const;
/** `REDIS_CLIENT`: phpredis (Laravel's default, no Sentinel support) or predis (`'replication' => 'sentinel'`). */
export type RedisClientKind = (typeof REDIS_CLIENTS)[number];

export const SESSION_CONNECTIONS = ['default', 'cache'] as const;

export const BALANCER_STRATEGIES = ['round-robin', 'least-conn', 'ip-hash', 'cookie', 'hash-cookie'] as const;
/**
 * Load-balancing strategies. The first five are nginx's (`round-robin` default,
 * `least_conn`, `ip_hash`, `sticky cookie`, `hash $cookie_X consistent`); the HAProxy
 * flavours are selected with {@link BalancerSettings.flavor}.
 */
export type BalancerStrategy = (typeof BALANCER_STRATEGIES)[number];

export const CLIENT_POPULATIONS = ['unique', 'office-nat', 'mobile', 'mixed'] as const;
/** How users' client IPs are distributed. */
export type ClientPopulation = (typeof CLIENT_POPULATIONS)[number];

export const REDIS_FAILURE_MODES = ['fail-closed', 'fallback-file'] as const;
/** What a node does when Redis is unreachable. Laravel itself has no fallback: fail-closed is the truth. */
export type RedisFailureMode = (typeof REDIS_FAILURE_MODES)[number];

export const EVICTION_POLICIES = [
  'noeviction', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random',
  'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
] as const;
/** Redis `maxmemory-policy`. */
export type EvictionPolicy = (typeof EVICTION_POLICIES)[number];

/** One `server` line of an upstream block (nginx) or backend (HAProxy). */
export interface NodeSpec {
  /** Simulator name, `node-1` … `node-N` in upstream order. */
  name: string;
  /** Address as written in the server line, e.g. `node1.internal:80`. nginx hashes this string (ketama, sticky). */
  address: string;
  /** `weight=` (default 1). */
  weight: number;
  /** `max_fails=` (default 1; 0 disables the accounting). */
  maxFails: number;
  /** `fail_timeout=` in seconds (default 10). */
  failTimeoutSec: number;
  /** `down` flag: the server keeps its slot in ip_hash but takes no traffic. */
  down: boolean;
  /** nginx 1.29.6+ `drain`: only clients bound to it by the sticky cookie still reach it. Default false. */
  drain?: boolean;
  /** `backup`: only used when every primary is unavailable. */
  backup: boolean;
  /** HAProxy `cookie <value>` / nginx `route=`: the value a sticky cookie names this server by. */
  cookieValue?: string;
}

/** Load balancer settings (nginx `upstream` or HAProxy `backend`). */
export interface BalancerSettings {
  /** Which product's semantics to follow. */
  flavor: 'nginx' | 'haproxy';
  strategy: BalancerStrategy;
  /** `cookie` strategy: the cookie name (`sticky cookie srv_id`, HAProxy `cookie SERVERID`). */
  stickyCookie: { name: string; expiresSec: number | null; domain: string | null; path: string | null };
  /** `hash-cookie` strategy: the cookie hashed (`hash $cookie_NAME consistent`). */
  hashCookie: { name: string; consistent: boolean };
  /** HAProxy `option redispatch`. */
  redispatch: boolean;
}

/** Laravel session settings, as `.env` and `config/session.php` set them. */
export interface SessionSettings {
  driver: SessionDriver;
  /** `SESSION_LIFETIME` in minutes (sliding). Default 120. */
  lifetimeMin: number;
  /** `SESSION_EXPIRE_ON_CLOSE`. */
  expireOnClose: boolean;
  /** `SESSION_ENCRYPT`. */
  encrypt: boolean;
  /** `APP_NAME`, which derives the cookie name and the Redis/cache prefixes (see `laravelNames`). */
  appName: string;
  /** `SESSION_CONNECTION` (null = `default`). */
  connection: string | null;
  /** What a node does when Redis is unreachable. */
  onRedisFailure: RedisFailureMode;
  /** Route-level session blocking (`->block(10, 10)`) on the cart routes. Default false. */
  block?: boolean;
  /** A read-through, write-through copy of sessions in each node's memory. Default false. */
  localCache?: boolean;
  /** `DB_CONNECTION` when the driver or the lock store is `database` (`dbConnectionOf`). Default 'sqlite' (the 11/12 skeleton). */
  dbConnection?: DbConnection;
  /**
   * Where `->block()` locks live (`session.block_store`). Default (unset): the app's default cache
   * store, `blockStoreOf` in settings.ts — Redis for the redis driver, the database for the
   * database driver, else each node's file cache.
   */
  blockStore?: BlockStore;
}

export const CACHE_LOADS = ['none', 'light', 'heavy'] as const;
/** General cache traffic sharing the Redis (Laravel's `Cache::` on the same server). */
export type CacheLoad = (typeof CACHE_LOADS)[number];

/** Redis settings. */
export interface RedisSettings {
  host: string;
  port: number;
  password: string | null;
  db: number;
  /** `maxmemory` in bytes, 0 = unlimited. */
  maxmemoryBytes: number;
  policy: EvictionPolicy;
  /** Cache traffic on the same Redis. Default 'none'. */
  cacheLoad?: CacheLoad;
  /** Sessions on their own Redis, separate from the cache (same maxmemory and policy). Default false. */
  dedicatedSessionRedis?: boolean;
  /** A replica and Sentinel: `redis-failover` promotes the replica after down-after-milliseconds. Default false. */
  sentinel?: boolean;
  /** `REDIS_CLIENT`. Default 'phpredis' (with Sentinel it never follows a failover). */
  client?: RedisClientKind;
  /** config/database.php `timeout`/`read_timeout` in seconds; null/unset = the client's default (phpredis 60 s, predis 5 s). */
  timeoutSec?: number | null;
}

/** Fault actions that can be scheduled or triggered live. */
export type FaultAction =
  | { kind: 'crash'; node: string }
  | { kind: 'restart'; node: string }
  | { kind: 'replace'; node: string }
  | { kind: 'drain'; node: string }
  /** nginx 1.29.6+ `drain` on the node's server line: bound clients stay, new ones go elsewhere. */
  | { kind: 'nginx-drain'; node: string }
  | { kind: 'redis-down' }
  | { kind: 'redis-up' }
  /** Rolling deploy: drain, replace and boot each node in turn. */
  | { kind: 'deploy' }
  /** The Redis primary dies; Sentinel promotes the replica (needs `sentinel`). */
  | { kind: 'redis-failover' }
  /** The node's packets to Redis are dropped (a black hole): its Redis calls hang. */
  | { kind: 'partition'; node: string }
  | { kind: 'heal'; node: string }
  /** Every Redis command takes this much longer (0 restores). */
  | { kind: 'redis-latency'; ms: number }
  /** Every node's packets to Redis are dropped. */
  | { kind: 'redis-blackhole' }
  /** `php artisan cache:clear`: FLUSHDB on the cache connection's database (DB 1). */
  | { kind: 'cache-clear' }
  /** The shared MySQL server of the `database` driver goes down / comes back. */
  | { kind: 'db-down' }
  | { kind: 'db-up' };

/** A fault at a virtual time. */
export interface ScheduledFault {
  /** Virtual seconds from the start. */
  atSec: number;
  action: FaultAction;
}

/** Everything a run needs. Same settings + same seed ⇒ same trace, byte for byte. */
export interface SimSettings {
  seed: number;
  durationSec: number;
  users: number;
  clients: ClientPopulation;
  nodes: NodeSpec[];
  balancer: BalancerSettings;
  session: SessionSettings;
  redis: RedisSettings;
  events: ScheduledFault[];
  /** Parallel requests a user fires at once when adding to the cart (tabs, AJAX). Default 1. */
  concurrency?: number;
}

import type { Outcome } from './outcomes';
/** Outcomes are defined, with what each means, in one module. */
export { OUTCOMES, type Outcome } from './outcomes';

/** One finished request, as `--trace` prints it (one JSON line each). */
export interface TraceRecord {
  /** Virtual ms when the request was sent. */
  t: number;
  user: number;
  ip: string;
  method: 'GET' | 'POST';
  path: string;
  /** The node that answered, or null if none was reached. */
  node: string | null;
  status: number;
  /** The session id the request carried, or null. */
  session: string | null;
  authBefore: boolean;
  authAfter: boolean;
  outcome: Outcome;
}
