/**
 * General cache traffic (`Cache::remember`, `Cache::forever`) on a Redis shared with the
 * sessions — the setting in which the course warns about evictions. A steady stream of
 * writes and reads over a large key space fills memory until maxmemory makes Redis evict
 * (or, under noeviction, refuse writes with OOM).
 */
import { isRedisError } from '../redis/errors';
import type { CacheLoad } from '../types';
import type { World } from '../world';

interface Profile {
  /** Cache operations per virtual second. */
  opsPerSec: number;
  /** Bytes per cached value. */
  valueBytes: number;
}

export const CACHE_PROFILES: Record<Exclude<CacheLoad, 'none'>, Profile> = {
  light: { opsPerSec: 20, valueBytes: 1_024 },
  heavy: { opsPerSec: 200, valueBytes: 4_096 },
};

/** Distinct cache keys the app uses (products, rendered fragments, query results). */
export const CACHE_KEY_SPACE = 50_000;
/** Share of writes that use `Cache::forever` (no TTL): volatile-* policies cannot evict them. */
export const FOREVER_SHARE = 0.3;
export const CACHE_TTL_SEC = 600;

const values = new Map<number, string>();
/** A serialized PHP string of about `bytes` bytes (shared: values are immutable). */
function valueOf(bytes: number): string {
  let v = values.get(bytes);
  if (!v) values.set(bytes, (v = `s:${bytes}:"${'x'.repeat(bytes)}";`));
  return v;
}

export function startCacheTraffic(w: World): void {
  const load = w.settings.redis.cacheLoad ?? 'none';
  if (load === 'none' || !w.cacheRedis) return;
  w.queue.push({ kind: 'cache', t: w.rng.cache.exp(1000 / CACHE_PROFILES[load].opsPerSec), seq: 0 });
}

/** One cache operation from a random node; errors (OOM, Redis down) are the app's, not a user's. */
export async function cacheOp(w: World): Promise<void> {
  const load = w.settings.redis.cacheLoad ?? 'none';
  const redis = w.cacheRedis;
  if (load === 'none' || !redis) return;
  const p = CACHE_PROFILES[load];
  const rng = w.rng.cache;
  w.queue.push({ kind: 'cache', t: w.now + rng.exp(1000 / p.opsPerSec), seq: 0 });
  const key = `${w.names.redisPrefix}${w.names.cachePrefix}fragment:${rng.int(CACHE_KEY_SPACE)}`;
  const client = `10.0.0.${11 + rng.int(w.nodes.size)}:cache`;
  try {
    if (rng.chance(0.3)) await redis.get(key, client);
    else if (rng.chance(FOREVER_SHARE)) await redis.command('SET', [key, valueOf(p.valueBytes)], client);
    else await redis.setex(key, CACHE_TTL_SEC, valueOf(p.valueBytes), client);
  } catch (err) {
    if (!isRedisError(err)) throw err; // a bug, not Redis
    w.cacheErrors++;
  }
}
