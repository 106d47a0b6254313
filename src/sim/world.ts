/**
 * The simulation's state, as plain fields: what every part of the engine reads and writes.
 * Built by `Simulation.create`; the request path, faults and users each live in their own file.
 */
import type { Actor } from 'xstate';
import type { Upstream } from './balancer';
import type { Route } from './balancer/types';
import type { AppNode } from './cluster/appNode';
import type { EventQueue, Scheduled } from './eventQueue';
import type { Handled, LaravelApp } from './laravel/app';
import type { SetCookie } from './laravel/cookieJar';
import type { PayloadCodec } from './laravel/payload';
import type { redisMachine } from './machines/redisMachine';
import type { Replication } from './cluster/sessionRedis';
import type { Metrics } from './metrics';
import type { RedisConnection } from './redis/connection';
import type { EngineRedis } from './redis/engineRedis';
import type { Rng } from './rng';
import type { SessionDatabase } from './session/databaseStore';
import type { SessionStore, StoreRequest } from './session/store';
import type { Trace } from './trace';
import type { FaultAction, SimSettings, TraceRecord } from './types';
import type { Intent, User } from './users/user';

/** A request in flight. The same object is re-queued as it moves (no allocation per hop). */
export interface Req extends Scheduled {
  kind: 'arrive' | 'lock' | 'finish' | 'receive';
  id: number;
  user: User;
  /** The user's activation when the request was sent. */
  activation: number;
  intent: Intent;
  sentAt: number;
  ip: string;
  sessionId: string | null;
  authBefore: boolean;
  csrfToken: string | null;
  route: Route | null;
  node: AppNode | null;
  epoch: number;
  store: SessionStore | null;
  ctx: StoreRequest | null;
  handled: Handled | null;
  /** The node's connection to Redis (redis driver). */
  conn: RedisConnection | null;
  /** The request's own Redis connection (the request is its RequestLink: its id is the connection's number). */
  redisAt: EngineRedis | null;
  redisToken: number;
  /** Set when the app failed (500) before `finish`. */
  failed: boolean;
  /** When the node accepted the request (nginx's proxy timeouts count from here). */
  startedAt: number;
  /** The upstream hung (a black-holed Redis): nginx answers after its read timeout. */
  timedOut: boolean;
  /** Session lock held (`->block()`), and since when this request has been waiting for it. */
  lock: string | null;
  lockSince: number;
  /** This request's session write overwrote another request's change. */
  lostUpdate: boolean;
  /** What the browser receives. */
  status: number;
  location: string | null;
  authAfter: boolean;
  pageToken: string | null;
  /** Set-Cookie headers of the response, in order (replaced, never changed in place). */
  cookies: readonly SetCookie[];
  answeredBy: string | null;
}

/** Events that are not requests. */
export type Tick = Scheduled & (
  | { kind: 'send'; user: User; intent: Intent; activation: number }
  | { kind: 'tick' }
  | { kind: 'fault'; action: FaultAction }
  | { kind: 'booted'; node: string; epoch: number }
  | { kind: 'reroute-report'; node: string; watch: RerouteWatch }
  | { kind: 'check' }
  | { kind: 'cache' }
  | { kind: 'promote'; lost: number }
  | { kind: 'replicate'; r: Replication }
  | { kind: 'cache-clear' }
);

export type SimEvent = Req | Tick;

/** A line of the event feed ("12:04 node-2 crashed"). */
export interface FeedItem {
  /** Virtual ms. */
  t: number;
  kind: 'fault' | 'recovery' | 'info' | 'warning';
  text: string;
}

/** Users whose last request went to a node that just failed, and how many got served elsewhere. */
export interface RerouteWatch {
  users: Set<number>;
  rerouted: number;
}

export interface Listeners {
  onRecord?: (r: TraceRecord) => void;
  onFeed?: (f: FeedItem) => void;
}

export interface World {
  settings: SimSettings;
  now: number;
  queue: EventQueue<SimEvent>;
  rng: { users: Rng; behaviour: Rng; app: Rng; cookies: Rng; network: Rng; gc: Rng; cache: Rng };
  users: User[];
  nodes: Map<string, AppNode>;
  upstream: Upstream;
  /** The Redis holding sessions (the current primary). */
  redis: EngineRedis | null;
  /** The Redis the cache traffic uses: the same one, or its own with `dedicatedSessionRedis`. */
  cacheRedis: EngineRedis | null;
  /** Each node's connection to the sessions Redis, by node name (empty without Redis). */
  connections: Map<string, RedisConnection>;
  /** Sentinel's replica, until it is promoted. */
  replica: EngineRedis | null;
  /** The `database` driver's (and database cache store's) database: null when neither is used. */
  db: SessionDatabase | null;
  replicationStream: number;
  pendingReplication: number;
  cacheErrors: number;
  /** A rolling deploy in progress. */
  deploy: { pending: string[]; current: string | null; replaced: number } | null;
  /** The cart each session last saved, per store (node name for file, else the driver) and id (to detect lost updates). */
  lastSaved: Map<string, Map<string, readonly number[]>>;
  /** Entries in {@link lastSaved}, all stores together (bounded: cleared past 50,000). */
  lastSavedCount: number;
  /** The Redis machine: the one source of the Redis gate (up/down/failing over, black hole, latency). */
  redisActor: Actor<typeof redisMachine>;
  app: LaravelApp;
  codec: PayloadCodec;
  /** The store every node uses for the configured driver (file: each node's own disk). */
  storeFor: (node: AppNode) => SessionStore;
  names: { cookie: string; keyPrefix: string; redisPrefix: string; cachePrefix: string };
  metrics: Metrics;
  trace: Trace;
  feed: FeedItem[];
  watches: Map<string, RerouteWatch>;
  listeners: Listeners;
  nextReqId: number;
}
