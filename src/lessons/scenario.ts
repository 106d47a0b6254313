/**
 * A step's cluster: the lesson's start with the solutions of the steps before it applied
 * (and, for the "after" run, its own). Built with the engine's own scenario vocabulary
 * (`settingsFromScenario`), so a lesson's start means exactly what a `--scenario` file means.
 */
import { blockStoreOf, defaultSettings } from '../sim/settings';
import { settingsFromScenario } from '../sim/scenario';
import type { ScheduledFault, SimSettings } from '../sim/types';
import type { Ask, SettingChanges, SettingKey, StartScenario } from './types';

/** The minimum a scenario composer needs from a lesson (validated or not). */
interface Composable {
  start: StartScenario;
  steps: readonly { solution: { settings?: SettingChanges } }[];
}

/** The scenario step `i` starts from, or ends with when `withSolution`. */
export function stepScenario(lesson: Composable, i: number, withSolution: boolean): StartScenario {
  let s: StartScenario = { ...lesson.start };
  const last = withSolution ? i : i - 1;
  for (let k = 0; k <= last; k++) s = { ...s, ...(lesson.steps[k]?.solution.settings ?? {}) };
  return s;
}

/** Node count of a scenario (the engine's default when unset). */
export function nodeCount(s: StartScenario): number {
  return s.nodes ?? defaultSettings().nodes.length;
}

/**
 * Engine settings for a run of `runSec` seconds of `scenario` with `events` scheduled.
 * Throws if the scenario is invalid (validated lessons never are).
 */
export function buildSettings(scenario: StartScenario, runSec: number, events: readonly ScheduledFault[]): SimSettings {
  const r = settingsFromScenario(scenario);
  if ('errors' in r) throw new Error(`invalid scenario: ${r.errors.join('; ')}`);
  return { ...r.settings, durationSec: runSec, events: [...events].sort((a, b) => a.atSec - b.atSec) };
}

/** How to read each setting back from engine settings (the inverse of `settingsFromScenario`). */
const READ_BACK: { [K in SettingKey]?: (s: SimSettings) => SettingChanges[K] } = {
  nodes: (s) => s.nodes.length,
  driver: (s) => s.session.driver,
  balancer: (s) => s.balancer.strategy,
  users: (s) => s.users,
  lifetimeMin: (s) => s.session.lifetimeMin,
  expireOnClose: (s) => s.session.expireOnClose,
  onRedisFailure: (s) => s.session.onRedisFailure,
  clients: (s) => s.clients,
  redisMaxmemoryBytes: (s) => s.redis.maxmemoryBytes,
  redisPolicy: (s) => s.redis.policy,
  cacheLoad: (s) => s.redis.cacheLoad ?? 'none',
  dedicatedSessionRedis: (s) => s.redis.dedicatedSessionRedis ?? false,
  sentinel: (s) => s.redis.sentinel ?? false,
  concurrency: (s) => s.concurrency ?? 1,
  sessionBlock: (s) => s.session.block ?? false,
  localSessionCache: (s) => s.session.localCache ?? false,
  dbConnection: (s) => s.session.dbConnection ?? 'sqlite',
  sessionConnection: (s) => (s.session.connection === 'cache' ? 'cache' : 'default'),
  blockStore: (s) => blockStoreOf(s.session),
  redisClient: (s) => s.redis.client ?? 'phpredis',
  redisTimeoutSec: (s) => s.redis.timeoutSec ?? 0,
};

/** The settings a student can change, read back from engine settings (keys the lessons engine does not know yet are left out). */
export function scenarioOf(s: SimSettings): Partial<Record<SettingKey, unknown>> {
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const [k, read] of Object.entries(READ_BACK)) out[k as SettingKey] = (read as (s: SimSettings) => unknown)(s);
  return out;
}

/** The effective value of one setting in a scenario (defaults filled in). */
export function effectiveSetting(s: StartScenario, key: SettingKey): unknown {
  const read = READ_BACK[key] as ((s: SimSettings) => unknown) | undefined;
  const r = settingsFromScenario(s);
  if ('errors' in r || read === undefined) return s[key];
  return read(r.settings);
}

/**
 * Whether the current engine settings already do what a settings ask wants (the player ticks
 * the ask off). Asks for actions and console lines are not settings: `null`.
 */
export function askSettingDone(ask: Ask, current: SimSettings): boolean | null {
  if (ask.setting === undefined) return null;
  return scenarioOf(current)[ask.setting] === ask.to;
}
