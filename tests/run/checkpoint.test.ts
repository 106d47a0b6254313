import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, replayTo } from '../../src/run/replay';
import { newRun, withIntervention, type RunLog } from '../../src/run/runLog';
import type { Intervention } from '../../src/run/schema';
import { redisServers } from '../../src/sim/machines/redisActor';
import { defaultBalancer, defaultNode, defaultSettings, NODE_ACTIONS, PLAIN_ACTIONS } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import { summarize } from '../../src/sim/summary';
import { TraceDigest, traceLine } from '../../src/sim/trace';
import {
  BALANCER_STRATEGIES, CLIENT_POPULATIONS, EVICTION_POLICIES, SESSION_DRIVERS,
  type FaultAction, type SimSettings, type TraceRecord,
} from '../../src/sim/types';
import { worldLines } from './worldState';

/** A scenario: any driver, balancer, client mix and the options that keep state of their own. */
const settingsArb = fc.record({
  driver: fc.constantFrom(...SESSION_DRIVERS),
  db: fc.constantFrom('sqlite', 'mysql' as const),
  flavor: fc.constantFrom('nginx', 'haproxy' as const),
  strategy: fc.constantFrom(...BALANCER_STRATEGIES),
  nodes: fc.integer({ min: 1, max: 3 }),
  users: fc.integer({ min: 1, max: 40 }),
  seed: fc.integer({ min: 1, max: 10_000 }),
  clients: fc.constantFrom(...CLIENT_POPULATIONS),
  sentinel: fc.boolean(),
  cacheLoad: fc.constantFrom('none', 'light', 'heavy' as const),
  dedicated: fc.boolean(),
  block: fc.boolean(),
  blockStore: fc.constantFrom(undefined, 'file', 'database', 'redis' as const),
  localCache: fc.boolean(),
  fallback: fc.boolean(),
  // Just above an empty server's 917 KB, so eviction and OOM happen within a minute.
  maxmemory: fc.constantFrom(0, 0, 960_000, 1_000_000),
  policy: fc.constantFrom(...EVICTION_POLICIES),
  concurrency: fc.integer({ min: 1, max: 3 }),
  lifetimeMin: fc.constantFrom(1, 120),
  expireOnClose: fc.boolean(),
  scheduled: fc.option(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.constantFrom<FaultAction>({ kind: 'crash', node: 'node-1' }, { kind: 'redis-down' }, { kind: 'deploy' }))),
}).map((o): SimSettings => {
  const s = defaultSettings();
  s.seed = o.seed;
  s.users = o.users;
  s.clients = o.clients;
  s.nodes = Array.from({ length: o.nodes }, (_, i) => defaultNode(i + 1));
  // HAProxy's cookie hashing is not modelled (createUpstreamState refuses it).
  s.balancer = { ...defaultBalancer(o.strategy), flavor: o.strategy === 'hash-cookie' ? 'nginx' : o.flavor };
  s.session = {
    ...s.session, driver: o.driver, dbConnection: o.db, block: o.block, blockStore: o.blockStore, localCache: o.localCache,
    onRedisFailure: o.fallback ? 'fallback-file' : 'fail-closed', lifetimeMin: o.lifetimeMin, expireOnClose: o.expireOnClose,
  };
  s.redis = { ...s.redis, sentinel: o.sentinel, cacheLoad: o.cacheLoad, dedicatedSessionRedis: o.dedicated, maxmemoryBytes: o.maxmemory, policy: o.policy };
  s.concurrency = o.concurrency;
  s.events = o.scheduled ? [{ atSec: o.scheduled[0], action: o.scheduled[1] }] : [];
  return s;
});

const CLI_LINES = [
  'SET k v', 'SETEX t 5 v', 'EXPIRE k 3', 'PERSIST t', 'DEL k', 'FLUSHALL', 'FLUSHDB', 'DBSIZE', 'SCAN 0 COUNT 5', 'KEYS *',
  'CONFIG SET maxmemory-policy allkeys-lfu', 'CONFIG SET maxmemory 1mb', 'CONFIG SET maxmemory-samples 3', 'INFO',
];

const interventionArb = fc.oneof(
  fc.tuple(fc.constantFrom(...NODE_ACTIONS), fc.integer({ min: 1, max: 3 })).map(([kind, n]) => (t: number): Intervention => ({ kind: 'fault', t, action: { kind, node: `node-${n}` } })),
  fc.constantFrom(...PLAIN_ACTIONS).map((kind) => (t: number): Intervention => ({ kind: 'fault', t, action: { kind } })),
  fc.constantFrom(0, 200, 70_000).map((ms) => (t: number): Intervention => ({ kind: 'fault', t, action: { kind: 'redis-latency', ms } })),
  fc.integer({ min: 1, max: 50 }).map((n) => (t: number): Intervention => ({ kind: 'users', t, n })),
  fc.constantFrom(...CLI_LINES).map((line) => (t: number): Intervention => ({ kind: 'redis-cli', t, line })),
);

const runArb = fc.record({
  settings: settingsArb,
  ivs: fc.array(fc.tuple(fc.integer({ min: 0, max: 90_000 }), interventionArb), { maxLength: 6 }),
}).map(({ settings, ivs }): RunLog => {
  let run = newRun(settings);
  for (const [t, make] of ivs.sort((a, b) => a[0] - b[0])) run = withIntervention(run, make(t));
  return run;
});

/** What the run shows at its moment: every record so far, the summary, the feed, each Redis's INFO, and the whole world. */
function stateOf(sim: Simulation, records: readonly string[]) {
  const digest = new TraceDigest();
  for (const line of records) digest.add(line);
  return {
    now: sim.now,
    records: records.length,
    digest: digest.hex(),
    summary: summarize(sim),
    feed: sim.world.feed.map((f) => `${f.t} ${f.kind} ${f.text}`),
    info: redisServers(sim.world as never).map((r) => r.info('everything')),
    world: worldLines(sim),
  };
}

const collect = (into: string[]) => ({ onRecord: (r: TraceRecord) => void into.push(traceLine(r)) });

describe('checkpoints: a restored simulation goes on exactly as a fresh one', () => {
  it('restoring a checkpoint and running to T equals a fresh run to T (random scenarios, interventions, moments)', async () => {
    await fc.assert(fc.asyncProperty(runArb, fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 30_000 }), async (run, atMs, moreMs) => {
      const endMs = atMs + moreMs;
      const before: string[] = [];
      const original = (await replayTo(run, atMs, { traceLimit: 0, listeners: collect(before) }))!;
      const checkpoint = original.checkpoint();
      const upToCheckpoint = before.length;
      // The original goes on and is released: the checkpoint must not move or break with it.
      await advance(original, run, endMs);
      original.dispose();

      const after: string[] = [];
      const restored = Simulation.restore(checkpoint, { listeners: collect(after) });
      expect(restored.now).toBe(atMs);
      await advance(restored, run, endMs);

      const fresh: string[] = [];
      const reference = (await replayTo(run, endMs, { traceLimit: 0, listeners: collect(fresh) }))!;
      expect(stateOf(restored, [...before.slice(0, upToCheckpoint), ...after])).toEqual(stateOf(reference, fresh));

      // The checkpoint is still as it was taken: a second restore goes the same way.
      const again: string[] = [];
      const second = Simulation.restore(checkpoint, { listeners: collect(again) });
      await advance(second, run, endMs);
      expect(again).toEqual(after);
      for (const s of [restored, reference, second]) s.dispose();
      checkpoint.dispose();
    }), { numRuns: 20 });
  }, 300_000);

  it('the checkpoint of a 1,000-user Redis run at 4:30 continues to 4:50 as the run did', async () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    s.users = 1000;
    const run = newRun(s);
    const a = (await replayTo(run, 270_000, { traceLimit: 0 }))!;
    const checkpoint = a.checkpoint();
    await a.runUntil(290_000);
    const b = Simulation.restore(checkpoint);
    await b.runUntil(290_000);
    expect(summarize(b)).toEqual(summarize(a));
    expect(b.world.redis!.info('everything')).toBe(a.world.redis!.info('everything'));
    expect(summarize(b).requests).toBeGreaterThan(10_000);
    for (const x of [a, b, checkpoint]) x.dispose();
  }, 120_000);

  it('a real Redis cannot be checkpointed: the error says so', async () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    const sim = await Simulation.create(s, { sessionRedis: async () => ({ ...(await Simulation.create(s)).world.redis! }) });
    expect(() => sim.checkpoint()).toThrow(/checkpoints need the simulated Redis/);
  });
});
