import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';
import { defaultNode, defaultSettings, defaultBalancer } from '../../src/sim/settings';
import { summarize } from '../../src/sim/summary';
import { TraceDigest, traceLine } from '../../src/sim/trace';
import type { BalancerStrategy, ClientPopulation, SessionDriver, SimSettings, TraceRecord } from '../../src/sim/types';
import { parseEventSpec } from '../../src/sim/settings';

interface Opts {
  driver?: SessionDriver; balancer?: BalancerStrategy; nodes?: number; users?: number; durationSec?: number;
  seed?: number; clients?: ClientPopulation; events?: string[]; lifetimeMin?: number; onRedisFailure?: 'fail-closed' | 'fallback-file';
}

function settings(o: Opts): SimSettings {
  const s = defaultSettings();
  s.session.driver = o.driver ?? 'file';
  s.balancer = defaultBalancer(o.balancer ?? 'round-robin');
  s.nodes = Array.from({ length: o.nodes ?? 2 }, (_, i) => defaultNode(i + 1));
  s.users = o.users ?? 50;
  s.durationSec = o.durationSec ?? 300;
  s.seed = o.seed ?? 1;
  s.clients = o.clients ?? 'unique';
  s.session.lifetimeMin = o.lifetimeMin ?? 120;
  s.session.onRedisFailure = o.onRedisFailure ?? 'fail-closed';
  s.events = (o.events ?? []).map((e) => {
    const f = parseEventSpec(e, s.nodes.length);
    if (typeof f === 'string') throw new Error(f);
    return f;
  });
  return s;
}

async function run(o: Opts) {
  const records: TraceRecord[] = [];
  const digest = new TraceDigest();
  const sim = await Simulation.create(settings(o), { traceLimit: 0, listeners: { onRecord: (r) => { records.push(r); digest.add(traceLine(r)); } } });
  await sim.run();
  return { sim, records, digest: digest.hex(), sum: summarize(sim) };
}

describe('determinism', () => {
  it('the same seed and inputs give the same trace, byte for byte', async () => {
    const o: Opts = { driver: 'redis', users: 40, durationSec: 120, events: ['30:crash:node-2', '60:restart:node-2'] };
    const a = await run(o);
    const b = await run(o);
    expect(a.records.length).toBeGreaterThan(500);
    expect(b.digest).toBe(a.digest);
    expect(b.records.map(traceLine).join('\n')).toBe(a.records.map(traceLine).join('\n'));
    const c = await run({ ...o, seed: 2 });
    expect(c.digest).not.toBe(a.digest);
  });

  it('stepping event by event gives the same trace as running to the end', async () => {
    const s = settings({ users: 20, durationSec: 60 });
    const ran = await run({ users: 20, durationSec: 60 });
    const lines: string[] = [];
    const sim = await Simulation.create(s, { listeners: { onRecord: (r) => lines.push(traceLine(r)) } });
    while (sim.now < 60_000 && (await sim.step())) {
      if (sim.now > 60_000) break;
    }
    // step() may process one event past 60 s; compare the common prefix of records sent by 60 s.
    expect(lines.slice(0, ran.records.length)).toEqual(ran.records.map(traceLine));
  });
});

describe('the lesson: file sessions behind round robin', () => {
  it('one node with file sessions: nobody is logged out', async () => {
    const { sum } = await run({ nodes: 1 });
    expect(sum.logouts).toBe(0);
    expect(sum.outcomes.csrf_mismatch).toBe(0);
    expect(sum.requests).toBeGreaterThan(1000);
  });

  it('two nodes, file driver, round robin: users are logged out and the login form gets 419', async () => {
    const { sum, records } = await run({ nodes: 2 });
    expect(sum.logouts).toBeGreaterThan(50);
    expect(records.filter((r) => r.method === 'POST' && r.path === '/login' && r.status === 419).length).toBeGreaterThan(10);
    // round robin shares the load evenly
    expect(Math.abs(sum.perNode['node-1']! - sum.perNode['node-2']!)).toBeLessThan(sum.requests * 0.05);
  });

  it('SESSION_DRIVER=redis behind the same round robin: zero logouts, keys as Laravel writes them', async () => {
    const { sum, sim } = await run({ nodes: 2, driver: 'redis' });
    expect(sum.logouts).toBe(0);
    expect(sum.outcomes.csrf_mismatch).toBe(0);
    const redis = sim.world.redis!;
    const keys = (await redis.command('KEYS', ['*'])) as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatch(/^laravel_database_laravel_cache_[A-Za-z0-9]{40}$/);
    const ttl = (await redis.command('TTL', [keys[0]!])) as number;
    expect(ttl).toBeGreaterThan(7000);
    expect(ttl).toBeLessThanOrEqual(7200);
    const value = (await redis.command('GET', [keys[0]!])) as string;
    expect(value).toMatch(/^s:\d+:"a:\d+:\{s:6:"_token";s:40:"[A-Za-z0-9]{40}";/);
  });

  it('the cookie driver needs no shared store: zero logouts behind round robin', async () => {
    const { sum } = await run({ nodes: 2, driver: 'cookie' });
    expect(sum.logouts).toBe(0);
  });

  it('the array driver keeps nothing: every login is forgotten by the next request', async () => {
    const { sum, records } = await run({ nodes: 1, driver: 'array', durationSec: 120 });
    expect(records.filter((r) => r.method === 'POST' && r.path === '/login').every((r) => r.status === 419)).toBe(true);
    expect(sum.outcomes.ok).toBeGreaterThan(0);
  });
});

describe('sticky sessions', () => {
  it('ip_hash keeps unique clients on one node: file sessions work', async () => {
    const { sum } = await run({ balancer: 'ip-hash' });
    expect(sum.logouts).toBe(0);
  });

  it('ip_hash sends a whole office NAT to one node', async () => {
    const { sum } = await run({ balancer: 'ip-hash', clients: 'office-nat', nodes: 3 });
    const counts = Object.values(sum.perNode).sort((a, b) => b - a);
    expect(counts[0]).toBe(sum.requests);
    expect(counts[1]).toBe(0);
  });

  it('mobile clients changing address lose their ip_hash node: logouts with file sessions', async () => {
    const { sum } = await run({ balancer: 'ip-hash', clients: 'mobile', durationSec: 600 });
    expect(sum.logouts).toBeGreaterThan(0);
  });

  it('a sticky cookie keeps file sessions working, until the pinned node crashes', async () => {
    const calm = await run({ balancer: 'cookie' });
    expect(calm.sum.logouts).toBe(0);
    const crash = await run({ balancer: 'cookie', events: ['120:crash:node-2'] });
    const after = crash.records.filter((r) => r.outcome === 'logged_out');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.t >= 120_000 && r.node === 'node-1')).toBe(true);
  });

  it('sticky + Redis fails over transparently when a node crashes', async () => {
    const { sum, records } = await run({ balancer: 'cookie', driver: 'redis', events: ['120:crash:node-2'] });
    expect(sum.logouts).toBe(0);
    expect(records.filter((r) => r.t > 135_000).every((r) => r.node !== 'node-2')).toBe(true);
  });
});

describe('faults', () => {
  it('a crashed node: GETs are retried elsewhere, the feed reports the crash and the re-routing', async () => {
    const { sim, records } = await run({ driver: 'redis', events: ['60:crash:node-2'] });
    const feed = sim.world.feed.map((f) => f.text);
    expect(feed).toContain('node-2 crashed');
    const reroute = feed.find((t) => /users? re-routed from node-2/.test(t));
    expect(reroute).toBeDefined();
    expect(Number(reroute!.split(' ')[0])).toBeGreaterThan(0);
    expect(records.filter((r) => r.t > 61_000 && r.node === 'node-2')).toEqual([]);
    expect(records.filter((r) => r.method === 'GET' && r.status === 502)).toEqual([]);
  });

  it('Redis down with fail-closed: 500s while down, no logouts after it is back', async () => {
    const { sum, records } = await run({ driver: 'redis', events: ['60:redis-down', '90:redis-up'] });
    expect(sum.outcomes.server_error).toBeGreaterThan(0);
    expect(records.filter((r) => r.status === 500).every((r) => r.t >= 59_000 && r.t <= 90_000)).toBe(true);
    expect(sum.logouts).toBe(0);
  });

  it('Redis down with fallback-file: no 500s, but sessions split and users get logged out', async () => {
    const { sum } = await run({ driver: 'redis', onRedisFailure: 'fallback-file', events: ['60:redis-down', '90:redis-up'] });
    expect(sum.outcomes.server_error).toBe(0);
    expect(sum.logouts).toBeGreaterThan(0);
  });

  it('replacing a node loses its session files; restarting keeps them', async () => {
    const replaced = await run({ balancer: 'ip-hash', events: ['60:replace:node-1'] });
    const restarted = await run({ balancer: 'ip-hash', events: ['60:restart:node-1'] });
    expect(replaced.sum.logouts).toBeGreaterThan(0);
    expect(restarted.sum.logouts).toBeLessThan(replaced.sum.logouts);
  });

  it('a drained node gets no new requests but finishes what it had', async () => {
    const { records, sim } = await run({ driver: 'redis', events: ['60:drain:node-1'] });
    expect(records.filter((r) => r.t > 60_100 && r.node === 'node-1')).toEqual([]);
    expect(records.filter((r) => r.status === 502)).toEqual([]);
    expect(sim.world.nodes.get('node-1')!.state).toBe('down');
  });

  it('a short lifetime logs idle users out', async () => {
    const { sum } = await run({ driver: 'redis', lifetimeMin: 1, durationSec: 600 });
    expect(sum.logouts).toBeGreaterThan(0);
    expect(sum.redis!.expiredKeys).toBeGreaterThan(0);
  });
});

describe('trace records', () => {
  it('carry the fields the CLI contract names', async () => {
    const { records } = await run({ users: 5, durationSec: 30 });
    const r = records[0]!;
    expect(Object.keys(JSON.parse(traceLine(r)))).toEqual(['t', 'user', 'ip', 'method', 'path', 'node', 'status', 'session', 'authBefore', 'authAfter', 'outcome']);
    expect(records.find((x) => x.session !== null)!.session).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});

describe('golden trace', () => {
  // Seed 1, 2 nodes, file driver, round robin, 30 users, 60 virtual seconds. If this changes,
  // the engine's behaviour changed: check the lessons and the README figures, then update it.
  it('a fixed seed gives a fixed trace digest', async () => {
    const { digest, records } = await run({ users: 30, durationSec: 60 });
    expect({ records: records.length, digest }).toEqual(GOLDEN);
  });
});
// Moved once, deliberately, by the engine issue (10): a logged-in user whose form got 419 because
// their session was lost is now classified `logged_out` (one definition of a logout,
// src/sim/outcomes.ts) instead of `csrf_mismatch`. Same requests, same statuses; only those
// records' outcome field changed. (Was 67351c112eb45476.)
const GOLDEN = { records: 677, digest: '371b5847a9f7b175' };
