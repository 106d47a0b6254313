import { describe, expect, it } from 'vitest';
import { RedisConnectionError, RedisTimeoutError, parseInfo } from '../../src/sim/redis';
import { makeRedis, rejection } from './helpers';

describe('outages and clients', () => {
  it('down: every command rejects with "Connection refused"; up: data intact', async () => {
    const { redis } = await makeRedis();
    await redis.setex('sess', 7200, 'data');
    const counted = redis.snapshot().commands;
    redis.down();
    expect(redis.isUp).toBe(false);
    for (const p of [redis.get('sess'), redis.setex('x', 1, 'y'), redis.del('sess'), redis.ttl('sess'), redis.command('PING', [])]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(RedisConnectionError);
      expect(err.message).toBe('Connection refused');
    }
    expect(() => redis.connect('php-fpm-1')).toThrow('Connection refused');
    expect(redis.snapshot()).toMatchObject({ up: false, commands: counted }); // the server never saw them
    redis.up();
    expect(redis.isUp).toBe(true);
    expect(await redis.get('sess')).toBe('data');
  });

  it('black-holed: commands reject with a distinct timeout error', async () => {
    const { redis } = await makeRedis();
    redis.blackhole = true;
    const err = await rejection(redis.get('k'));
    expect(err).toBeInstanceOf(RedisTimeoutError);
    expect(err.message).toBe('Connection timed out');
    expect(redis.isUp).toBe(true);
    redis.blackhole = false;
    expect(await redis.get('k')).toBeNull();
  });

  it('holds the latency for the engine', async () => {
    const { redis } = await makeRedis();
    expect(redis.latencyMs).toBe(0);
    redis.setLatency(35);
    expect(redis.latencyMs).toBe(35);
  });

  it('counts connected clients; a restart drops them', async () => {
    const { redis } = await makeRedis();
    redis.connect('node-1/worker-1');
    redis.connect('node-1/worker-2');
    redis.connect('node-1/worker-1'); // already connected
    redis.connect('console');
    redis.disconnect('node-1/worker-2');
    redis.disconnect('never-connected');
    let info = parseInfo(redis.info());
    expect(info.connected_clients).toBe('2');
    expect(info.total_connections_received).toBe('3');
    redis.down();
    redis.up();
    info = parseInfo(redis.info());
    expect(info.connected_clients).toBe('0');
    expect(redis.snapshot().connectedClients).toBe(0);
  });

  it('instances never share data', async () => {
    const a = await makeRedis();
    const b = await makeRedis();
    await a.redis.setex('same-key', 100, 'from a');
    expect(await b.redis.get('same-key')).toBeNull();
    expect(await b.redis.keys('*')).toEqual([]);
  });

  it('counts commands per name for INFO commandstats', async () => {
    const { redis } = await makeRedis();
    await redis.setex('k', 10, 'v');
    await redis.get('k');
    await redis.get('nope');
    await redis.command('get', ['k']);
    await redis.exists('k');
    expect(redis.commandCalls()).toEqual({ exists: 1, get: 3, setex: 1 });
    expect(redis.snapshot()).toMatchObject({ commands: 5, hits: 3, misses: 1 });
  });
});
