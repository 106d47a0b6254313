/**
 * The failure lab's settings: read from and written onto full engine settings, described in
 * redis.conf / .env words for the feed, and which faults the running cluster allows.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/sim/settings';
import { describeLab, faultReasons, labOf, memoryWords, withCurrent, withLab } from '../../src/ui/lab/labSettings';
import type { NodeView, RedisView, View } from '../../src/ui/state/view';

describe('lab settings', () => {
  it('reads the engine defaults', () => {
    expect(labOf(defaultSettings())).toEqual({
      maxmemoryBytes: 0, policy: 'noeviction', cacheLoad: 'none', dedicatedSessionRedis: false, sentinel: false,
      concurrency: 1, block: false, localCache: false, lifetimeMin: 120, expireOnClose: false, onRedisFailure: 'fail-closed',
      dbConnection: 'sqlite', sessionConnection: 'default', blockStore: 'file', redisClient: 'phpredis', redisTimeoutSec: 0,
    });
  });

  it('the issue-15 settings: applied in the engine\'s words, an untouched lock store stays unset, and described for the feed', () => {
    const base = defaultSettings();
    base.session.driver = 'redis';
    expect(withLab(base, { concurrency: 2 }).session.blockStore).toBeUndefined();
    const next = withLab(base, { redisClient: 'predis', redisTimeoutSec: 2, sessionConnection: 'cache', blockStore: 'file', dbConnection: 'mysql' });
    expect(next.redis).toMatchObject({ client: 'predis', timeoutSec: 2 });
    expect(next.session).toMatchObject({ connection: 'cache', blockStore: 'file', dbConnection: 'mysql' });
    expect(withLab(next, { redisTimeoutSec: 0, sessionConnection: 'default' }).redis.timeoutSec).toBeNull();
    expect(describeLab(labOf(base), labOf(next))).toBe('DB_CONNECTION=mysql, SESSION_CONNECTION=cache, ->block() locks in file, REDIS_CLIENT=predis, Redis timeout 2 s');
  });

  it('applies a patch and keeps everything else', () => {
    const base = defaultSettings();
    base.session.driver = 'redis';
    base.events = [{ atSec: 30, action: { kind: 'crash', node: 'node-2' } }];
    const next = withLab(base, { maxmemoryBytes: 2 * 1024 * 1024, policy: 'allkeys-lru', cacheLoad: 'heavy', concurrency: 12, block: true });
    expect(next.redis).toMatchObject({ maxmemoryBytes: 2_097_152, policy: 'allkeys-lru', cacheLoad: 'heavy', host: '127.0.0.1' });
    expect(next.session).toMatchObject({ driver: 'redis', block: true, lifetimeMin: 120 });
    expect(next.concurrency).toBe(8); // clamped to the engine's 1–8
    expect(next.events).toEqual(base.events);
    expect(next.events).not.toBe(base.events);
    expect(base.redis.maxmemoryBytes).toBe(0); // the input is not mutated
    expect(labOf(withLab(base, {}))).toEqual({ ...labOf(base), concurrency: 1 });
  });

  it('describes changes in redis.conf and .env words', () => {
    const a = labOf(defaultSettings());
    expect(describeLab(a, a)).toBe('');
    expect(describeLab(a, { ...a, maxmemoryBytes: 2 * 1024 * 1024, policy: 'allkeys-lru' })).toBe('maxmemory 2mb, maxmemory-policy allkeys-lru');
    expect(describeLab(a, { ...a, dedicatedSessionRedis: true, sentinel: true })).toBe('sessions on their own Redis, Sentinel with a replica');
    expect(describeLab(a, { ...a, lifetimeMin: 5, expireOnClose: true, onRedisFailure: 'fallback-file' }))
      .toBe('SESSION_LIFETIME=5, SESSION_EXPIRE_ON_CLOSE=true, on Redis failure: fallback-file');
    expect(describeLab(a, { ...a, concurrency: 4, block: true })).toBe('4 parallel requests per cart action, session ->block() on the cart routes');
    expect(memoryWords(0)).toBe('0 (no limit)');
    expect(memoryWords(512 * 1024)).toBe('512kb');
    expect(memoryWords(1000)).toBe('1000');
  });

  it('keeps a value the options lack (set by a lesson or .env)', () => {
    expect(withCurrent([1, 5, 120], 5)).toEqual([1, 5, 120]);
    expect(withCurrent([1, 5, 120], 60)).toEqual([1, 5, 60, 120]);
  });
});

describe('fault availability', () => {
  const node = (name: string, state: NodeView['state'] = 'up'): NodeView => ({
    name, address: '', state, inFlight: 0, files: 0, rows: null, rps: 0, served: 0, skipped: false, partitioned: false, deploy: null,
    machine: { value: { process: state, link: 'connected' }, last: null },
  });
  const redis = (p: Partial<RedisView> = {}): RedisView => ({
    role: 'sessions', state: 'up', up: true, blackhole: false, latencyMs: 0, maxmemory: 0, policy: 'noeviction', replica: false,
    promoteAt: null, keys: 0, usedMemory: 0, connectedClients: 0, commands: 0, evictedKeys: 0, expiredKeys: 0, commandRate: 0, machine: null, ...p,
  });
  function view(driver: 'file' | 'redis', r: RedisView | null, p: Partial<View> = {}) {
    const settings = defaultSettings();
    settings.session.driver = driver;
    settings.redis.sentinel = r?.replica ?? false;
    return { settings, redis: r, nodes: [node('node-1'), node('node-2')], deploy: null, ...p };
  }

  it('file sessions: only the deploy applies', () => {
    const why = faultReasons(view('file', null));
    expect(why.deploy).toBeNull();
    expect(why.failover).toMatch(/Redis is not in use/);
    expect(why.blackhole).toMatch(/Redis is not in use/);
    expect(why.partition).toMatch(/SESSION_DRIVER=redis/);
  });

  it('a failover needs Sentinel, and happens once', () => {
    expect(faultReasons(view('redis', redis())).failover).toBe('needs Sentinel (turn it on above)');
    expect(faultReasons(view('redis', redis({ replica: true }))).failover).toBeNull();
    expect(faultReasons(view('redis', redis({ replica: true, state: 'failingOver', up: false }))).failover).toBe('Sentinel is already failing over');
    const promoted = view('redis', redis());
    promoted.settings.redis.sentinel = true;
    expect(faultReasons(promoted).failover).toMatch(/already promoted/);
  });

  it('one deploy at a time; no black hole on a black hole', () => {
    expect(faultReasons(view('redis', redis(), { deploy: { current: 'node-1', pending: ['node-2'], replaced: 0 } })).deploy).toBe('a deploy is already rolling');
    expect(faultReasons(view('redis', redis({ blackhole: true }))).blackhole).toBe('Redis is already black-holed');
    expect(faultReasons(view('redis', redis())).partition).toBeNull();
    expect(faultReasons(null).deploy).toBe('the cluster is starting');
  });
});
