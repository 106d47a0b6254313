/**
 * Each failure the course warns about: its cause and its fix, on the same seed.
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { compareSetups, SEED_TABLE } from '../../src/sim/compare';
import { Simulation } from '../../src/sim/simulation';
import { summarize, type Summary } from '../../src/sim/summary';
import type { SimSettings } from '../../src/sim/types';

function settings(flags: string): SimSettings {
  const args = flags.split(' ').filter(Boolean);
  // A flag given twice is an error: the defaults give way to the test's own --duration.
  const defaults = args.includes('--duration') ? ['--users', '100'] : ['--duration', '300', '--users', '100'];
  const r = parseCli([...defaults, ...args], () => { throw new Error('no files'); });
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.settings;
}

async function run(flags: string): Promise<{ sum: Summary; sim: Simulation }> {
  const sim = await Simulation.create(settings(flags), { traceLimit: 0 });
  await sim.run();
  return { sum: summarize(sim), sim };
}

const feedOf = (sim: Simulation) => sim.world.feed.map((f) => f.text);

describe('Redis memory pressure and eviction', () => {
  const shared = '--driver redis --cache-load heavy --redis-maxmemory 2mb';

  it('allkeys-lru evicts sessions under cache load: logouts; a dedicated session Redis: none', async () => {
    const evicting = await run(`${shared} --redis-policy allkeys-lru`);
    expect(evicting.sum.redis!.evictedKeys).toBeGreaterThan(0);
    expect(evicting.sum.logouts).toBeGreaterThan(0);
    const dedicated = await run(`${shared} --redis-policy allkeys-lru --dedicated-session-redis`);
    expect(dedicated.sum.logouts).toBe(0);
    expect(dedicated.sum.redis!.evictedKeys).toBe(0);
    expect(dedicated.sim.world.cacheRedis!.snapshot().evictedKeys).toBeGreaterThan(0);
  });

  it('noeviction refuses writes once full: session saves fail with 500 (OOM)', async () => {
    const { sum } = await run(shared);
    expect(sum.outcomes.server_error).toBeGreaterThan(sum.requests / 2);
    expect(sum.redis!.evictedKeys).toBe(0);
  });

  it('volatile-lru cannot evict Cache::forever keys, so memory still runs out', async () => {
    const { sum } = await run(`${shared} --redis-policy volatile-lru`);
    expect(sum.redis!.evictedKeys).toBeGreaterThan(0);
    expect(sum.outcomes.server_error).toBeGreaterThan(0);
  });
});

describe('lifetime and TTL', () => {
  it('a short SESSION_LIFETIME expires idle users: expired_keys rises and they are logged out', async () => {
    const short = await run('--driver redis --lifetime 1 --duration 600');
    expect(short.sum.redis!.expiredKeys).toBeGreaterThan(0);
    expect(short.sum.logouts).toBeGreaterThan(0);
    const normal = await run('--driver redis --duration 600');
    expect(normal.sum.redis!.expiredKeys).toBe(0);
    expect(normal.sum.logouts).toBe(0);
  });

  it('expire_on_close: closing the browser ends the session', async () => {
    const closing = await run('--driver redis --expire-on-close --duration 900');
    const keeping = await run('--driver redis --duration 900');
    expect(keeping.sum.logouts).toBe(0);
    expect(closing.sum.logouts).toBeGreaterThan(0);
  });
});

describe('rolling deploy', () => {
  it('file sessions vanish with replaced nodes; sticky users are re-pinned; Redis users notice nothing', async () => {
    const file = await run('--balancer cookie --event 60:deploy');
    expect(file.sum.logouts).toBeGreaterThan(0);
    expect(feedOf(file.sim)).toContain('deploy finished: 2 nodes on the new release');
    expect(file.sum.outcomes.bad_gateway).toBe(0); // drained first: in-flight requests finish
    const redis = await run('--driver redis --balancer cookie --event 60:deploy');
    expect(redis.sum.logouts).toBe(0);
    expect(redis.sum.outcomes.bad_gateway).toBe(0);
  });
});

describe('concurrent requests of one user', () => {
  it('last write wins loses cart updates; ->block() prevents it at a latency cost', async () => {
    const racing = await run('--driver redis --concurrency 4');
    expect(racing.sum.outcomes.lost_update).toBeGreaterThan(0);
    const blocked = await run('--driver redis --concurrency 4 --session-block');
    expect(blocked.sum.outcomes.lost_update).toBe(0);
    expect(blocked.sum.latencyMs.p95).toBeGreaterThan(racing.sum.latencyMs.p95);
    expect(blocked.sum.redis!.commands).toBeGreaterThan(racing.sum.redis!.commands); // the SET NX polling
  });

  it('one request at a time never loses an update', async () => {
    const { sum } = await run('--driver redis');
    expect(sum.outcomes.lost_update).toBe(0);
  });
});

describe('client quirks', () => {
  it('an office NAT piles every user onto one ip_hash node', async () => {
    const { sum } = await run('--balancer ip-hash --clients office-nat --nodes 3 --driver redis');
    expect(Math.max(...Object.values(sum.perNode))).toBe(sum.requests);
  });

  it('mobile users changing address lose their ip_hash node: logouts with file sessions, none with Redis', async () => {
    expect((await run('--balancer ip-hash --clients mobile --duration 600')).sum.logouts).toBeGreaterThan(0);
    expect((await run('--balancer ip-hash --clients mobile --duration 600 --driver redis')).sum.logouts).toBe(0);
  });
});

describe('network trouble', () => {
  it('a node cut off from Redis hangs: POSTs get 504 after nginx\'s 60 s, GETs are retried elsewhere', async () => {
    const { sum, sim } = await run('--driver redis --event 60:partition:node-2 --event 200:heal:node-2');
    expect(sum.outcomes.gateway_timeout).toBeGreaterThan(0);
    expect(sum.latencyMs.p99).toBeGreaterThanOrEqual(60_000);
    expect(feedOf(sim)).toContain('node-2 is cut off from Redis: its Redis calls hang');
  });

  it('slow Redis raises response times', async () => {
    const slow = await run('--driver redis --event 0:redis-latency:200');
    expect(slow.sum.latencyMs.p50).toBeGreaterThan(400);
  });

  it('a black-holed Redis hangs every node: timeouts, then no live upstreams', async () => {
    const { sum } = await run('--driver redis --event 60:redis-blackhole --event 120:redis-up');
    expect(sum.outcomes.gateway_timeout).toBeGreaterThan(0);
    expect(sum.outcomes.bad_gateway).toBeGreaterThan(0);
  });
});

describe('Redis Sentinel failover', () => {
  it('about 30 s of 500s until the replica is promoted; unreplicated writes are reported lost', async () => {
    const { sum, sim } = await run('--driver redis --sentinel --event 100:redis-failover');
    expect(sum.outcomes.server_error).toBeGreaterThan(0);
    const feed = feedOf(sim);
    const promoted = sim.world.feed.find((f) => f.text.startsWith('Sentinel promoted the replica'));
    expect(promoted!.t).toBe(132_000);
    const lostLine = feed.find((t) => /^Sentinel promoted the replica to primary; \d+ writes? not yet replicated were lost$/.test(t));
    expect(Number(/; (\d+) write/.exec(lostLine!)![1])).toBeGreaterThan(0); // acknowledged, never replicated
    expect(sim.world.redis!.snapshot().keys).toBeGreaterThan(0);
  });

  it('without Sentinel the failover event is refused with a reason', async () => {
    // The CLI refuses it before running; the engine (fed by the page) refuses it too, in the feed.
    expect(parseCli(['--driver', 'redis', '--event', '100:redis-failover'], () => '')).toEqual({ errors: ['event at 100s: redis-failover needs a replica to promote: add --sentinel (and --driver redis)'] });
    const s = settings('--driver redis');
    s.events.push({ atSec: 100, action: { kind: 'redis-failover' } });
    const sim = await Simulation.create(s, { traceLimit: 0 });
    await sim.run();
    expect(feedOf(sim)).toContain('scheduled fault ignored: no replica: run with Sentinel (--sentinel) to fail over');
  });
});

describe('node-local session cache', () => {
  it('with sticky routing: fewer Redis reads and no stale sessions; without: stale copies lose updates', async () => {
    const plain = await run('--driver redis --balancer cookie');
    const sticky = await run('--driver redis --balancer cookie --local-session-cache');
    const roundRobin = await run('--driver redis --local-session-cache');
    expect(sticky.sum.redis!.commands).toBeLessThan(plain.sum.redis!.commands * 0.7);
    expect(sticky.sum.outcomes.lost_update).toBe(0);
    expect(roundRobin.sum.outcomes.lost_update).toBeGreaterThan(0);
  });
});

describe('compare', () => {
  it('reproduces the seed table: file fails in a cluster, Redis does not, sticky file only while nodes live', async () => {
    const base = settings('--event 150:crash:node-2');
    const rows = await compareSetups(base, SEED_TABLE);
    const by = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(by['File driver']!.logouts).toBeGreaterThan(100);
    expect(by['Redis driver']!.logouts).toBe(0);
    expect(by['Sticky sessions (file)']!.logouts).toBeGreaterThan(0);
    expect(by['Sticky sessions (file)']!.logouts).toBeLessThan(by['File driver']!.logouts);
    expect(by['Redis + sticky']!.logouts).toBe(0);
    expect(by['File driver']!.redisCommands).toBe(0);
    expect(by['Redis driver']!.redisCommands).toBeGreaterThan(0);
  });
});
