/**
 * The node and Redis machines, driven directly: every transition of the transition table,
 * the guards, refused events (nothing changes, the reason is given), epochs and generations,
 * the last transition's cause, the Redis gate — and the engine asking them (faults.ts).
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { balancerHealth } from '../../src/sim/balancer/health';
import { AppNode } from '../../src/sim/cluster/appNode';
import type { Initiator } from '../../src/sim/machines/cause';
import { linkState, nodeMachine, nodeRefusal, processState, type NodeEvent, type NodeState } from '../../src/sim/machines/nodeMachine';
import { createRedisActor, redisGate } from '../../src/sim/machines/redisActor';
import { gateOf, networkState, redisMachine, redisRefusal, serverState, type RedisEvent } from '../../src/sim/machines/redisMachine';
import { ANY, chartOf } from '../../src/sim/machines/statechart';
import { defaultBalancer, defaultNode, defaultSettings } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import type { World } from '../../src/sim/world';

const by: Initiator = 'you';
const ev = <T extends NodeEvent['type']>(type: T, at = 0, extra: object = {}) => ({ type, at, by, ...extra }) as Extract<NodeEvent, { type: T }>;

/** A node actor brought to `state` through the engine's own events. */
function nodeIn(state: NodeState) {
  const a = createActor(nodeMachine, { input: { name: 'node-1' } }).start();
  if (state === 'draining') a.send(ev('DRAIN'));
  if (state === 'down') a.send(ev('CRASH'));
  if (state === 'booting') a.send(ev('RESTART'));
  expect(processState(a.getSnapshot())).toBe(state);
  return a;
}

type NodeProcessEvent = 'CRASH' | 'RESTART' | 'REPLACE' | 'DRAIN' | 'DRAINED' | 'BOOTED';

/** The whole process transition table: where each event leads from each state (null: refused). */
const NODE_TABLE: Record<NodeState, Record<NodeProcessEvent, NodeState | null>> = {
  up: { CRASH: 'down', RESTART: 'booting', REPLACE: 'booting', DRAIN: 'draining', DRAINED: null, BOOTED: null },
  draining: { CRASH: 'down', RESTART: 'booting', REPLACE: 'booting', DRAIN: null, DRAINED: 'down', BOOTED: null },
  down: { CRASH: null, RESTART: 'booting', REPLACE: 'booting', DRAIN: null, DRAINED: null, BOOTED: null },
  booting: { CRASH: 'down', RESTART: null, REPLACE: null, DRAIN: null, DRAINED: null, BOOTED: 'up' },
};

describe('node machine', () => {
  for (const [from, row] of Object.entries(NODE_TABLE) as [NodeState, (typeof NODE_TABLE)['up']][]) {
    for (const [type, to] of Object.entries(row) as [NodeProcessEvent, NodeState | null][]) {
      it(`${from} + ${type} → ${to ?? 'refused'}`, () => {
        const a = nodeIn(from);
        const before = a.getSnapshot();
        const event = ev(type, 1000, type === 'BOOTED' ? { epoch: before.context.epoch } : {});
        const reason = nodeRefusal(before, event);
        if (to === null) {
          expect(before.can(event)).toBe(false);
          expect(reason).toMatch(/^node-1 /);
          a.send(event);
          expect(a.getSnapshot().value).toEqual(before.value);
          expect(a.getSnapshot().context).toEqual(before.context);
        } else {
          expect(reason).toBeNull();
          a.send(event);
          expect(processState(a.getSnapshot())).toBe(to);
          expect(a.getSnapshot().context.last).toMatchObject({ event: type, region: 'process', from, to, at: 1000, by: 'you' });
        }
      });
    }
  }

  it('says why it refuses, in words a student reads in the feed', () => {
    expect(nodeRefusal(nodeIn('down').getSnapshot(), ev('CRASH'))).toBe('node-1 is already down');
    expect(nodeRefusal(nodeIn('down').getSnapshot(), ev('DRAIN'))).toBe('node-1 is down: only a node that is up can be drained');
    expect(nodeRefusal(nodeIn('booting').getSnapshot(), ev('RESTART'))).toBe('node-1 is already booting: wait until it is up, or crash it');
    expect(nodeRefusal(nodeIn('up').getSnapshot(), ev('HEAL'))).toBe('node-1 is already connected to Redis');
  });

  it('counts process lifetimes (epoch) and instances (generation)', () => {
    const a = nodeIn('up');
    const ctx = () => a.getSnapshot().context;
    expect([ctx().epoch, ctx().generation]).toEqual([1, 1]);
    a.send(ev('DRAIN'));
    a.send(ev('DRAINED'));
    expect([ctx().epoch, ctx().generation]).toEqual([1, 1]); // a drained process ends cleanly: nothing in flight died
    a.send(ev('RESTART'));
    expect([ctx().epoch, ctx().generation]).toEqual([2, 1]);
    a.send(ev('CRASH'));
    expect([ctx().epoch, ctx().generation]).toEqual([3, 1]);
    a.send(ev('REPLACE'));
    expect([ctx().epoch, ctx().generation]).toEqual([4, 2]);
    a.send(ev('BOOTED', 0, { epoch: 4 }));
    expect([ctx().epoch, ctx().generation]).toEqual([4, 2]);
  });

  it('refuses a boot scheduled for an older process lifetime (restarted, crashed and restarted again)', () => {
    const a = nodeIn('up');
    a.send(ev('RESTART', 0)); // epoch 2: its boot is due at 5 s
    a.send(ev('CRASH', 1000)); // epoch 3
    a.send(ev('RESTART', 2000)); // epoch 4: its boot is due at 7 s
    const stale = ev('BOOTED', 5000, { epoch: 2 });
    expect(a.getSnapshot().can(stale)).toBe(false);
    expect(nodeRefusal(a.getSnapshot(), stale)).toBe('node-1 was restarted again: this boot is stale');
    a.send(stale);
    expect(processState(a.getSnapshot())).toBe('booting');
    a.send(ev('BOOTED', 7000, { epoch: 4 }));
    expect(processState(a.getSnapshot())).toBe('up');
    expect(a.getSnapshot().context.last).toMatchObject({ event: 'BOOTED', from: 'booting', to: 'up', after: 5000 });
  });

  it('keeps its link to Redis in a parallel region: partition and heal, whatever the process does', () => {
    const a = nodeIn('up');
    a.send(ev('PARTITION', 10));
    expect(linkState(a.getSnapshot())).toBe('partitioned');
    expect(nodeRefusal(a.getSnapshot(), ev('PARTITION'))).toBe('node-1 is already cut off from Redis');
    a.send(ev('CRASH', 20));
    expect(a.getSnapshot().value).toEqual({ process: 'down', link: 'partitioned' });
    a.send(ev('HEAL', 30));
    expect(a.getSnapshot().value).toEqual({ process: 'down', link: 'connected' });
    expect(a.getSnapshot().context.last).toMatchObject({ event: 'HEAL', region: 'link', from: 'partitioned', to: 'connected', after: 20 });
  });

  it('an AppNode sends only what its machine accepts; a new instance has an empty disk', () => {
    const node = new AppNode(defaultNode(1), 0, 120);
    node.disk.files.set('a'.repeat(40), { data: 'x', mtime: 0 } as never);
    expect(node.send(ev('RESTART'))).toBeNull();
    expect(node.disk.files.size).toBe(1); // a restart keeps the disk
    expect(node.send(ev('REPLACE'))).toBe('node-1 is already booting: wait until it is up, or crash it');
    expect(node.disk.files.size).toBe(1);
    node.send(ev('CRASH'));
    expect(node.send(ev('REPLACE'))).toBeNull();
    expect(node.disk.files.size).toBe(0);
    expect(node.accepting).toBe(false);
    node.send(ev('BOOTED', 0, { epoch: node.epoch }));
    expect(node.accepting).toBe(true);
    node.actor.stop();
  });
});

const rev = <T extends RedisEvent['type']>(type: T, at = 0, extra: object = {}) => ({ type, at, by, ...extra }) as Extract<RedisEvent, { type: T }>;

/** A bare Redis actor brought to (server, network). */
function redisIn(server: 'up' | 'down' | 'failingOver', network: 'reachable' | 'blackHoled') {
  const a = createActor(redisMachine).start();
  if (network === 'blackHoled') a.send(rev('BLACKHOLE'));
  if (server === 'down') a.send(rev('DOWN'));
  if (server === 'failingOver') a.send(rev('FAILOVER'));
  expect(a.getSnapshot().value).toEqual({ server, network });
  return a;
}

type Pair = `${'up' | 'down' | 'failingOver'}/${'reachable' | 'blackHoled'}`;
type RedisStateEvent = 'DOWN' | 'UP' | 'FAILOVER' | 'PROMOTED' | 'BLACKHOLE';
/** Where each event leads from each (server/network) pair; null: refused. */
const REDIS_TABLE: Record<Pair, Record<RedisStateEvent, Pair | null>> = {
  'up/reachable': { DOWN: 'down/reachable', UP: null, FAILOVER: 'failingOver/reachable', PROMOTED: null, BLACKHOLE: 'up/blackHoled' },
  'up/blackHoled': { DOWN: 'down/blackHoled', UP: 'up/reachable', FAILOVER: 'failingOver/blackHoled', PROMOTED: null, BLACKHOLE: null },
  'down/reachable': { DOWN: null, UP: 'up/reachable', FAILOVER: null, PROMOTED: null, BLACKHOLE: 'down/blackHoled' },
  'down/blackHoled': { DOWN: null, UP: 'up/reachable', FAILOVER: null, PROMOTED: null, BLACKHOLE: null },
  'failingOver/reachable': { DOWN: null, UP: null, FAILOVER: null, PROMOTED: 'up/reachable', BLACKHOLE: 'failingOver/blackHoled' },
  // Bring-up waits for Sentinel; the promoted replica is another host, reachable.
  'failingOver/blackHoled': { DOWN: null, UP: null, FAILOVER: null, PROMOTED: 'up/reachable', BLACKHOLE: null },
};

describe('Redis machine', () => {
  for (const [from, row] of Object.entries(REDIS_TABLE) as [Pair, (typeof REDIS_TABLE)[Pair]][]) {
    for (const [type, to] of Object.entries(row) as [RedisStateEvent, Pair | null][]) {
      it(`${from} + ${type} → ${to ?? 'refused'}`, () => {
        const [server, network] = from.split('/') as ['up', 'reachable'];
        const a = redisIn(server, network);
        const before = a.getSnapshot();
        const event = rev(type, 500);
        if (to === null) {
          expect(before.can(event)).toBe(false);
          expect(redisRefusal(before, event)).toEqual(expect.any(String));
          a.send(event);
          expect(a.getSnapshot().value).toEqual(before.value);
        } else {
          expect(redisRefusal(before, event)).toBeNull();
          a.send(event);
          const s = a.getSnapshot();
          expect(`${serverState(s)}/${networkState(s)}`).toBe(to);
          expect(s.context.last).toMatchObject({ event: type, at: 500, by: 'you' });
        }
      });
    }
  }

  it('the gate: a black hole swallows calls even to a stopped server; otherwise only an up server answers', () => {
    expect(gateOf(redisIn('up', 'reachable').getSnapshot())).toBe('open');
    expect(gateOf(redisIn('down', 'reachable').getSnapshot())).toBe('refused');
    expect(gateOf(redisIn('failingOver', 'reachable').getSnapshot())).toBe('refused');
    for (const s of ['up', 'down', 'failingOver'] as const) expect(gateOf(redisIn(s, 'blackHoled').getSnapshot())).toBe('blackholed');
  });

  it('says why it refuses', () => {
    expect(redisRefusal(redisIn('up', 'reachable').getSnapshot(), rev('UP'))).toBe('Redis is already up');
    expect(redisRefusal(redisIn('down', 'reachable').getSnapshot(), rev('DOWN'))).toBe('Redis is already down');
    expect(redisRefusal(redisIn('failingOver', 'blackHoled').getSnapshot(), rev('UP'))).toBe('Sentinel is failing over; the replica will be promoted');
    expect(redisRefusal(redisIn('up', 'blackHoled').getSnapshot(), rev('BLACKHOLE'))).toBe('Redis is already black-holed');
  });

  it('holds the added latency in its context, in any state', () => {
    const a = redisIn('down', 'blackHoled');
    a.send(rev('LATENCY', 0, { ms: 250 }));
    expect(a.getSnapshot().context.latencyMs).toBe(250);
    expect(a.getSnapshot().value).toEqual({ server: 'down', network: 'blackHoled' });
  });

  it("the engine's actor makes the server itself refuse or drop commands as the machine moves", () => {
    const calls: string[] = [];
    const server = (name: string) => ({
      down: () => calls.push(`${name}.down`), up: () => calls.push(`${name}.up`),
      set blackhole(on: boolean) { calls.push(`${name}.blackhole=${on}`); },
      setLatency: (ms: number) => calls.push(`${name}.latency=${ms}`),
    });
    const primary = server('primary'), replica = server('replica');
    const w = { redis: primary, cacheRedis: primary, replica } as unknown as World;
    const a = createRedisActor(() => w);
    w.redisActor = a;
    a.send(rev('BLACKHOLE'));
    a.send(rev('DOWN'));
    expect(redisGate(w)).toBe('blackholed');
    a.send(rev('UP'));
    expect(redisGate(w)).toBe('open');
    a.send(rev('LATENCY', 0, { ms: 40 }));
    a.send(rev('FAILOVER'));
    expect(redisGate(w)).toBe('refused');
    expect(calls).toEqual(['primary.blackhole=true', 'primary.down', 'primary.up', 'primary.blackhole=false',
      'primary.latency=40', 'replica.latency=40', 'primary.down']);
    a.stop();
  });
});

describe('statecharts read from the machines', () => {
  it('the node chart is the machine: its regions, states and every transition, guards included', () => {
    const [proc, link] = chartOf(nodeMachine);
    expect(proc).toMatchObject({ id: 'process', initial: 'up', states: ['booting', 'up', 'draining', 'down'] });
    const none = (...types: string[]) => types.map((type) => ({ type, guard: null }));
    expect(proc!.edges).toEqual([
      { from: 'booting', to: 'up', events: [{ type: 'BOOTED', guard: 'currentEpoch' }] },
      { from: 'booting', to: 'down', events: none('CRASH') },
      { from: 'up', to: 'draining', events: none('DRAIN') },
      { from: 'up', to: 'down', events: none('CRASH') },
      { from: 'draining', to: 'down', events: none('DRAINED', 'CRASH') },
      { from: ANY, to: 'booting', events: [{ type: 'RESTART', guard: 'notBooting' }, { type: 'REPLACE', guard: 'notBooting' }] },
    ]);
    expect(link).toMatchObject({ id: 'link', initial: 'connected', states: ['connected', 'partitioned'] });
    // Every transition the table above accepts is drawn (directly, or from any state), and nothing else.
    for (const [from, row] of Object.entries(NODE_TABLE)) {
      for (const [type, to] of Object.entries(row)) {
        const drawn = proc!.edges.some((e) => (e.from === from || (e.from === ANY && e.events.every((x) => x.guard === 'notBooting') && from !== 'booting'))
          && e.to === to && e.events.some((x) => x.type === type));
        expect(drawn, `${from} --${type}--> ${to}`).toBe(to !== null);
      }
    }
  });

  it('the Redis chart has the server and network regions', () => {
    const [server, network] = chartOf(redisMachine);
    const show = (r: typeof server) => r!.edges.map((e) => `${e.from}>${e.to}:${e.events.map((x) => x.type + (x.guard ? `[${x.guard}]` : '')).join('/')}`);
    expect(server).toMatchObject({ id: 'server', initial: 'up', states: ['up', 'down', 'failingOver'] });
    expect(show(server)).toEqual(['up>down:DOWN', 'up>failingOver:FAILOVER', 'down>up:UP', 'failingOver>up:PROMOTED']);
    expect(show(network)).toEqual(['reachable>blackHoled:BLACKHOLE', 'blackHoled>reachable:UP[notFailingOver]/PROMOTED[failingOver]']);
  });
});

describe('balancer health (a plain function of the peers)', () => {
  it('all live, degraded, or no live upstreams', () => {
    const p = (unavailable: boolean, down = false) => ({ unavailable, down });
    expect(balancerHealth([p(false), p(false)])).toBe('allLive');
    expect(balancerHealth([p(true), p(false)])).toBe('degraded');
    expect(balancerHealth([p(false, true), p(false)])).toBe('degraded');
    expect(balancerHealth([p(true), p(false, true)])).toBe('noLiveUpstreams');
    expect(balancerHealth([])).toBe('allLive');
  });
});

describe('the engine asks the machines', () => {
  async function sim(driver: 'file' | 'redis' = 'redis') {
    const s = defaultSettings();
    s.session.driver = driver;
    s.balancer = defaultBalancer('round-robin');
    s.nodes = [defaultNode(1), defaultNode(2)];
    s.users = 10;
    s.durationSec = 120;
    return Simulation.create(s, { traceLimit: 0 });
  }

  it('crash → restart → booted: the machine moves, says why, and refuses what does not apply', async () => {
    const s = await sim();
    const node = s.world.nodes.get('node-2')!;
    await s.runUntil(10_000);
    expect(s.fault({ kind: 'drain', node: 'node-2' })).toBeNull();
    expect(s.fault({ kind: 'drain', node: 'node-2' })).toMatch(/^node-2 is (draining|down): only a node that is up can be drained$/);
    await s.runUntil(12_000);
    expect(node.state).toBe('down'); // drained: its last request finished
    expect(node.snapshot.context.last).toMatchObject({ event: 'DRAINED', by: 'engine' });
    expect(s.fault({ kind: 'crash', node: 'node-2' })).toBe('node-2 is already down');
    expect(s.fault({ kind: 'restart', node: 'node-2' })).toBeNull();
    expect(s.fault({ kind: 'replace', node: 'node-2' })).toBe('node-2 is already booting: wait until it is up, or crash it');
    expect(node.state).toBe('booting');
    await s.runUntil(16_999);
    expect(node.state).toBe('booting');
    await s.runUntil(17_000);
    expect(node.state).toBe('up');
    expect(node.snapshot.context.last).toEqual({ event: 'BOOTED', region: 'process', from: 'booting', to: 'up', at: 17_000, by: 'engine', after: 5_000 });
    expect(s.world.feed.map((f) => f.text)).toContain('node-2 is up');
    s.dispose();
  });

  it("Redis faults go through the machine; the server's own flags follow it", async () => {
    const s = await sim();
    const w = s.world;
    const agree = () => {
      const gate = redisGate(w);
      expect(w.redis!.blackhole).toBe(gate === 'blackholed');
      if (gate !== 'blackholed') expect(w.redis!.isUp).toBe(gate === 'open');
    };
    agree();
    expect(s.fault({ kind: 'redis-up' })).toBe('Redis is already up');
    expect(s.fault({ kind: 'redis-blackhole' })).toBeNull();
    agree();
    expect(s.fault({ kind: 'redis-down' })).toBeNull();
    expect(redisGate(w)).toBe('blackholed');
    expect(w.redis!.isUp).toBe(false);
    expect(s.fault({ kind: 'redis-up' })).toBeNull();
    expect(redisGate(w)).toBe('open');
    agree();
    expect(s.fault({ kind: 'redis-failover' })).toBe('no replica: run with Sentinel (--sentinel) to fail over');
    expect(s.fault({ kind: 'redis-latency', ms: 30 })).toBeNull();
    expect(w.redisActor.getSnapshot().context.latencyMs).toBe(30);
    expect(w.redis!.latencyMs).toBe(30);
    s.dispose();
  });

  it('a scheduled fault is recorded as such; one the machine refuses is reported in the feed', async () => {
    const s = await sim('file');
    s.schedule({ atSec: 5, action: { kind: 'crash', node: 'node-1' } });
    s.schedule({ atSec: 6, action: { kind: 'crash', node: 'node-1' } });
    await s.runUntil(7_000);
    expect(s.world.nodes.get('node-1')!.snapshot.context.last).toMatchObject({ event: 'CRASH', by: 'schedule', at: 5_000, after: 5_000 });
    expect(s.world.feed.map((f) => f.text)).toContain('scheduled fault ignored: node-1 is already down');
    s.dispose();
  });
});
