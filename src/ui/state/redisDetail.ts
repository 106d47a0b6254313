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
    const idOf = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : key);
    const shown = keys.slice(0, SHOWN);
    const owners = sessionOwners(sim, new Set(shown.map(idOf)));
    return { kind: 'redis', up: true, keyCount: keys.length, keys: shown.map((key) => ({ key, user: owners.get(idOf(key)) ?? null })) };
  } catch {
    return { kind: 'redis', up: false, keys: [], keyCount: 0 };
  }
}

/** Keys the menu lists. */
const SHOWN = 40;

/**
 * Every key, walked with `SCAN cursor COUNT 1000` until the cursor is 0 again (never KEYS *),
 * sorted, without duplicates. The page gets a turn between batches: the mock's SCAN walks its
 * whole keyspace on each call, so at 10,000 sessions the walk took ~140 ms in one go, twice a
 * second while the menu was open. Keys may change between batches, as on a real server (SCAN
 * guarantees only the keys present for the whole walk).
 */
async function scanAll(redis: EngineRedis): Promise<string[]> {
  const all: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await redis.command('SCAN', [cursor, 'COUNT', '1000'])) as [string, string[]];
    all.push(...keys);
    cursor = next;
    if (cursor !== '0') await nextTask();
  } while (cursor !== '0');
  // SCAN may return a key twice: sorted, the duplicates are neighbours.
  all.sort();
  return all.filter((k, i) => i === 0 || k !== all[i - 1]);
}

/** Resolves in a later task: the browser may draw a frame meanwhile. */
function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}
