/**
 * Defaults and the scenario vocabulary shared by the CLI flags, `--scenario` files, lessons
 * and shared links: one schema, so every entry point reports bad input the same way.
 */
import { z } from 'zod';
import {
  BALANCER_STRATEGIES, CACHE_LOADS, CLIENT_POPULATIONS, EVICTION_POLICIES, REDIS_FAILURE_MODES, SESSION_DRIVERS,
  type BalancerSettings, type FaultAction, type NodeSpec, type ScheduledFault, type SimSettings,
} from './types';

export const MAX_NODES = 8;
export const MAX_USERS = 10_000;

/** The i-th (1-based) node's spec as the seed lesson writes it: `server node1.internal:80;`. */
export function defaultNode(i: number): NodeSpec {
  return { name: `node-${i}`, address: `node${i}.internal:80`, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false };
}

export function defaultBalancer(strategy: BalancerSettings['strategy'] = 'round-robin'): BalancerSettings {
  return {
    flavor: 'nginx',
    strategy,
    stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: null, path: '/' },
    hashCookie: { name: 'laravel_session', consistent: true },
    redispatch: true,
  };
}

export function defaultSettings(): SimSettings {
  return {
    seed: 1,
    durationSec: 600,
    users: 100,
    clients: 'unique',
    nodes: [defaultNode(1), defaultNode(2)],
    balancer: defaultBalancer(),
    session: { driver: 'file', lifetimeMin: 120, expireOnClose: false, encrypt: false, appName: 'Laravel', connection: null, onRedisFailure: 'fail-closed' },
    redis: { host: '127.0.0.1', port: 6379, password: null, db: 0, maxmemoryBytes: 0, policy: 'noeviction' },
    events: [],
  };
}

const NODE_ACTIONS = ['crash', 'restart', 'replace', 'drain', 'partition', 'heal'] as const;
const PLAIN_ACTIONS = ['redis-down', 'redis-up', 'deploy', 'redis-failover', 'redis-blackhole'] as const;
const ALL_ACTIONS = [...NODE_ACTIONS, ...PLAIN_ACTIONS, 'redis-latency'];

/**
 * Parse `T:ACTION[:TARGET]` (T in virtual seconds), e.g. `30:crash:node-2`, `60:redis-down`,
 * `90:redis-latency:200`. Returns an error message instead of throwing.
 */
export function parseEventSpec(spec: string, nodeCount: number): ScheduledFault | string {
  const [at, action, target, ...rest] = spec.split(':');
  const atSec = Number(at);
  if (at === undefined || at.trim() === '' || !Number.isFinite(atSec) || atSec < 0) {
    return `"${spec}": the time must be a number of seconds ≥ 0, as in 30:crash:node-2`;
  }
  if (rest.length > 0) return `"${spec}": too many parts; expected T:ACTION[:TARGET]`;
  if ((PLAIN_ACTIONS as readonly string[]).includes(action ?? '')) {
    if (target !== undefined) return `"${spec}": ${action} takes no target`;
    return { atSec, action: { kind: action as (typeof PLAIN_ACTIONS)[number] } };
  }
  if (action === 'redis-latency') {
    const ms = Number(target);
    if (target === undefined || !/^\d+$/.test(target) || ms > 600_000) return `"${spec}": redis-latency needs milliseconds, as in 90:redis-latency:200`;
    return { atSec, action: { kind: 'redis-latency', ms } };
  }
  if ((NODE_ACTIONS as readonly string[]).includes(action ?? '')) {
    const m = /^node-(\d+)$/.exec(target ?? '');
    const n = m ? Number(m[1]) : NaN;
    if (!m || n < 1 || n > nodeCount) {
      return `"${spec}": ${action} needs a node, node-1 … node-${nodeCount}`;
    }
    return { atSec, action: { kind: action as (typeof NODE_ACTIONS)[number], node: `node-${n}` } };
  }
  return `"${spec}": unknown action "${action ?? ''}"; expected one of ${ALL_ACTIONS.join(', ')}`;
}

/** `crash:node-2` style label of an action (the inverse of {@link parseEventSpec}'s action part). */
export function actionLabel(a: FaultAction): string {
  if ('node' in a) return `${a.kind}:${a.node}`;
  if (a.kind === 'redis-latency') return `${a.kind}:${a.ms}`;
  return a.kind;
}

/** A scenario as a file or a share link holds it: the CLI's options, as JSON. */
export const ScenarioSchema = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  nodes: z.number().int().min(1).max(MAX_NODES).optional(),
  driver: z.enum(SESSION_DRIVERS).optional(),
  balancer: z.enum(BALANCER_STRATEGIES).optional(),
  users: z.number().int().min(1).max(MAX_USERS).optional(),
  durationSec: z.number().positive().max(7 * 24 * 3600).optional(),
  lifetimeMin: z.number().int().positive().max(525_600).optional(),
  expireOnClose: z.boolean().optional(),
  onRedisFailure: z.enum(REDIS_FAILURE_MODES).optional(),
  clients: z.enum(CLIENT_POPULATIONS).optional(),
  redisMaxmemoryBytes: z.number().int().min(0).optional(),
  redisPolicy: z.enum(EVICTION_POLICIES).optional(),
  cacheLoad: z.enum(CACHE_LOADS).optional(),
  dedicatedSessionRedis: z.boolean().optional(),
  sentinel: z.boolean().optional(),
  concurrency: z.number().int().min(1).max(8).optional(),
  sessionBlock: z.boolean().optional(),
  localSessionCache: z.boolean().optional(),
  events: z.array(z.string()).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Settings from a scenario (validated), on top of the defaults. Errors carry the field path. */
export function settingsFromScenario(input: unknown): { settings: SimSettings } | { errors: string[] } {
  const parsed = ScenarioSchema.safeParse(input);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`) };
  }
  const s = parsed.data;
  const base = defaultSettings();
  const nodeCount = s.nodes ?? base.nodes.length;
  const events: ScheduledFault[] = [];
  const errors: string[] = [];
  (s.events ?? []).forEach((spec, i) => {
    const e = parseEventSpec(spec, nodeCount);
    if (typeof e === 'string') errors.push(`events.${i}: ${e}`);
    else events.push(e);
  });
  if (errors.length) return { errors };
  return {
    settings: {
      ...base,
      seed: s.seed ?? base.seed,
      durationSec: s.durationSec ?? base.durationSec,
      users: s.users ?? base.users,
      clients: s.clients ?? base.clients,
      nodes: Array.from({ length: nodeCount }, (_, i) => defaultNode(i + 1)),
      balancer: defaultBalancer(s.balancer ?? base.balancer.strategy),
      session: {
        ...base.session,
        driver: s.driver ?? base.session.driver,
        lifetimeMin: s.lifetimeMin ?? base.session.lifetimeMin,
        expireOnClose: s.expireOnClose ?? base.session.expireOnClose,
        onRedisFailure: s.onRedisFailure ?? base.session.onRedisFailure,
        block: s.sessionBlock ?? false,
        localCache: s.localSessionCache ?? false,
      },
      redis: {
        ...base.redis,
        maxmemoryBytes: s.redisMaxmemoryBytes ?? 0,
        policy: s.redisPolicy ?? 'noeviction',
        cacheLoad: s.cacheLoad ?? 'none',
        dedicatedSessionRedis: s.dedicatedSessionRedis ?? false,
        sentinel: s.sentinel ?? false,
      },
      concurrency: s.concurrency ?? 1,
      events: events.sort((a, b) => a.atSec - b.atSec),
    },
  };
}
