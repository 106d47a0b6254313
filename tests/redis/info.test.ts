import { describe, expect, it } from 'vitest';
import { BASELINE_USED_MEMORY, EXPIRE_OVERHEAD, bytesToHuman, keyCost, parseInfo } from '../../src/sim/redis';
import { makeRedis } from './helpers';

describe('INFO', () => {
  it('reports the simulation counters, not the mock canned text', async () => {
    const { redis, advance, clock } = await makeRedis({ maxmemoryBytes: 2 * 1024 * 1024, policy: 'volatile-lru' });
    redis.connect('node-1/w1');
    redis.connect('node-2/w1');
    for (const id of ['a', 'b', 'c']) await redis.setex(`laravel_cache_${id}`, 7200, 'x'.repeat(200));
    await redis.setex('gone', 1, 'y');
    await redis.get('laravel_cache_a');
    await redis.get('missing');
    advance(1001); // past the 1 s deadline (Redis keeps a key through its deadline millisecond)
    redis.tick(clock.t);

    const text = redis.info();
    const info = parseInfo(text);
    const perKey = keyCost('laravel_cache_a', 200) + EXPIRE_OVERHEAD;
    expect(info).toMatchObject({
      redis_version: '7.2.4',
      connected_clients: '2',
      used_memory: String(BASELINE_USED_MEMORY + 3 * perKey),
      used_memory_human: bytesToHuman(BASELINE_USED_MEMORY + 3 * perKey),
      maxmemory: '2097152',
      maxmemory_human: '2.00M',
      maxmemory_policy: 'volatile-lru',
      total_commands_processed: '6',
      expired_keys: '1',
      evicted_keys: '0',
      keyspace_hits: '1',
      keyspace_misses: '1',
      db0: 'keys=3,expires=3,avg_ttl=7198999',
    });
    const snap = redis.snapshot();
    expect(info.total_commands_processed).toBe(String(snap.commands));
    expect(info.used_memory).toBe(String(snap.usedMemory));
    expect(text).toContain('\r\n# Keyspace\r\ndb0:keys=3,expires=3,avg_ttl=7198999\r\n');
    expect(text.startsWith('# Server\r\n')).toBe(true);
    expect(text).not.toContain('cmdstat_'); // commandstats is not a default section
  });

  it('selects sections, case-insensitively; all adds commandstats', async () => {
    const { redis } = await makeRedis();
    await redis.setex('k', 100, 'v');
    await redis.get('k');
    await redis.command('SETEX', ['k', '0', 'v']).catch(() => undefined); // failed call
    await redis.command('GET', []).catch(() => undefined); // rejected: arity
    expect(redis.info('MEMORY').split('\r\n')[0]).toBe('# Memory');
    expect(redis.info('keyspace')).toBe('# Keyspace\r\ndb0:keys=1,expires=1,avg_ttl=100000\r\n');
    expect(redis.info('commandstats')).toBe(
      '# Commandstats\r\n'
      + 'cmdstat_get:calls=1,usec=0,usec_per_call=0.00,rejected_calls=1,failed_calls=0\r\n'
      + 'cmdstat_setex:calls=2,usec=0,usec_per_call=0.00,rejected_calls=0,failed_calls=1\r\n',
    );
    const all = parseInfo(redis.info('all'));
    expect(all.cmdstat_setex).toBeDefined();
    expect(all.total_error_replies).toBe('2');
    expect(all.total_commands_processed).toBe('3');
    expect(redis.info('nosuchsection')).toBe('');
  });

  it('an empty keyspace prints only the header; used_memory is the baseline', async () => {
    const { redis } = await makeRedis();
    const info = parseInfo(redis.info());
    expect(info.used_memory).toBe(String(BASELINE_USED_MEMORY));
    expect(info.used_memory_human).toBe('917.41K'); // an empty redis-server 7.0 with one client
    expect(info.maxmemory_human).toBe('0B');
    expect(info.maxmemory_policy).toBe('noeviction');
    expect(redis.info('keyspace')).toBe('# Keyspace\r\n');
  });
});

describe('CONFIG', () => {
  it('accepts Redis memory units and policies, with Redis error texts', async () => {
    const { redis } = await makeRedis();
    for (const [text, bytes] of [['2mb', 2_097_152], ['100kb', 102_400], ['1gb', 1_073_741_824], ['5000', 5000], ['1k', 1000], ['0', 0]] as const) {
      redis.configSet('maxmemory', text);
      expect(redis.configGet('maxmemory')).toEqual({ maxmemory: String(bytes) });
    }
    redis.configSet('MAXMEMORY-POLICY', 'ALLKEYS-LFU');
    expect(redis.configGet('maxmemory-*')).toEqual({ 'maxmemory-policy': 'allkeys-lfu', 'maxmemory-samples': '5' });
    expect(() => redis.configSet('maxmemory', '1.5mb')).toThrow(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory') - argument must be a memory value",
    );
    expect(() => redis.configSet('maxmemory-policy', 'lru')).toThrow(
      "ERR CONFIG SET failed (possibly related to argument 'maxmemory-policy') - argument(s) must be one of the following: "
      + 'volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction',
    );
    expect(() => redis.configSet('maxmemory-samples', '0')).toThrow('argument must be between 1 and 64 inclusive');
    expect(() => redis.configSet('save', '')).toThrow("ERR Unknown option or number of arguments for CONFIG SET - 'save'");
    expect(redis.configGet('nomatch*')).toEqual({});
  });
});
