/**
 * The schemas of a run as data (docs/runs.md): every setting the engine takes, the
 * interventions made while it ran, and the moment it is shown at. Links and run files are
 * untrusted input: they are only ever `JSON.parse`d and checked against these schemas.
 */
import { z } from 'zod';
import { MAX_CONSOLE_LINE } from '../console/lineLimit';
import { MAX_NODES, MAX_USERS, NODE_ACTIONS, PLAIN_ACTIONS } from '../sim/settings';
import {
  BALANCER_STRATEGIES, BLOCK_STORES, CACHE_LOADS, CLIENT_POPULATIONS, DB_CONNECTIONS, EVICTION_POLICIES, REDIS_CLIENTS,
  REDIS_FAILURE_MODES, SESSION_DRIVERS,
  type FaultAction, type SimSettings,
} from '../sim/types';

/** A week of virtual time: the longest run a scenario file may ask for. */
export const MAX_RUN_MS = 7 * 24 * 3600 * 1000;
/** More interventions than a class could click in a week of demos. */
export const MAX_INTERVENTIONS = 5_000;

const nodeName = z.string().regex(/^node-[1-8]$/, { message: 'expected node-1 … node-8' });
const shortText = z.string().max(256);
const ms = z.number().finite().min(0).max(MAX_RUN_MS);

export const FaultActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(NODE_ACTIONS), node: nodeName }),
  z.strictObject({ kind: z.enum(PLAIN_ACTIONS) }),
  z.strictObject({ kind: z.literal('redis-latency'), ms: z.number().int().min(0).max(600_000) }),
]);

const NodeSpecSchema = z.strictObject({
  name: nodeName,
  address: shortText.min(1),
  weight: z.number().int().min(1).max(100),
  maxFails: z.number().int().min(0).max(1000),
  failTimeoutSec: z.number().finite().min(0).max(86_400),
  down: z.boolean(),
  drain: z.boolean().optional(),
  backup: z.boolean(),
  cookieValue: shortText.optional(),
});

const BalancerSchema = z.strictObject({
  flavor: z.enum(['nginx', 'haproxy']),
  strategy: z.enum(BALANCER_STRATEGIES),
  stickyCookie: z.strictObject({
    name: shortText.min(1),
    expiresSec: z.number().int().min(0).nullable(),
    domain: shortText.nullable(),
    path: shortText.nullable(),
  }),
  hashCookie: z.strictObject({ name: shortText.min(1), consistent: z.boolean() }),
  redispatch: z.boolean(),
});

const SessionSchema = z.strictObject({
  driver: z.enum(SESSION_DRIVERS),
  lifetimeMin: z.number().int().min(1).max(525_600),
  expireOnClose: z.boolean(),
  encrypt: z.boolean(),
  appName: shortText,
  connection: shortText.nullable(),
  onRedisFailure: z.enum(REDIS_FAILURE_MODES),
  block: z.boolean().optional(),
  localCache: z.boolean().optional(),
  dbConnection: z.enum(DB_CONNECTIONS).optional(),
  blockStore: z.enum(BLOCK_STORES).optional(),
  lottery: z.number().int().min(0).max(100).optional(),
});

const RedisSchema = z.strictObject({
  host: shortText.min(1),
  port: z.number().int().min(1).max(65_535),
  password: shortText.nullable(),
  db: z.number().int().min(0).max(15),
  maxmemoryBytes: z.number().int().min(0).max(2 ** 40),
  policy: z.enum(EVICTION_POLICIES),
  cacheLoad: z.enum(CACHE_LOADS).optional(),
  dedicatedSessionRedis: z.boolean().optional(),
  sentinel: z.boolean().optional(),
  client: z.enum(REDIS_CLIENTS).optional(),
  timeoutSec: z.number().finite().min(0).max(3600).nullable().optional(),
});

export const ScheduledFaultSchema = z.strictObject({ atSec: z.number().finite().min(0).max(MAX_RUN_MS / 1000), action: FaultActionSchema });

export const SimSettingsSchema = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  durationSec: z.number().finite().positive().max(MAX_RUN_MS / 1000),
  users: z.number().int().min(0).max(MAX_USERS),
  clients: z.enum(CLIENT_POPULATIONS),
  nodes: z.array(NodeSpecSchema).min(1).max(MAX_NODES).superRefine((nodes, ctx) => {
    nodes.forEach((n, i) => {
      if (n.name !== `node-${i + 1}`) ctx.addIssue({ code: 'custom', message: `expected node-${i + 1} (nodes are named in upstream order)`, path: [i, 'name'] });
    });
  }),
  balancer: BalancerSchema,
  session: SessionSchema,
  redis: RedisSchema,
  events: z.array(ScheduledFaultSchema).max(MAX_INTERVENTIONS),
  concurrency: z.number().int().min(1).max(8).optional(),
});

/** Something done to a running simulation, at a virtual time (ms). */
export const InterventionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fault'), t: ms, action: FaultActionSchema }),
  z.strictObject({ kind: z.literal('users'), t: ms, n: z.number().int().min(0).max(MAX_USERS) }),
  z.strictObject({ kind: z.literal('redis-cli'), t: ms, line: z.string().min(1).max(MAX_CONSOLE_LINE) }),
]);
export type Intervention = z.infer<typeof InterventionSchema>;

// The schemas must describe exactly the engine's types: a new setting or fault that is not
// added here fails the type check instead of being silently dropped from links.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const settingsMatch: Same<z.infer<typeof SimSettingsSchema>, SimSettings> = true;
const faultsMatch: Same<z.infer<typeof FaultActionSchema>, FaultAction> = true;
void settingsMatch;
void faultsMatch;
