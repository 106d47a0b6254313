import { describe, expect, it } from 'vitest';
import { BASELINE_USED_MEMORY, EXPIRE_OVERHEAD, OOM_MESSAGE, RedisReplyError, keyCost } from '../../src/sim/redis';
import { mulberry32 } from '../../src/sim/redis/fallbackRng';
import { makeRedis, rejection } from './helpers';

const VALUE = 'v'.repeat(100);
/** `cache:N` (7 chars) + 100-byte value, no TTL. */
const CACHE_KEY_COST = keyCost('cache:1', 100);

describe('maxmemory and eviction', () => {
  it('allkeys-lru evicts the least recently used keys first', async () => {
    const { redis, advance } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 4 * CACHE_KEY_COST, policy: 'allkeys-lru' });
    for (const k of [1, 2, 3, 4]) {
      await redis.command('SET', [`cache:${k}`, VALUE]);
      advance(1000);
    }
    await redis.get('cache:1'); // now the most recently used of the first four
    advance(1000);
    // Like Redis, eviction runs before a command and only once used memory is already over
    // maxmemory: the write of cache:5 goes over, the next command brings it back.
    await redis.command('SET', ['cache:5', VALUE]);
    expect(redis.snapshot().evictedKeys).toBe(0);
    advance(1000);
    await redis.command('SET', ['cache:6', VALUE]);
    advance(1000);
    await redis.command('PING', []);
    expect(redis.snapshot().evictedKeys).toBe(2);
    expect((await redis.keys('*')).sort()).toEqual(['cache:1', 'cache:4', 'cache:5', 'cache:6']);
    expect(redis.snapshot().usedMemory).toBe(BASELINE_USED_MEMORY + 4 * CACHE_KEY_COST);
  });

  it('allkeys-lru with sampling keeps a hot set alive in a long stream of cache keys', async () => {
    const capacity = 50;
    const { redis, advance } = await makeRedis({
      maxmemoryBytes: BASELINE_USED_MEMORY + capacity * keyCost('hot:000000', 100), policy: 'allkeys-lru', rng: mulberry32(42),
    });
    const hot = Array.from({ length: 5 }, (_, i) => `hot:${String(i).padStart(6, '0')}`); // 10 chars, like cold:NNNNN
    for (const k of hot) await redis.command('SET', [k, VALUE]);
    for (let i = 0; i < 1000; i++) {
      advance(1000);
      for (const k of hot) expect(await redis.get(k)).toBe(VALUE);
      await redis.command('SET', [`cold:${String(i).padStart(5, '0')}`, VALUE]);
    }
    const snap = redis.snapshot();
    expect(snap.evictedKeys).toBe(1005 - capacity - 1); // one write past the limit is allowed, as in Redis
    expect(snap.keys).toBe(capacity + 1);
  });

  it('noeviction: writes fail with the exact OOM error, reads and DEL still work', async () => {
    const { redis } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + CACHE_KEY_COST });
    await redis.command('SET', ['cache:1', VALUE]);
    await redis.command('SET', ['cache:2', VALUE]); // used memory was not over yet: accepted
    const err = await rejection(redis.setex('cache:3', 60, VALUE));
    expect(err).toBeInstanceOf(RedisReplyError);
    expect(err.message).toBe("OOM command not allowed when used memory > 'maxmemory'.");
    expect(err.message).toBe(OOM_MESSAGE);
    await expect(redis.command('SET', ['cache:3', VALUE])).rejects.toThrow(OOM_MESSAGE);
    expect(await redis.get('cache:1')).toBe(VALUE);
    expect(await redis.del('cache:2')).toBe(1);
    expect(await redis.setex('cache:3', 60, VALUE)).toBe('OK');
    expect(redis.snapshot().evictedKeys).toBe(0);
  });

  it('volatile-lru never evicts keys without a TTL, and answers OOM when only those remain', async () => {
    const { redis, advance } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 6 * CACHE_KEY_COST, policy: 'volatile-lru' });
    for (const k of [1, 2, 3]) await redis.command('SET', [`perm:${k}`, VALUE]);
    for (let k = 1; k <= 20; k++) {
      advance(1000);
      await redis.setex(`sess:${String(k).padStart(2, '0')}`, 7200, VALUE);
    }
    const keys = await redis.keys('*');
    expect(keys.filter((k) => k.startsWith('perm:')).sort()).toEqual(['perm:1', 'perm:2', 'perm:3']);
    expect(redis.snapshot().evictedKeys).toBeGreaterThan(0);
    await redis.command('FLUSHALL', []);
    for (let k = 1; k <= 7; k++) await redis.command('SET', [`perm:${k}`, VALUE]); // the 7th goes over
    await expect(redis.command('SET', ['perm:8', VALUE])).rejects.toThrow(OOM_MESSAGE);
  });

  it('volatile-ttl evicts the soonest-expiring key', async () => {
    const { redis } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 3 * (CACHE_KEY_COST + EXPIRE_OVERHEAD), policy: 'volatile-ttl' });
    await redis.setex('cache:1', 300, VALUE);
    await redis.setex('cache:2', 100, VALUE);
    await redis.setex('cache:3', 200, VALUE);
    await redis.setex('cache:4', 400, VALUE);
    await redis.command('PING', []);
    expect((await redis.keys('*')).sort()).toEqual(['cache:1', 'cache:3', 'cache:4']);
  });

  it('allkeys-lfu keeps the key that was read', async () => {
    const { redis } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 3 * CACHE_KEY_COST, policy: 'allkeys-lfu' });
    for (const k of [1, 2, 3]) await redis.command('SET', [`cache:${k}`, VALUE]);
    await redis.get('cache:2'); // counter 5 → 6 (the first increments are certain)
    await redis.command('SET', ['cache:4', VALUE]);
    await redis.command('PING', []);
    expect(redis.snapshot().evictedKeys).toBe(1);
    expect(await redis.get('cache:2')).toBe(VALUE);
  });

  it('allkeys-random is driven by the seeded rng: same seed, same survivors', async () => {
    const run = async (seed: number): Promise<string[]> => {
      const { redis } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 10 * CACHE_KEY_COST, policy: 'allkeys-random', rng: mulberry32(seed) });
      for (let k = 0; k < 40; k++) await redis.command('SET', [`c${String(k).padStart(6, '0')}`, VALUE]);
      await redis.command('PING', []);
      expect(redis.snapshot()).toMatchObject({ evictedKeys: 30, keys: 10 });
      return (await redis.keys('*')).sort();
    };
    expect(await run(7)).toEqual(await run(7));
  });

  it('CONFIG SET maxmemory below used memory evicts at once', async () => {
    const { redis } = await makeRedis({ policy: 'allkeys-lru' });
    for (const k of [1, 2, 3, 4]) await redis.command('SET', [`cache:${k}`, VALUE]);
    redis.configSet('maxmemory', String(BASELINE_USED_MEMORY + 2 * CACHE_KEY_COST));
    expect(redis.snapshot()).toMatchObject({ keys: 2, evictedKeys: 2, usedMemory: BASELINE_USED_MEMORY + 2 * CACHE_KEY_COST });
  });
});
