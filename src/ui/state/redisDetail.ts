/**
 * What the Redis menu lists: the first keys (SCAN, never KEYS *) and whose session each is.
 * Shared by the page's runner and each side of the side-by-side view.
 */
import type { Simulation } from '../../sim/simulation';
import type { EngineRedis } from '../../sim/redis/engineRedis';
import { sessionOwners } from './view';

export interface RedisDetail {
  kind: 'redis';
  up: boolean;
  /** Keys have no order in Redis: the first 40 of a full SCAN, sorted by name. */
  keys: Array<{ key: string; user: number | null }>;
  keyCount: number;
}

/** Redis's keys now (a down or failing Redis: none, and says so). Null when the cluster runs no Redis. */
export async function redisDetail(sim: Simulation): Promise<RedisDetail | null> {
  const redis = sim.world.redis;
  if (!redis) return null;
  if (!redis.isUp) return { kind: 'redis', up: false, keys: [], keyCount: redis.snapshot().keys };
  try {
    // SCAN in batches, as lesson 3 teaches (each call counts as a command in INFO, as on a real server).
    const keys = await scanAll(redis);
    const prefix = sim.world.names.keyPrefix;
    const owners = sessionOwners(sim);
    keys.sort();
    return {
      kind: 'redis', up: true, keyCount: keys.length,
      keys: keys.slice(0, 40).map((key) => ({ key, user: owners.get(key.startsWith(prefix) ? key.slice(prefix.length) : key) ?? null })),
    };
  } catch {
    return { kind: 'redis', up: false, keys: [], keyCount: 0 };
  }
}

/** Every key, walked with `SCAN cursor COUNT 1000` until the cursor is 0 again (never KEYS *). */
async function scanAll(redis: EngineRedis): Promise<string[]> {
  const all: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await redis.command('SCAN', [cursor, 'COUNT', '1000'])) as [string, string[]];
    all.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  // SCAN may return a key twice: sorted, the duplicates are neighbours.
  return all.sort().filter((k, i) => i === 0 || k !== all[i - 1]);
}
