import { describe, expect, it } from 'vitest';
import { KEYS_WARNING, runRedisCli } from '../../src/console/redisCli';
import { splitArgs } from '../../src/console/cliArgs';
import { BASELINE_USED_MEMORY, keyCost } from '../../src/sim/redis';
import { makeRedis } from './helpers';

const out = async (redis: Parameters<typeof runRedisCli>[0], line: string): Promise<string> => (await runRedisCli(redis, line)).output;

describe('redis-cli formatting', () => {
  it('prints each reply type like redis-cli', async () => {
    const { redis, advance } = await makeRedis();
    await redis.setex('laravel_cache_a', 7200, 'a:1:{s:6:"_token";}');
    await redis.setex('laravel_cache_b', 7200, 'line1\nline2\t\u00e9');
    advance(13_000);
    expect(await out(redis, 'GET laravel_cache_a')).toBe('"a:1:{s:6:\\"_token\\";}"');
    expect(await out(redis, 'get laravel_cache_b')).toBe('"line1\\nline2\\t\\xc3\\xa9"');
    expect(await out(redis, 'GET nope')).toBe('(nil)');
    expect(await out(redis, 'TTL laravel_cache_a')).toBe('(integer) 7187');
    expect(await out(redis, 'ttl nope')).toBe('(integer) -2');
    expect(await out(redis, 'PTTL laravel_cache_a')).toBe('(integer) 7187000');
    expect(await out(redis, 'TYPE laravel_cache_a')).toBe('string');
    expect(await out(redis, 'type nope')).toBe('none');
    expect(await out(redis, 'EXISTS laravel_cache_a nope laravel_cache_a')).toBe('(integer) 2');
    expect(await out(redis, 'DBSIZE')).toBe('(integer) 2');
    expect(await out(redis, 'DEL laravel_cache_b nope')).toBe('(integer) 1');
    expect(await out(redis, 'PING')).toBe('PONG');
    expect(await out(redis, 'ping "hello world"')).toBe('"hello world"');
    expect(await out(redis, 'SET k v EX 60')).toBe('OK');
    expect(await out(redis, 'SET k v2 NX')).toBe('(nil)');
    expect(await out(redis, 'FLUSHALL')).toBe('OK');
    expect(await out(redis, 'DBSIZE')).toBe('(integer) 0');
    expect(await out(redis, '')).toBe('');
  });

  it('numbers list items with the index right-aligned to the widest one', async () => {
    const { redis } = await makeRedis();
    expect(await runRedisCli(redis, 'KEYS *')).toEqual({ output: '(empty array)', warning: KEYS_WARNING });
    await redis.setex('a', 60, '1');
    await redis.setex('b', 60, '2');
    expect(await runRedisCli(redis, 'keys *')).toEqual({ output: '1) "a"\n2) "b"', warning: KEYS_WARNING });
    for (let i = 3; i <= 10; i++) await redis.setex(`k${i}`, 60, 'x');
    const lines = (await out(redis, 'KEYS *')).split('\n');
    expect(lines[0]).toBe(' 1) "a"');
    expect(lines[9]).toBe('10) "k10"');
  });

  it('prints SCAN as the two-part reply and iterates every key back to cursor 0', async () => {
    const { redis } = await makeRedis();
    const all: string[] = [];
    for (let i = 1; i <= 25; i++) {
      const key = `key:${String(i).padStart(2, '0')}`;
      all.push(key);
      await redis.setex(key, 60, 'x');
    }
    const page1 = await out(redis, 'SCAN 0');
    expect(page1.split('\n').slice(0, 3)).toEqual(['1) "10"', '2)  1) "key:01"', '    2) "key:02"']);
    expect(page1.split('\n')[10]).toBe('   10) "key:10"');

    const seen: string[] = [];
    let cursor = '0';
    let pages = 0;
    do {
      const [next, keys] = await redis.scan(cursor);
      seen.push(...keys);
      cursor = next;
      pages++;
    } while (cursor !== '0');
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(all);

    expect(await out(redis, 'SCAN 0 MATCH key:2* COUNT 100')).toBe(
      '1) "0"\n2) 1) "key:20"\n   2) "key:21"\n   3) "key:22"\n   4) "key:23"\n   5) "key:24"\n   6) "key:25"',
    );
    expect(await out(redis, 'SCAN 0 MATCH nothing*')).toBe('1) "10"\n2) (empty array)');
    expect(await out(redis, 'SCAN abc')).toBe('(error) ERR invalid cursor');
    expect(await out(redis, 'SCAN 0 COUNT 0')).toBe('(error) ERR syntax error');
  });

  it('prints INFO raw and CONFIG as a list', async () => {
    const { redis } = await makeRedis();
    await redis.setex('s', 7200, 'x');
    expect(await out(redis, 'INFO keyspace')).toBe('# Keyspace\ndb0:keys=1,expires=1,avg_ttl=7200000');
    expect(await out(redis, 'CONFIG GET maxmemory')).toBe('1) "maxmemory"\n2) "0"');
    expect(await out(redis, 'config set maxmemory 2mb')).toBe('OK');
    expect(await out(redis, 'CONFIG GET maxmemory*')).toBe(
      '1) "maxmemory"\n2) "2097152"\n3) "maxmemory-policy"\n4) "noeviction"\n5) "maxmemory-samples"\n6) "5"',
    );
    expect(await out(redis, 'CONFIG SET maxmemory-policy allkeys-lru')).toBe('OK');
    expect(await out(redis, 'CONFIG SET maxmemory-policy nope')).toBe(
      "(error) ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: "
      + 'volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction',
    );
    expect(await out(redis, 'CONFIG SET maxmemory lots')).toBe(
      "(error) ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value",
    );
    expect(await out(redis, 'CONFIG GET')).toBe("(error) ERR wrong number of arguments for 'config|get' command");
    expect(await out(redis, 'CONFIG REWRITE')).toBe("(error) ERR unknown subcommand 'REWRITE'. Try CONFIG HELP.");
  });

  it('answers errors with Redis 7 texts', async () => {
    const { redis } = await makeRedis({ maxmemoryBytes: BASELINE_USED_MEMORY + keyCost('a', 1) + 2, policy: 'noeviction' });
    expect(await out(redis, 'FOO bar baz')).toBe("(error) ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' ");
    expect(await out(redis, 'foo')).toBe("(error) ERR unknown command 'foo', with args beginning with: ");
    expect(await out(redis, 'GET')).toBe("(error) ERR wrong number of arguments for 'get' command");
    expect(await out(redis, 'GET a b')).toBe("(error) ERR wrong number of arguments for 'get' command");
    expect(await out(redis, 'SETEX k 0 v')).toBe("(error) ERR invalid expire time in 'setex' command");
    expect(await out(redis, 'SETEX k ten v')).toBe('(error) ERR value is not an integer or out of range');
    expect(await out(redis, 'SET a b')).toBe('OK');
    expect(await out(redis, 'SET c d')).toBe('OK');
    expect(await out(redis, 'SET e f')).toBe("(error) OOM command not allowed when used memory > 'maxmemory'.");
    expect(await runRedisCli(redis, 'GET "unterminated')).toEqual({ output: 'Invalid argument(s)' });
  });

  it('prints the connection error while Redis is down, with the given host and port', async () => {
    const { redis } = await makeRedis();
    await redis.setex('k', 60, 'v');
    redis.down();
    expect(await out(redis, 'GET k')).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused');
    expect(await out(redis, 'KEYS *')).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused');
    expect((await runRedisCli(redis, 'PING', { host: 'redis.internal', port: 6380 })).output).toBe(
      'Could not connect to Redis at redis.internal:6380: Connection refused',
    );
    redis.up();
    redis.blackhole = true;
    expect(await out(redis, 'PING')).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection timed out');
  });

  it('MONITOR returns OK and a marker for the UI to subscribe', async () => {
    const { redis } = await makeRedis();
    expect(await runRedisCli(redis, 'monitor')).toEqual({ output: 'OK', monitor: true });
  });
});

describe('redis-cli argument splitting (sdssplitargs)', () => {
  it('handles quotes and escapes', () => {
    expect(splitArgs('  SET  "a b"  \'c d\'  ')).toEqual(['SET', 'a b', 'c d']);
    expect(splitArgs('SET k "q\\"uo\\nte\\x41\\xc3\\xa9"')).toEqual(['SET', 'k', 'q"uo\nteAé']);
    expect(splitArgs("SET k 'it\\'s \\n raw'")).toEqual(['SET', 'k', "it's \\n raw"]);
    expect(splitArgs('SET k ""')).toEqual(['SET', 'k', '']);
    expect(splitArgs('GET "a"b')).toBeNull();
    expect(splitArgs("GET 'a")).toBeNull();
    expect(splitArgs('')).toEqual([]);
  });
});
