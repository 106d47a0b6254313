import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RedisConnection, type RequestLink } from '../../src/sim/redis/connection';
import { RedisConnectionError, RedisReplyError, RedisTimeoutError } from '../../src/sim/redis/errors';
import { redisIsUp, redisReach } from '../../src/sim/redis/reach';
import { SimRedis } from '../../src/sim/redis/simRedis';
import { Simulation } from '../../src/sim/simulation';
import { defaultSettings } from '../../src/sim/settings';
import type { TraceRecord } from '../../src/sim/types';
import { createRedisActor } from '../../src/sim/machines/redisActor';
import type { World } from '../../src/sim/world';

/** A request's own connection, not yet open. */
const requestLink = (id: number): RequestLink => ({ id, redisAt: null, redisToken: 0 });

/** A Redis server, its machine (the gate), one node's link and connection. */
async function link(timeoutMs?: number) {
  const redis = await SimRedis.create({ now: () => 1_000_000 });
  const w = { redis: redis as SimRedis | null } as Pick<World, 'redis' | 'redisActor'>;
  w.redisActor = createRedisActor(() => w as World);
  const node = { partitioned: false, privateIp: '10.0.0.11' };
  const writes: string[] = [];
  const conn = new RedisConnection(w, node, { ...(timeoutMs === undefined ? {} : { timeoutFor: () => timeoutMs }), onWrite: (op, key) => writes.push(`${op} ${key}`) });
  const send = (type: 'DOWN' | 'UP' | 'BLACKHOLE', ms?: number) => w.redisActor.send({ type, at: 0, by: 'you', ...(ms === undefined ? {} : { ms }) } as never);
  return { redis, w, node, conn, writes, send };
}

describe('a node\'s Redis connection', () => {
  it('answers the session commands synchronously from the simulated Redis, and reports each write', async () => {
    const { conn, writes } = await link();
    expect(conn.setex('k', 60, 'v', 'c')).toBeUndefined();
    expect(conn.get('k', 'c')).toBe('v'); // a value, not a promise
    expect(conn.del('k', 'c')).toBeUndefined();
    expect(conn.get('k', 'c')).toBeNull();
    expect(writes).toEqual(['setex k', 'del k']);
  });

  it('Redis down: every command is refused with RedisConnectionError, and nothing is replicated', async () => {
    const { w, node, conn, writes, send } = await link();
    send('DOWN');
    expect(redisIsUp(w)).toBe(false);
    expect(redisReach(w, node)).toBe('refused');
    expect(() => conn.get('k')).toThrow(RedisConnectionError);
    expect(() => conn.setex('k', 60, 'v')).toThrow(RedisConnectionError);
    await expect(conn.command('SET', ['lock', 'me', 'NX'])).rejects.toBeInstanceOf(RedisConnectionError);
    expect(writes).toEqual([]);
  });

  it('a black hole or a partition: RedisTimeoutError carrying the client\'s timeout (none by default)', async () => {
    const { w, node, conn, send } = await link();
    send('BLACKHOLE');
    expect(redisReach(w, node)).toBe('silent');
    const err = (() => { try { conn.get('k'); } catch (e) { return e; } return null; })();
    expect(err).toBeInstanceOf(RedisTimeoutError);
    expect((err as RedisTimeoutError).afterMs).toBe(Infinity);
    send('UP'); // ends the black hole
    send('DOWN'); // packets that never arrive get no "connection refused" either
    node.partitioned = true;
    expect(redisReach(w, node)).toBe('silent');
    const timed = await link(2_000);
    timed.node.partitioned = true;
    expect(() => timed.conn.setex('k', 60, 'v')).toThrow(expect.objectContaining({ name: 'RedisTimeoutError', afterMs: 2_000 }));
    expect(redisReach(timed.w, { partitioned: false, privateIp: '10.0.0.12' })).toBe('open'); // another node still reaches it
  });

  it('connects a request only when Redis can be reached; adds the injected latency to each round trip', async () => {
    const { redis, conn, send } = await link();
    const first = requestLink(1);
    conn.open(first);
    expect(first.redisAt).not.toBeNull();
    expect(redis.snapshot().connectedClients).toBe(1);
    conn.close(first);
    expect(first.redisAt).toBeNull();
    send('DOWN');
    const second = requestLink(2);
    conn.open(second);
    expect(second.redisAt).toBeNull();
    send('UP');
    expect(redis.snapshot().connectedClients).toBe(0);
    expect(conn.roundTripMs).toBe(0.5);
    redis.setLatency(200);
    expect(conn.roundTripMs).toBe(200.5);
  });

  it('counts requests\' connections in connected_clients; a server that went down and up forgets the ones from before', async () => {
    const { redis, conn, send } = await link();
    const [a, b, c] = [requestLink(1), requestLink(2), requestLink(3)];
    conn.open(a);
    conn.open(b);
    expect(redis.snapshot().connectedClients).toBe(2);
    conn.close(a);
    conn.close(a); // closing twice counts once
    expect(redis.snapshot().connectedClients).toBe(1);
    send('DOWN');
    send('UP');
    conn.open(c);
    conn.close(b); // dropped by the restart: not taken off c's count
    expect(redis.snapshot().connectedClients).toBe(1);
    expect(redis.info('clients')).toContain('connected_clients:1');
    conn.close(c);
    expect(redis.snapshot().connectedClients).toBe(0);
  });

  it('connected_clients is the set of requests connected since the server last started, whatever the order of opens, closes and outages', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constantFrom('open' as const, 'close' as const), id: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ kind: fc.constantFrom('DOWN' as const, 'UP' as const, 'BLACKHOLE' as const) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
      const { redis, conn, send } = await link();
      const links = new Map<number, RequestLink>();
      const connected = new Set<number>(); // the model: a set, as the server kept before
      for (const o of ops) {
        if (o.kind === 'open' || o.kind === 'close') {
          const l = links.get(o.id) ?? requestLink(o.id);
          links.set(o.id, l);
          if (o.kind === 'close') {
            conn.close(l);
            connected.delete(o.id);
          } else if (l.redisAt === null) { // a request opens its connection once, until it closes it
            conn.open(l);
            if (l.redisAt !== null) connected.add(o.id);
          }
        } else {
          send(o.kind);
          if (o.kind === 'DOWN') connected.clear();
        }
        expect(redis.snapshot().connectedClients).toBe(redis.isUp ? connected.size : 0);
      }
    }), { numRuns: 150 });
  });

  it('a silent Redis times out a read on a connection the request opened, a connect otherwise (predis: 60 s vs 5 s)', async () => {
    const { w, send } = await link();
    const conn = new RedisConnection(w, { partitioned: false, privateIp: '10.0.0.11' }, { timeoutFor: (phase) => (phase === 'read' ? 60_000 : 5_000) });
    const opened = requestLink(1);
    conn.open(opened);
    send('BLACKHOLE');
    const late = requestLink(2);
    conn.open(late); // cannot connect: its first command is the connect that times out
    const waited = (client: RequestLink | string) => { try { conn.get('k', client); } catch (e) { return (e as RedisTimeoutError).afterMs; } return null; };
    expect([waited(opened), waited(late), waited('10.0.0.11')]).toEqual([60_000, 5_000, 5_000]);
  });

  it('MONITOR shows a numbered connection as the node\'s address and its number; a label passes as it is', async () => {
    const { redis, conn } = await link();
    const lines: string[] = [];
    redis.monitor((line) => lines.push(line));
    const req = requestLink(7);
    conn.open(req);
    conn.setex('k', 60, 'v', req);
    conn.get('k', req);
    conn.get('k', 'cli');
    conn.close(req);
    expect(lines.map((l) => /\[0 ([^\]]+)\] "(\w+)"/.exec(l)!.slice(1).join(' '))).toEqual(['10.0.0.11:7 SETEX', '10.0.0.11:7 GET', 'cli GET']);
    expect(redis.snapshot().connectedClients).toBe(0);
  });

  it('passes the server\'s error replies through as RedisReplyError (OOM under noeviction)', async () => {
    const redis = await SimRedis.create({ now: () => 1_000_000, maxmemoryBytes: 1, policy: 'noeviction' });
    const w = { redis: redis as SimRedis | null } as Pick<World, 'redis' | 'redisActor'>;
    w.redisActor = createRedisActor(() => w as World);
    const conn = new RedisConnection(w, { partitioned: false, privateIp: '10.0.0.11' });
    expect(() => conn.setex('k', 60, 'x'.repeat(100))).toThrow(RedisReplyError);
  });
});

describe('the request path and Redis errors', () => {
  it('a TypeError inside the path is not turned into a 500: the run stops with it', async () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    s.users = 20;
    s.durationSec = 120;
    const sim = await Simulation.create(s, { traceLimit: 0 });
    const conn = sim.world.connections.get('node-1')!;
    conn.get = () => { throw new TypeError('Cannot read properties of undefined'); };
    await expect(sim.run()).rejects.toBeInstanceOf(TypeError);
  });

  it('a refused connection is the request\'s 500; silence is nginx\'s 504 after 60 s', async () => {
    for (const [err, outcome, status] of [[new RedisConnectionError(), 'server_error', 500], [new RedisTimeoutError(), 'gateway_timeout', 504]] as const) {
      const s = defaultSettings();
      s.session.driver = 'redis';
      s.users = 20;
      s.durationSec = 120;
      const records: TraceRecord[] = [];
      const sim = await Simulation.create(s, { traceLimit: 0, listeners: { onRecord: (r) => records.push(r) } });
      const conn = sim.world.connections.get('node-1')!;
      conn.get = () => { throw err; };
      await sim.run();
      const failed = records.filter((r) => r.outcome === outcome);
      expect(failed.length).toBeGreaterThan(0);
      if (status === 500) expect(failed.every((r) => r.status === 500 && r.node === 'node-1')).toBe(true);
      // nginx retries a GET that timed out on the next server; a POST gets the 504.
      else expect(failed.every((r) => r.status === 504 && r.method === 'POST')).toBe(true);
      expect(records.some((r) => r.node === 'node-2' && r.outcome === 'ok')).toBe(true);
    }
  });
});
