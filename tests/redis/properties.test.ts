import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE_USED_MEMORY, EXPIRE_OVERHEAD, keyCost, type SimRedis } from '../../src/sim/redis';
import type { RedisCore } from '../../src/sim/redis/core';
import { ExpiryIndex } from '../../src/sim/redis/expiryIndex';
import { mulberry32 } from '../../src/sim/redis/fallbackRng';
import { makeRedis } from './helpers';

type Op =
  | { op: 'setex'; key: string; sec: number; value: string }
  | { op: 'set'; key: string; value: string }
  | { op: 'del'; key: string }
  | { op: 'expire'; key: string; sec: number }
  | { op: 'persist'; key: string }
  | { op: 'get'; key: string }
  | { op: 'advance'; ms: number };

const key = fc.constantFrom('a', 'b', 'c', 'sess:1', 'sess:2');
const value = fc.string({ maxLength: 12 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('setex' as const), key, sec: fc.integer({ min: 1, max: 20 }), value }),
  fc.record({ op: fc.constant('set' as const), key, value }),
  fc.record({ op: fc.constant('del' as const), key }),
  fc.record({ op: fc.constant('expire' as const), key, sec: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('persist' as const), key }),
  fc.record({ op: fc.constant('get' as const), key }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 8000 }) }),
);

async function apply(redis: SimRedis, o: Op): Promise<unknown> {
  switch (o.op) {
    case 'setex': return redis.setex(o.key, o.sec, o.value);
    case 'set': return redis.command('SET', [o.key, o.value]);
    case 'del': return redis.del(o.key);
    case 'expire': return redis.expire(o.key, o.sec);
    case 'persist': return redis.command('PERSIST', [o.key]);
    case 'get': return redis.get(o.key);
    case 'advance': return undefined;
  }
}

describe('properties', () => {
  it('the expiry heap pops deadlines in order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1e6 })), (ats) => {
      const heap = new ExpiryIndex();
      ats.forEach((at, i) => heap.push(at, `k${i}`));
      const popped: number[] = [];
      while (heap.size > 0) {
        popped.push(heap.peekAt());
        heap.pop();
      }
      expect(popped).toEqual([...ats].sort((x, y) => x - y));
    }));
  });

  it('keys, values, memory and expired_keys agree with a reference model', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 40 }), async (ops) => {
      const { redis, clock, advance } = await makeRedis();
      const model = new Map<string, { value: string; expireAt: number | null }>();
      let expired = 0;
      for (const o of ops) {
        if (o.op === 'advance') {
          advance(o.ms);
          redis.tick(clock.t);
        }
        for (const [k, e] of model) {
          if (e.expireAt !== null && e.expireAt <= clock.t) {
            model.delete(k);
            expired++;
          }
        }
        const got = await apply(redis, o);
        const cur = model.get(o.op === 'advance' ? '' : o.key);
        if (o.op === 'setex') model.set(o.key, { value: o.value, expireAt: clock.t + o.sec * 1000 });
        if (o.op === 'set') model.set(o.key, { value: o.value, expireAt: null });
        if (o.op === 'del') model.delete(o.key);
        if (o.op === 'expire' && cur) cur.expireAt = clock.t + o.sec * 1000;
        if (o.op === 'persist' && cur) cur.expireAt = null;
        if (o.op === 'get') expect(got).toBe(cur?.value ?? null);

        expect((await redis.keys('*')).sort()).toEqual([...model.keys()].sort());
        // GET answers from the key table: it must hold the very value ioredis-mock holds (what SCAN, TYPE and a checkpoint read).
        const core = (redis as unknown as { core: RedisCore }).core;
        for (const [k, e] of model) {
          expect(core.table.get(k)?.value).toBe(e.value);
          expect(core.vt.run(clock.t, () => core.keyspace.data.get(k))).toBe(e.value);
        }
        let bytes = BASELINE_USED_MEMORY;
        for (const [k, e] of model) bytes += keyCost(k, e.value.length) + (e.expireAt === null ? 0 : EXPIRE_OVERHEAD);
        expect(redis.snapshot()).toMatchObject({ keys: model.size, usedMemory: bytes, expiredKeys: expired });
      }
      redis.dispose();
    }), { numRuns: 60 });
  });

  it('the same seed and commands give the same evictions', async () => {
    const run = async (ops: string[]): Promise<[string[], number]> => {
      const { redis, advance } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + 1500, policy: 'allkeys-lru', rng: mulberry32(99) });
      for (const k of ops) {
        advance(700);
        if (k.startsWith('r')) await redis.get(k.slice(1));
        else await redis.setex(k, 600, 'x'.repeat(40));
      }
      const keys = (await redis.keys('*')).sort();
      return [keys, redis.snapshot().evictedKeys];
    };
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'rk1', 'rk2'), { maxLength: 60 }), async (ops) => {
      expect(await run(ops)).toEqual(await run(ops));
    }), { numRuns: 25 });
  });
});
