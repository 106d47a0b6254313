/**
 * The per-refresh snapshot the DOM views render: plain data read from the engine's world
 * (read-only), replaced as a whole a few times a second (STYLE.md §10).
 */
import { balancerHealth, type BalancerHealth } from '../../sim/balancer/health';
import type { SecondBucket } from '../../sim/metrics';
import type { Simulation } from '../../sim/simulation';
import { NODE_FAULTS, nodeFaultRefusal, type NodeFaultKind } from '../../sim/faults';
import type { MachineView } from '../../sim/machines/cause';
import type { NodeState } from '../../sim/machines/nodeMachine';
import type { EvictionPolicy, SimSettings, TraceRecord } from '../../sim/types';
import { serverState, type RedisState } from '../../sim/machines/redisMachine';
import type { EngineRedis } from '../../sim/redis/engineRedis';
import { SENTINEL_DOWN_AFTER_MS, SENTINEL_FAILOVER_MS } from '../../sim/cluster/sessionRedis';
import type { RunningTotals, TotalPoint } from '../metrics/chartData';
import { MARK_COUNT } from './marks';

export interface NodeView {
  name: string;
  address: string;
  state: NodeState;
  inFlight: number;
  /** Session files on this node's disk. */
  files: number;
  /** Rows in the `sessions` table on this node's own disk (database driver on SQLite); null: none there. */
  rows: number | null;
  /** Requests answered per virtual second (mean of the last 3 s). */
  rps: number;
  /** Requests answered since the start. */
  served: number;
  /** nginx currently skips this peer (failed `max_fails` times, or marked down). */
  skipped: boolean;
  /** Its packets to Redis are dropped (the failure lab's partition): its Redis calls hang. */
  partitioned: boolean;
  /** Its part in a rolling deploy: being drained/replaced now, or waiting its turn. */
  deploy: 'current' | 'pending' | null;
  /** Its lifecycle machine (process and link regions) and the last transition, for the statechart. */
  machine: MachineView;
}

export interface RedisView {
  /** What it holds: sessions, the cache, or both (one Redis shared by the two). */
  role: 'sessions' | 'cache' | 'sessions + cache';
  /** The lifecycle as the cluster sees it; `failingOver` while Sentinel has not promoted the replica yet. */
  state: RedisState;
  up: boolean;
  /** Packets dropped: every call hangs (the failure lab's black hole). */
  blackhole: boolean;
  /** Extra ms on every command (0 = normal). */
  latencyMs: number;
  /** `maxmemory` in bytes (0 = no limit) and `maxmemory-policy`. */
  maxmemory: number;
  policy: EvictionPolicy;
  /** Sentinel's replica is standing by. */
  replica: boolean;
  /** Virtual ms at which Sentinel promotes the replica (while failing over). */
  promoteAt: number | null;
  keys: number;
  usedMemory: number;
  connectedClients: number;
  commands: number;
  evictedKeys: number;
  expiredKeys: number;
  /** Commands per virtual second over the last second. */
  commandRate: number;
  /** The Redis machine (server and network regions) for the statechart; null for the cache's own Redis, which has none. */
  machine: MachineView | null;
}

export interface Totals {
  requests: number;
  logouts: number;
  /** 419 Page Expired. */
  csrf: number;
  /** 500, 502, 504. */
  errors5xx: number;
  /** 504: nginx's read timeout on a hung node (part of errors5xx). */
  timeouts: number;
  lostUpdates: number;
}

export interface View {
  now: number;
  settings: SimSettings;
  nodes: NodeView[];
  balancerState: BalancerHealth;
  /** The sessions Redis (or the only one). */
  redis: RedisView | null;
  /** The cache's own Redis, with `dedicatedSessionRedis` (null when the two share one). */
  cache: RedisView | null;
  /** A rolling deploy in progress: the node being replaced, those still to go, those done. */
  deploy: { current: string | null; pending: string[]; replaced: number } | null;
  totals: Totals;
  /** The last closed virtual seconds, oldest first (at most {@link SERIES_WINDOW}). */
  series: SecondBucket[];
  /** Running totals of logouts and 419s since the start (downsampled). */
  running: TotalPoint[];
  /** Users currently in the crowd, and how many of them think they are logged in. */
  users: number;
  /** Crowd cells: every user ever created (departed ones keep their cell, drawn empty). */
  slots: number;
  loggedIn: number;
  /** Users in the crowd carrying each mark, indexed by `MARK` (empty without marks in the context). */
  marks: number[];
}

export const SERIES_WINDOW = 60;

export const EMPTY_TOTALS: Totals = { requests: 0, logouts: 0, csrf: 0, errors5xx: 0, timeouts: 0, lostUpdates: 0 };

/** What the runner knows beside the world: the previous view. */
export interface ViewContext {
  prev?: View | null;
  /** The crowd's marks (user index → `MARK`), to count them. */
  marks?: Uint8Array;
}

function redisView(r: EngineRedis, role: RedisView['role'], state: RedisState, commandRate: number, extra: Pick<RedisView, 'replica' | 'promoteAt' | 'machine'>): RedisView {
  const s = r.snapshot();
  return {
    role, state, up: s.up, blackhole: r.blackhole, latencyMs: r.latencyMs, maxmemory: s.maxmemory, policy: s.policy,
    keys: s.keys, usedMemory: s.usedMemory, connectedClients: s.connectedClients, commands: s.commands,
    evictedKeys: s.evictedKeys, expiredKeys: s.expiredKeys, commandRate, ...extra,
  };
}

/** Snapshot the world. `running` is fed the new seconds on the way. */
export function buildView(sim: Simulation, running: RunningTotals, ctx: ViewContext = {}): View {
  const w = sim.world;
  const m = w.metrics;
  running.update(m.series);
  const recent = m.series.slice(-3);
  const peers = new Map(w.upstream.peers(w.now).map((p) => [p.name, p]));
  const nodes: NodeView[] = [...w.nodes.values()].map((n) => {
    const p = peers.get(n.name);
    return {
      name: n.name,
      address: n.spec.address,
      state: n.state,
      inFlight: n.inFlight,
      files: n.disk.files.size,
      rows: w.db?.rowsOn(n.name) ?? null,
      rps: recent.length ? recent.reduce((a, b) => a + (b.perNode[n.name] ?? 0), 0) / recent.length : 0,
      served: m.perNode[n.name] ?? 0,
      skipped: p ? p.unavailable || p.down : false,
      partitioned: n.partitioned,
      deploy: w.deploy?.current === n.name ? 'current' : w.deploy?.pending.includes(n.name) ? 'pending' : null,
      machine: { value: n.snapshot.value, last: n.snapshot.context.last },
    };
  });
  let redis: RedisView | null = null;
  let cache: RedisView | null = null;
  if (w.redis) {
    const last = m.series.at(-1)?.redis;
    const prev = m.series.at(-2)?.redis;
    const snap = w.redisActor.getSnapshot();
    const state = serverState(snap);
    const shared = w.cacheRedis === w.redis && (w.settings.redis.cacheLoad ?? 'none') !== 'none';
    const sessions = w.settings.session.driver === 'redis';
    // The Sentinel countdown runs from when the Redis machine entered failingOver.
    const since = state === 'failingOver' ? snap.context.since.server ?? null : null;
    redis = redisView(w.redis, sessions ? (shared ? 'sessions + cache' : 'sessions') : 'cache', state,
      last && prev ? last.commands - prev.commands : 0,
      { replica: w.replica !== null, promoteAt: since === null ? null : since + SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_MS,
        machine: { value: snap.value, last: snap.context.last } });
    if (w.cacheRedis && w.cacheRedis !== w.redis) {
      // The metrics series samples the sessions Redis only: the cache's rate comes from the previous view.
      const before = ctx.prev?.cache;
      const dt = ctx.prev ? (w.now - ctx.prev.now) / 1000 : 0;
      const commands = w.cacheRedis.snapshot().commands;
      const rate = !before || dt < 0 ? 0 : dt === 0 ? before.commandRate : Math.max(0, Math.round((commands - before.commands) / dt));
      cache = redisView(w.cacheRedis, 'cache', w.cacheRedis.isUp ? 'up' : 'down', rate, { replica: false, promoteAt: null, machine: null });
    }
  }
  const o = m.outcomes;
  let users = 0, loggedIn = 0;
  const marks = ctx.marks;
  const markCounts: number[] = marks ? new Array<number>(MARK_COUNT).fill(0) : [];
  for (let i = 0; i < w.users.length; i++) {
    const u = w.users[i]!;
    if (!u.active) continue;
    users++;
    if (u.loggedIn) loggedIn++;
    if (marks) markCounts[marks[i] ?? 0]!++;
  }
  return {
    now: w.now,
    settings: w.settings,
    nodes,
    balancerState: balancerHealth([...peers.values()]),
    redis,
    cache,
    deploy: w.deploy ? { current: w.deploy.current, pending: [...w.deploy.pending], replaced: w.deploy.replaced } : null,
    totals: {
      requests: m.requests,
      logouts: m.logouts,
      csrf: o.csrf_mismatch,
      errors5xx: o.server_error + o.bad_gateway + o.gateway_timeout,
      timeouts: o.gateway_timeout,
      lostUpdates: o.lost_update,
    },
    series: m.series.slice(-SERIES_WINDOW),
    running: running.points,
    users,
    slots: w.users.length,
    loggedIn,
    marks: markCounts,
  };
}

/** What the inspector shows for one user. */
export interface UserDetail {
  kind: 'user';
  id: number;
  clientKind: string;
  ip: string;
  loggedIn: boolean;
  page: string;
  lastNode: string | null;
  active: boolean;
  sessionId: string | null;
  cookies: Array<{ name: string; value: string; plain?: string; expiresAt: number | null }>;
  recent: TraceRecord[];
}

export function userDetail(sim: Simulation, id: number, recent: readonly TraceRecord[]): UserDetail | null {
  const w = sim.world;
  const u = w.users[id - 1]; // ids are 1-based, in creation order
  if (!u) return null;
  return {
    kind: 'user', id: u.id, clientKind: u.kind, ip: u.ip, loggedIn: u.loggedIn, page: u.page,
    lastNode: u.lastNode, active: u.active,
    sessionId: u.jar.plain(w.names.cookie, w.now) ?? null,
    cookies: u.jar.list(w.now),
    recent: [...recent],
  };
}

export interface SessionFileView {
  id: string;
  /** Virtual ms of the last write. */
  mtime: number;
  /** The payload holds a `login_web_…` key: someone is logged in with it. */
  authenticated: boolean;
  /** The user whose browser holds this session id, if any. */
  user: number | null;
}

export interface NodeDetail {
  kind: 'node';
  name: string;
  state: NodeState;
  address: string;
  /** Newest first, at most `limit`. */
  files: SessionFileView[];
  fileCount: number;
  /** Per fault, why the node's machine refuses it now (null: it applies). */
  refusals: Record<NodeFaultKind, string | null>;
}

export function nodeDetail(sim: Simulation, name: string, limit = 40): NodeDetail | null {
  const w = sim.world;
  const n = w.nodes.get(name);
  if (!n) return null;
  const newest = [...n.disk.files.entries()]
    .sort((a, b) => b[1].mtime - a[1].mtime)
    .slice(0, limit);
  // Owners of the files listed only: a map of every user's session would be rebuilt for nothing.
  const owners = sessionOwners(sim, new Set(newest.map(([id]) => id)));
  const files = newest.map(([id, f]) => ({ id, mtime: f.mtime, authenticated: f.data.includes('login_web_'), user: owners.get(id) ?? null }));
  const refusals = Object.fromEntries(NODE_FAULTS.map((k) => [k, nodeFaultRefusal(n, k)])) as NodeDetail['refusals'];
  return { kind: 'node', name, state: n.state, address: n.spec.address, files, fileCount: n.disk.files.size, refusals };
}

/** Session id → user id, from the users' cookie jars (only for the ids in `only`, when given). */
export function sessionOwners(sim: Simulation, only?: ReadonlySet<string>): Map<string, number> {
  const w = sim.world;
  const out = new Map<string, number>();
  if (only?.size === 0) return out;
  for (const u of w.users) {
    const id = u.jar.plain(w.names.cookie, w.now);
    if (id && (!only || only.has(id))) out.set(id, u.id);
  }
  return out;
}
