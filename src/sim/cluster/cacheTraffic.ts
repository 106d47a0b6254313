/**
 * General cache traffic (`Cache::remember`, `Cache::forever`) on a Redis shared with the
 * sessions — the setting in which the course warns about evictions. A steady stream of
 * writes and reads over a large key space fills memory until maxmemory makes Redis evict
 * (or, under noeviction, refuse writes with OOM).
 */
import { feed } from '../feed';
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

/** Which Redis database a key lives in (the simulated server has one keyspace; Laravel uses two). */
export function redisDbOf(w: Pick<World, 'names'> & { settings: { session: { connection: string | null } } }, key: string): 0 | 1 {
  const prefix = w.names.redisPrefix + w.names.cachePrefix;
  if (!key.startsWith(prefix)) return 0;
  const rest = key.slice(prefix.length);
  // Cache::… values are on the `cache` connection (REDIS_CACHE_DB, 1).
  if (rest.startsWith('fragment:')) return 1;
  // Locks use REDIS_CACHE_LOCK_CONNECTION, `default` in the 11/12 skeleton: DB 0.
  if (rest.startsWith('session:')) return 0;
  // Sessions: SESSION_CONNECTION, `default` (DB 0) unless set to `cache`.
  return w.settings.session.connection === 'cache' ? 1 : 0;
}

/** Why `cache:clear` cannot run now (null: it can). */
export function cacheClearProblem(w: World): string | null {
  const redis = w.cacheRedis;
  if (!redis) return 'the cache store is not Redis here (add a cache load, or use the redis session driver)';
  if (!redis.isUp || redis.blackhole) return 'Redis is not reachable: cache:clear fails with a connection error';
  return null;
}

/**
 * `php artisan cache:clear` with `CACHE_STORE=redis`: RedisStore::flush() runs FLUSHDB on the
 * cache connection, i.e. database 1 — every cached value, and every session too when
 * SESSION_CONNECTION=cache puts them there. (The simulated server has one keyspace: the keys of
 * database 1 are deleted by name.) A dedicated session Redis is another server and is untouched.
 */
export async function cacheClear(w: World): Promise<void> {
  const redis = w.cacheRedis;
  if (cacheClearProblem(w) !== null || !redis) return;
  const keys = (await redis.keys('*', 'artisan')).filter((k) => redisDbOf(w, k) === 1);
  for (let i = 0; i < keys.length; i += 500) await redis.command('DEL', keys.slice(i, i + 500), 'artisan');
  const fragment = `${w.names.redisPrefix}${w.names.cachePrefix}fragment:`;
  const sessions = keys.filter((k) => !k.startsWith(fragment)).length;
  const cached = keys.length - sessions;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const sessionWords = sessions > 0
    ? ` and ${plural(sessions, 'session')}: SESSION_CONNECTION=cache put them in the cache's database, so everyone is logged out`
    : w.settings.session.driver !== 'redis' ? '; no sessions are in Redis'
      : w.redis !== redis ? '; the sessions are on their own Redis and stay'
        : '; the sessions are in database 0 (SESSION_CONNECTION=default) and stay';
  feed(w, sessions > 0 ? 'fault' : 'info', `php artisan cache:clear: FLUSHDB on the cache connection (database 1) removed ${plural(cached, 'cached value')}${sessionWords}`);
}
