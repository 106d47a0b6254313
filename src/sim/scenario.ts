/**
 * The scenario vocabulary of `--scenario` files and lessons: one zod schema, so every entry
 * point reports bad input the same way, with the field path.
 */
import { z } from 'zod';
import { defaultNode, defaultSettings, defaultBalancer, MAX_NODES, MAX_RUN_SEC, MAX_USERS, parseEventSpec } from './settings';
import {
  BALANCER_STRATEGIES, BLOCK_STORES, CACHE_LOADS, DB_CONNECTIONS, REDIS_CLIENTS, SESSION_CONNECTIONS, CLIENT_POPULATIONS, EVICTION_POLICIES, REDIS_FAILURE_MODES, SESSION_DRIVERS,
  type ScheduledFault, type SimSettings,
} from './types';

/** More scheduled faults than any demo needs (a run file holds at most 5,000 interventions too). */
export const MAX_SCENARIO_EVENTS = 5_000;
/** The longest `T:ACTION[:ARG]` (`604800.999:redis-latency:600000` is 31 characters). */
const MAX_EVENT_SPEC = 100;

/** A scenario as a file or a share link holds it: the CLI's options, as JSON. */
export const ScenarioSchema = z.strictObject({
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  nodes: z.number().int().min(1).max(MAX_NODES).optional(),
  driver: z.enum(SESSION_DRIVERS).optional(),
  balancer: z.enum(BALANCER_STRATEGIES).optional(),
  users: z.number().int().min(1).max(MAX_USERS).optional(),
  durationSec: z.number().positive().max(MAX_RUN_SEC).optional(),
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
  dbConnection: z.enum(DB_CONNECTIONS).optional(),
  sessionConnection: z.enum(SESSION_CONNECTIONS).optional(),
  blockStore: z.enum(BLOCK_STORES).optional(),
  redisClient: z.enum(REDIS_CLIENTS).optional(),
  redisTimeoutSec: z.number().min(0).max(600).optional(),
  /** `session.lottery` `[N, 100]` (0–100; 0: off). */
  sessionLottery: z.number().int().min(0).max(100).optional(),
  events: z.array(z.string().max(MAX_EVENT_SPEC)).max(MAX_SCENARIO_EVENTS).optional(),
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
        ...(s.dbConnection !== undefined && { dbConnection: s.dbConnection }),
        ...(s.sessionConnection !== undefined && { connection: s.sessionConnection }),
        ...(s.blockStore !== undefined && { blockStore: s.blockStore }),
        ...(s.sessionLottery !== undefined && { lottery: s.sessionLottery }),
      },
      redis: {
        ...base.redis,
        maxmemoryBytes: s.redisMaxmemoryBytes ?? 0,
        policy: s.redisPolicy ?? 'noeviction',
        cacheLoad: s.cacheLoad ?? 'none',
        dedicatedSessionRedis: s.dedicatedSessionRedis ?? false,
        sentinel: s.sentinel ?? false,
        ...(s.redisClient !== undefined && { client: s.redisClient }),
        ...(s.redisTimeoutSec !== undefined && { timeoutSec: s.redisTimeoutSec === 0 ? null : s.redisTimeoutSec }),
      },
      concurrency: s.concurrency ?? 1,
      events: events.sort((a, b) => a.atSec - b.atSec),
    },
  };
}
