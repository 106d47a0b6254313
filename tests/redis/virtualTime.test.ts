import { describe, expect, it } from 'vitest';
import { parseInfo } from '../../src/sim/redis';
import { VirtualNow } from '../../src/sim/redis/virtualTime';
import { makeRedis, T0 } from './helpers';

describe('virtual time', () => {
  it('TTL and PTTL follow the virtual clock, then the key expires and is counted', async () => {
    const { redis, advance } = await makeRedis();
    await redis.setex('sess', 7200, 'payload');
    advance(1000);
    expect(await redis.ttl('sess')).toBe(7199);
    expect(await redis.pttl('sess')).toBe(7_199_000);
    expect(parseInfo(redis.info('stats')).expired_keys).toBe('0');
    advance(7_199_000); // now exactly 7200 s after the SETEX: Redis still has it (now > when is false)
    expect(await redis.pttl('sess')).toBe(0);
    advance(1); // one millisecond past the deadline
    expect(await redis.get('sess')).toBeNull();
    expect(parseInfo(redis.info('stats')).expired_keys).toBe('1');
    expect(redis.snapshot().expiredKeys).toBe(1);
    expect(await redis.ttl('sess')).toBe(-2);
  });

  it('restores the real Date.now after every command', async () => {
    const real = Date.now;
    const { redis } = await makeRedis();
    await redis.setex('k', 10, 'v');
    expect(Date.now).toBe(real);
    await redis.get('k');
    await redis.command('TTL', ['k']);
    expect(Date.now).toBe(real);
    expect(Date.now()).toBeGreaterThan(T0 + 365 * 86_400_000); // the wall clock, not the virtual 2001
  });

  it('puts back whatever Date.now was (a fake clock included), even when the bracketed call throws', async () => {
    const real = Date.now;
    const fake = (): number => 42;
    const { redis } = await makeRedis();
    Date.now = fake;
    try {
      await redis.setex('k', 10, 'v');
      expect(Date.now).toBe(fake);
      const vt = new VirtualNow();
      expect(() => vt.run(T0, () => {
        vt.run(T0, () => expect(Date.now()).toBe(T0)); // nested brackets
        expect(Date.now()).toBe(T0);
        throw new Error('boom');
      })).toThrow('boom');
      expect(Date.now).toBe(fake);
    } finally {
      Date.now = real;
    }
  });

  it('rounds TTL like Redis ((pttl+500)/1000), not up like ioredis-mock', async () => {
    const { redis, advance } = await makeRedis();
    await redis.setex('k', 7200, 'v');
    advance(400);
    expect(await redis.ttl('k')).toBe(7200);
    advance(200);
    expect(await redis.pttl('k')).toBe(7_199_400);
    expect(await redis.ttl('k')).toBe(7199);
  });

  it('tick() expires keys without any command, and they leave KEYS, DBSIZE and SCAN', async () => {
    const { redis, clock, advance } = await makeRedis();
    await redis.setex('a', 10, '1');
    await redis.setex('b', 20, '2');
    const before = redis.snapshot().commands;
    advance(10_000);
    redis.tick(clock.t);
    expect(redis.snapshot()).toMatchObject({ keys: 2, expiredKeys: 0 }); // at the deadline itself: not yet (Redis: now > when)
    advance(1);
    redis.tick(clock.t);
    expect(redis.snapshot()).toMatchObject({ keys: 1, expiredKeys: 1, commands: before });
    expect(await redis.keys('*')).toEqual(['b']);
    expect(await redis.command('DBSIZE', [])).toBe(1);
    expect(await redis.scan(0)).toEqual(['0', ['b']]);
  });

  it('a sliding SETEX moves the deadline: the first one never fires', async () => {
    const { redis, clock, advance } = await makeRedis();
    await redis.setex('s', 7200, 'v1');
    advance(3_600_000);
    await redis.setex('s', 7200, 'v2');
    advance(3_600_000); // the first deadline passes
    redis.tick(clock.t);
    expect(await redis.get('s')).toBe('v2');
    expect(redis.snapshot().expiredKeys).toBe(0);
    advance(3_600_001); // one millisecond past the second deadline (Redis expires at now > when)
    redis.tick(clock.t);
    expect(redis.snapshot()).toMatchObject({ keys: 0, expiredKeys: 1 });
  });

  it('PERSIST and DEL cancel a pending expiry; EXPIRE ≤ 0 deletes without counting an expiry', async () => {
    const { redis, clock, advance } = await makeRedis();
    await redis.setex('p', 5, 'x');
    await redis.setex('d', 5, 'x');
    await redis.setex('e', 5, 'x');
    expect(await redis.command('PERSIST', ['p'])).toBe(1);
    expect(await redis.del('d')).toBe(1);
    expect(await redis.expire('e', 0)).toBe(1);
    advance(10_000);
    redis.tick(clock.t);
    expect(await redis.ttl('p')).toBe(-1);
    expect(await redis.keys('*')).toEqual(['p']);
    expect(redis.snapshot().expiredKeys).toBe(0);
  });

  it('EXPIRE options follow Redis 7 (NX, XX, GT, LT)', async () => {
    const { redis } = await makeRedis();
    await redis.command('SET', ['k', 'v']);
    expect(await redis.command('EXPIRE', ['k', '100', 'XX'])).toBe(0);
    expect(await redis.command('EXPIRE', ['k', '100', 'GT'])).toBe(0); // no TTL counts as infinite
    expect(await redis.command('EXPIRE', ['k', '100', 'NX'])).toBe(1);
    expect(await redis.command('EXPIRE', ['k', '50', 'GT'])).toBe(0);
    expect(await redis.command('EXPIRE', ['k', '50', 'LT'])).toBe(1);
    expect(await redis.ttl('k')).toBe(50);
    await expect(redis.command('EXPIRE', ['k', '5', 'NX', 'XX'])).rejects.toThrow(
      'ERR NX and XX, GT or LT options at the same time are not compatible',
    );
  });
});
