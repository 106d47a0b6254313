import { describe, expect, it } from 'vitest';
import { makeRedis } from './helpers';

describe('MONITOR', () => {
  it('prints executed commands like Redis, in virtual time, with the caller-supplied client', async () => {
    const { redis, clock } = await makeRedis();
    clock.t = 1_764_432_000_123.456;
    const lines: string[] = [];
    const stop = redis.monitor((line) => lines.push(line));
    await redis.setex('laravel_cache_abc', 7200, 's:5:"a\\"b";', '10.0.0.11:51234');
    await redis.get('laravel_cache_abc', '10.0.0.12:40000');
    await redis.command('get', ['k\u00e9'], '127.0.0.1:52100');
    await redis.command('CONFIG', ['GET', 'maxmemory']); // admin commands are not shown
    await redis.del('x');
    expect(lines).toEqual([
      '1764432000.123456 [0 10.0.0.11:51234] "SETEX" "laravel_cache_abc" "7200" "s:5:\\"a\\\\\\"b\\";"',
      '1764432000.123456 [0 10.0.0.12:40000] "GET" "laravel_cache_abc"',
      '1764432000.123456 [0 127.0.0.1:52100] "get" "k\\xc3\\xa9"',
      '1764432000.123456 [0 0.0.0.0:0] "DEL" "x"',
    ]);
    stop();
    await redis.get('laravel_cache_abc');
    expect(lines).toHaveLength(4);
  });

  it('does not show commands refused while down', async () => {
    const { redis } = await makeRedis();
    const lines: string[] = [];
    redis.monitor((line) => lines.push(line));
    redis.down();
    await redis.get('k').catch(() => undefined);
    expect(lines).toEqual([]);
  });
});
