/**
 * The failure lab's settings: the part of the engine's settings its panel edits, how a change
 * is applied on top of the full settings, and what changed in the words of redis.conf and
 * .env (for the feed). Which faults apply to the running cluster, and why not. Pure functions.
 */
import {
  CACHE_LOADS, EVICTION_POLICIES, REDIS_FAILURE_MODES,
  type CacheLoad, type EvictionPolicy, type RedisFailureMode, type SimSettings,
} from '../../sim/types';
import type { View } from '../state/view';

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
}

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
  };
}

/** Full settings with the lab's values applied (everything else kept). */
export function withLab(s: Readonly<SimSettings>, patch: Partial<LabSettings>): SimSettings {
  const l = { ...labOf(s), ...patch };
  const next = structuredClone(s) as SimSettings;
  next.redis = {
    ...next.redis, maxmemoryBytes: l.maxmemoryBytes, policy: l.policy, cacheLoad: l.cacheLoad,
    dedicatedSessionRedis: l.dedicatedSessionRedis, sentinel: l.sentinel,
  };
  next.session = {
    ...next.session, block: l.block, localCache: l.localCache, lifetimeMin: l.lifetimeMin,
    expireOnClose: l.expireOnClose, onRedisFailure: l.onRedisFailure,
  };
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
}

export function faultReasons(v: Pick<View, 'settings' | 'redis' | 'nodes' | 'deploy'> | null): FaultReasons {
  if (!v) {
    const r = 'the cluster is starting';
    return { deploy: r, failover: r, latency: r, blackhole: r, partition: r };
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
  };
}
