/**
 * The simulation's public face: build a world from settings, move virtual time when the
 * caller says so (`step`, `runUntil`), apply faults and settings changes, and report.
 * Same settings + same seed + same calls ⇒ the same trace, byte for byte.
 */
import { Checkpoint, releaseWorld } from './checkpoint';
import { balancerProblems, describeProblems } from './limits';
import { HAPROXY_CHECK, Upstream } from './balancer';
import { AppNode } from './cluster/appNode';
import { EventQueue } from './eventQueue';
import { startCacheTraffic, cacheOp, cacheClear } from './cluster/cacheTraffic';
import { applyReplication, replicate } from './cluster/sessionRedis';
import { applyFault, booted, promoteReplica, reportReroutes } from './faults';
import { feed } from './feed';
import { acquireLock, arrive, finish, receive, send } from './flow';
import { LaravelApp } from './laravel/app';
import { PayloadCodec } from './laravel/payload';
import { createRedisActor } from './machines/redisActor';
import { Metrics } from './metrics';
import { RedisConnection } from './redis/connection';
import type { EngineRedis } from './redis/engineRedis';
import { blackholeFailSec, clientOf, handshakeCommands, type RedisCallPhase } from './redis/clientModel';
import { SimRedis } from './redis/simRedis';
import { remakeable } from './graphClone';
import { Rng } from './rng';
import { blockStoreOf, dbConnectionOf } from './settings';
import { laravelNames } from '../config/laravelNames';
import { SessionDatabase } from './session/databaseStore';
import { makeStores, newStoreState } from './session/stores';
import { Trace } from './trace';
import type { EvictionPolicy, FaultAction, ScheduledFault, SimSettings } from './types';
import { addUsers, setUserCount } from './users/manage';
import type { Listeners, SimEvent, World } from './world';
import type { CrowdUser, NodeFiles, SimRead } from './read';

/** Virtual time zero, as wall-clock ms (what Redis and the feed show): 2026-01-05 09:00:00 UTC. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface SimOptions {
  /** Keep at most this many trace records in memory (all are still counted and streamed). */
  traceLimit?: number;
  listeners?: Listeners;
  /**
   * Open the sessions Redis yourself (the CLI's --redis-url uses a real server). Only the
   * EngineRedis surface is called on it; the run must then advance at 1× wall time.
   */
  sessionRedis?: () => Promise<EngineRedis>;
}

export class Simulation implements SimRead {
  private constructor(private readonly w: World) {}

  /** Build a world at virtual time 0. Loads the Redis mock only when the driver needs it. */
  static async create(settings: SimSettings, options: SimOptions = {}): Promise<Simulation> {
    // The simulator's limits (src/sim/limits.ts), checked before anything is built.
    const problem = describeProblems(balancerProblems(settings.balancer, settings.nodes), settings.nodes);
    if (problem !== null) throw new RangeError(`settings the simulator cannot run: ${problem}`);
    const root = new Rng(settings.seed);
    const names = laravelNames(settings.session.appName);
    // The file driver: each node reads its own (possibly older) copy, so remember one write per node.
    const codec = new PayloadCodec();
    const appRng = root.split('app');
    const w: World = {
      settings: structuredClone(settings),
      now: 0,
      queue: new EventQueue<SimEvent>(),
      rng: {
        users: root.split('users'), behaviour: root.split('behaviour'), app: appRng,
        cookies: root.split('cookies'), network: root.split('network'), gc: root.split('gc'), cache: root.split('cache'),
      },
      users: [],
      nodes: new Map(settings.nodes.map((spec, i) => [spec.name, new AppNode(spec, i, settings.session.lifetimeMin)])),
      upstream: new Upstream(settings.balancer, settings.nodes),
      redis: null,
      cacheRedis: null,
      connections: new Map(),
      replica: null,
      db: needsDatabase(settings) ? new SessionDatabase(dbConnectionOf(settings.session) ?? 'sqlite', settings.session.lifetimeMin * 60_000) : null,
      replicationStream: 0,
      pendingReplication: 0,
      cacheErrors: 0,
      deploy: null,
      lastSaved: new Map(),
      lastSavedCount: 0,
      redisActor: createRedisActor(() => w),
      app: new LaravelApp(appRng, codec), // one 'app' stream: the app's ids and tokens
      codec,
      storeFor: () => { throw new Error('stores not built'); },
      names: { cookie: names.cookie, keyPrefix: names.sessionKeyPrefix, redisPrefix: names.redisPrefix, cachePrefix: names.cachePrefix },
      metrics: new Metrics(settings.nodes.map((n) => n.name)),
      trace: new Trace(options.traceLimit),
      feed: [],
      watches: new Map(),
      listeners: options.listeners ?? {},
      nextReqId: 1,
    };
    if (needsRedis(settings)) {
      const r = settings.redis;
      w.redis = options.sessionRedis ? await options.sessionRedis() : await createRedis(w, root, 'sessions', r.maxmemoryBytes, r.policy, handshakeCommands(r));
      w.cacheRedis = r.dedicatedSessionRedis ? await createRedis(w, root, 'cache', r.maxmemoryBytes, r.policy) : w.redis;
      if (r.sentinel) w.replica = await createRedis(w, root, 'replica', r.maxmemoryBytes, r.policy, handshakeCommands(r));
      const onWrite = remakeable(replicationTo, w);
      const timeoutFor = remakeable(clientTimeouts, r);
      for (const node of w.nodes.values()) w.connections.set(node.name, new RedisConnection(w, node, { onWrite, timeoutFor }));
    }
    w.storeFor = remakeable(makeStores, w, newStoreState());
    startCacheTraffic(w);
    addUsers(w, settings.users);
    for (const f of settings.events) w.queue.push({ kind: 'fault', t: f.atSec * 1000, seq: 0, action: f.action });
    w.queue.push({ kind: 'tick', t: 1000, seq: 0 });
    if (settings.balancer.flavor === 'haproxy') w.queue.push({ kind: 'check', t: HAPROXY_CHECK.interMs, seq: 0 });
    return new Simulation(w);
  }

  /** Virtual ms since the start. */
  get now(): number {
    return this.w.now;
  }

  get settings(): Readonly<SimSettings> {
    return this.w.settings;
  }

  /**
   * The world, read-only by convention: the engine's own reports and the runner's snapshots
   * (src/ui/state) read it, never write it. Other views use the read API below ({@link SimRead}).
   */
  get world(): Readonly<World> {
    return this.w;
  }

  get sessionRedis(): EngineRedis | null {
    return this.w.redis;
  }

  get sessionKeyPrefix(): string {
    return this.w.names.keyPrefix;
  }

  nodeNames(): string[] {
    return [...this.w.nodes.keys()];
  }

  nodeFiles(name: string): NodeFiles | undefined {
    return this.w.nodes.get(name);
  }

  get databaseUp(): boolean | null {
    return this.w.db?.server.up ?? null;
  }

  /**
   * The database driver's `sessions` table(s): rows, and how many hold a session already expired —
   * they stay until the lottery's `gc()` deletes them (no TTL, unlike Redis). Null without the driver.
   */
  get sessionRows(): { rows: number; expired: number } | null {
    const db = this.w.db;
    if (!db || this.w.settings.session.driver !== 'database') return null;
    return { rows: db.rowCount(), expired: db.tables().reduce((n, t) => n + t.expiredRows(this.w.now), 0) };
  }

  get crowd(): readonly CrowdUser[] {
    return this.w.users;
  }

  get logouts(): number {
    return this.w.metrics.logouts;
  }

  get logoutSeconds(): readonly { readonly logouts: number }[] {
    return this.w.metrics.series;
  }

  /** Process the next event. Returns false when nothing is left. */
  async step(): Promise<boolean> {
    const e = this.w.queue.pop();
    if (!e) return false;
    this.w.now = e.t;
    const pending = this.dispatch(e);
    if (pending) await pending;
    return true;
  }

  /** Process every event up to and including virtual time `t` (ms), then stop the clock at `t`. */
  async runUntil(t: number): Promise<void> {
    const q = this.w.queue;
    while (q.size > 0 && q.nextTime() <= t) {
      const e = q.pop()!;
      this.w.now = e.t;
      const pending = this.dispatch(e); // only Redis-touching events are asynchronous
      if (pending) await pending;
    }
    if (t > this.w.now) this.w.now = t;
  }

  /** Run to the configured duration. */
  async run(): Promise<void> {
    await this.runUntil(this.w.settings.durationSec * 1000);
  }

  /** Apply a fault now. Returns an error message instead of applying one that makes no sense. */
  fault(action: FaultAction): string | null {
    return applyFault(this.w, action);
  }

  /** Schedule a fault at a virtual time (a lesson's timeline). */
  schedule(f: ScheduledFault): void {
    this.w.queue.push({ kind: 'fault', t: Math.max(this.w.now, f.atSec * 1000), seq: 0, action: f.action });
  }

  /** Release what the run holds outside itself (its Redis servers' slots in ioredis-mock). */
  dispose(): void {
    releaseWorld(this.w);
  }

  /**
   * Copy the whole state now, between events (src/sim/checkpoint.ts). {@link restore} gives a
   * simulation that goes on exactly as this one does from here. Not with a real Redis server.
   */
  checkpoint(): Checkpoint {
    if (this.w.redis && !(this.w.redis instanceof SimRedis)) throw new Error('checkpoints need the simulated Redis: a real server cannot be copied');
    return Checkpoint.take(this.w);
  }

  /** A simulation at a checkpoint's moment, reporting to `options.listeners`; the checkpoint stays usable. */
  static restore(checkpoint: Checkpoint, options: Pick<SimOptions, 'listeners'> = {}): Simulation {
    return new Simulation(checkpoint.restore(options.listeners ?? {}));
  }

  /** Change the number of users live. */
  setUsers(n: number): void {
    setUserCount(this.w, n);
    this.w.settings.users = n;
  }

  private dispatch(e: SimEvent): Promise<void> | void {
    const w = this.w;
    switch (e.kind) {
      case 'send':
        return send(w, e.user, e.intent, e.activation);
      case 'arrive':
        return arrive(w, e);
      case 'lock':
        return acquireLock(w, e);
      case 'finish':
        return finish(w, e);
      case 'receive':
        return receive(w, e);
      case 'tick':
        return this.tick();
      case 'fault': {
        const err = applyFault(w, e.action, 'schedule');
        if (err) feed(w, 'warning', `scheduled fault ignored: ${err}`);
        return;
      }
      case 'booted':
        return booted(w, e.node, e.epoch);
      case 'reroute-report':
        return reportReroutes(w, e.node, e.watch);
      case 'check':
        return this.healthChecks();
      case 'cache':
        return cacheOp(w);
      case 'promote':
        return promoteReplica(w, e.lost);
      case 'replicate':
        return applyReplication(w, e.r);
      case 'cache-clear':
        return cacheClear(w);
    }
  }

  /** HAProxy's active checks (`check inter 2s`): a TCP connect to every server. */
  private healthChecks(): void {
    const w = this.w;
    for (const node of w.nodes.values()) w.upstream.healthCheck(node.name, node.accepting, w.now);
    w.queue.push({ kind: 'check', t: w.now + HAPROXY_CHECK.interMs, seq: 0 });
  }

  /** Once a virtual second: close the metrics bucket, let Redis expire keys. */
  private tick(): void {
    const w = this.w;
    w.redis?.tick(w.now);
    if (w.cacheRedis !== w.redis) w.cacheRedis?.tick(w.now);
    w.replica?.tick(w.now);
    const r = w.redis?.snapshot();
    w.metrics.closeSecond(r ? {
      keys: r.keys, commands: r.commands, connectedClients: r.connectedClients,
      usedMemory: r.usedMemory, evictedKeys: r.evictedKeys, expiredKeys: r.expiredKeys,
    } : null);
    w.queue.push({ kind: 'tick', t: w.now + 1000, seq: 0 });
  }
}

function needsRedis(s: SimSettings): boolean {
  return s.session.driver === 'redis' || (s.redis.cacheLoad ?? 'none') !== 'none' || blockStoreOf(s.session) === 'redis';
}

function needsDatabase(s: SimSettings): boolean {
  return dbConnectionOf(s.session) !== null;
}

async function createRedis(w: World, root: Rng, name: string, maxmemoryBytes: number, policy: EvictionPolicy, handshake?: string[][]): Promise<SimRedis> {
  const rng = root.split(`redis/${name}`);
  return SimRedis.create({ now: remakeable(virtualClock, w), name, maxmemoryBytes, policy, rng: remakeable(floats, rng), handshake });
}

// The closures the world's parts hold, made by functions of what they close over, so that a
// checkpoint's copy of a part closes over the copy of the world (graphClone.ts `remakeable`).

/** The world's clock as Redis reads it: virtual epoch ms. */
const virtualClock = (w: World) => (): number => VIRTUAL_EPOCH_MS + w.now;

/** A seeded [0, 1) source over one rng stream. */
const floats = (rng: Rng) => (): number => rng.float();

/** Sentinel replication of every session write a node's connection made. */
const replicationTo = (w: World) => (op: 'setex' | 'del', key: string, seconds: number, value: string): void => replicate(w, op, key, seconds, value);

/** The PHP client's timeouts: phpredis falls back to default_socket_timeout, predis connects within 5 s. */
const clientTimeouts = (r: SimSettings['redis']) => (phase: RedisCallPhase): number => blackholeFailSec(clientOf(r), r.timeoutSec, phase) * 1000;
