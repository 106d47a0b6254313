/**
 * Lessons' data in the words of .env, nginx and redis-cli, for the panel: the ask, and the
 * solution as a visible diff ("SESSION_DRIVER: file → redis"). Pure functions.
 */
import { actionRef } from '../../lessons/actions';
import { scenarioOf } from '../../lessons/scenario';
import type { Ask, SettingKey, Solution } from '../../lessons/types';
import type { FaultAction, SimSettings } from '../../sim/types';

/** How each setting is called where a student would change it. */
export const SETTING_WORDS: Partial<Record<SettingKey, string>> = {
  driver: 'SESSION_DRIVER',
  lifetimeMin: 'SESSION_LIFETIME',
  expireOnClose: 'SESSION_EXPIRE_ON_CLOSE',
  balancer: 'load balancer',
  nodes: 'nodes',
  users: 'users',
  clients: 'clients',
  onRedisFailure: 'on Redis failure',
  redisMaxmemoryBytes: 'maxmemory',
  redisPolicy: 'maxmemory-policy',
};

const BALANCER_WORDS: Record<string, string> = {
  'round-robin': 'round robin',
  'least-conn': 'least_conn',
  'ip-hash': 'ip_hash',
  cookie: 'sticky cookie srv_id',
  'hash-cookie': 'hash $cookie_laravel_session consistent',
};

export function settingName(key: string): string {
  return SETTING_WORDS[key as SettingKey] ?? key;
}

export function settingValue(key: string, v: unknown): string {
  if (key === 'balancer' && typeof v === 'string') return BALANCER_WORDS[v] ?? v;
  if (key === 'lifetimeMin') return `${String(v)} min`;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `crash node-2`, `Redis down`. */
export function actionWords(a: FaultAction): string {
  if (a.kind === 'redis-down') return 'Redis down';
  if (a.kind === 'redis-up') return 'Redis up';
  return actionRef(a).replace(':', ' ');
}

/** One line of a solution, as the panel lists it before applying it. */
export type SolutionLine =
  | { kind: 'setting'; key: string; name: string; from: string | null; to: string }
  | { kind: 'action'; atSec: number; action: FaultAction; text: string }
  | { kind: 'console'; atSec: number; line: string };

/** The solution as lines; `current` (the running settings) gives each setting's "from". */
export function solutionLines(sol: Solution, current: Readonly<SimSettings> | null): SolutionLine[] {
  const now = current ? scenarioOf(current as SimSettings) : {};
  return [
    ...Object.entries(sol.settings).map(([key, to]): SolutionLine => {
      const from = (now as Record<string, unknown>)[key];
      return { kind: 'setting', key, name: settingName(key), from: from === undefined ? null : settingValue(key, from), to: settingValue(key, to) };
    }),
    ...sol.actions.map((f): SolutionLine => ({ kind: 'action', atSec: f.atSec, action: f.action, text: actionWords(f.action) })),
    ...sol.console.map((c): SolutionLine => ({ kind: 'console', atSec: c.atSec, line: c.line.replace(/\{\{key (\S+)\}\}/g, '<a key matching $1>') })),
  ];
}

/** The ask's target in short ("SESSION_DRIVER = redis"), or null for "just watch". */
export function askTarget(ask: Ask): string | null {
  if (ask.setting !== undefined) return `${settingName(ask.setting)} = ${settingValue(ask.setting, ask.to)}`;
  if (ask.action !== undefined) return [ask.action, ask.node ?? ask.ms].filter((x) => x !== undefined).join(' ');
  if (ask.console !== undefined) return ask.console;
  return null;
}
