/**
 * Lessons' data in the words of .env, nginx and redis-cli, for the panel: the ask, and the
 * solution as a visible diff ("SESSION_DRIVER: file → redis"). Pure functions.
 */
import { actionRef } from '../../lessons/actions';
import { actionClause } from '../../lessons/describe';
import { scenarioOf } from '../../lessons/scenario';
import type { Ask, SettingKey, Solution } from '../../lessons/types';
import type { FaultAction, SimSettings } from '../../sim/types';
import { lotteryWords } from '../lab/labSettings';

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
  cacheLoad: 'cache load on Redis',
  dedicatedSessionRedis: 'dedicated session Redis',
  sentinel: 'Sentinel (a replica)',
  concurrency: 'parallel requests per action',
  sessionBlock: 'session blocking ->block()',
  localSessionCache: 'node-local session cache',
  sessionLottery: 'session lottery',
};

/** The settings and faults the Failure lab panel offers (the page's controls have the rest). */
const IN_FAILURE_LAB: ReadonlySet<string> = new Set([
  'redisMaxmemoryBytes', 'redisPolicy', 'cacheLoad', 'dedicatedSessionRedis', 'sentinel', 'concurrency', 'sessionBlock',
  'localSessionCache', 'lifetimeMin', 'expireOnClose', 'onRedisFailure', 'sessionLottery',
  'deploy', 'redis-failover', 'redis-latency', 'redis-blackhole', 'partition', 'heal',
]);

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
  if (key === 'sessionLottery' && typeof v === 'number') return lotteryWords(v);
  if (key === 'redisMaxmemoryBytes' && typeof v === 'number') return v === 0 ? '0 (no limit)' : v % MB === 0 ? `${v / MB}mb` : `${v} bytes`;
  if (typeof v === 'boolean' && key !== 'expireOnClose') return v ? 'on' : 'off';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const MB = 1024 * 1024;

/** `crash node-2`, `Redis down`, `rolling deploy`, `Redis latency +200 ms`. */
export function actionWords(a: FaultAction): string {
  switch (a.kind) {
    case 'redis-down': return 'Redis down';
    case 'redis-up': return 'Redis up';
    case 'deploy': return 'rolling deploy';
    case 'redis-failover': return 'Redis failover';
    case 'redis-blackhole': return 'black-hole Redis';
    case 'redis-latency': return a.ms === 0 ? 'Redis latency back to normal' : `Redis latency +${a.ms} ms`;
    case 'partition': return `partition ${a.node} from Redis`;
    default: return actionRef(a).replace(':', ' ');
  }
}

/** Which panel holds what a step asks for: 'Failure lab', or null for the main controls, the stage and the consoles. */
export function askWhere(ask: Ask): 'Failure lab' | null {
  const what = ask.setting ?? ask.action;
  return what !== undefined && IN_FAILURE_LAB.has(what) ? 'Failure lab' : null;
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

/** A solution line as plain words: "nodes: 1 → 2", "crash node-2 at 60 s", "redis> SCAN 0 …". */
export function solutionLineWords(l: SolutionLine): string {
  if (l.kind === 'setting') return `${l.name}: ${l.from ?? '…'} → ${l.to}`;
  if (l.kind === 'action') return `${l.text} at ${l.atSec} s`;
  return `redis> ${l.line}`;
}

/** The ask's target in short ("SESSION_DRIVER = redis"), or null for "just watch". */
export function askTarget(ask: Ask): string | null {
  if (ask.setting !== undefined) return `${settingName(ask.setting)} = ${settingValue(ask.setting, ask.to)}`;
  if (ask.action !== undefined) {
    const { action, node, ms } = ask;
    if (action === 'redis-latency') return `Redis latency +${ms ?? 0} ms`;
    return [action, node].filter((x) => x !== undefined).join(' ');
  }
  if (ask.console !== undefined) return ask.console;
  return null;
}

/** An explanation that already opens with its verdict ("Right: …", "No — …") gets no second one. */
const VERDICT_OPENING = /^\s*(right|correct|exactly|yes|no|not quite|wrong|indeed)\b/i;

/** The word before a quiz answer's explanation: "Right." / "Not quite.", or null when the explanation says it. */
export function quizVerdict(correct: boolean, explanation: string): string | null {
  if (VERDICT_OPENING.test(explanation)) return null;
  return correct ? 'Right.' : 'Not quite.';
}

/** "Redis goes down in 12 s" for a scripted fault `inSec` seconds ahead. */
export function countdownWords(action: FaultAction, inSec: number): string {
  const clause = actionClause(actionRef(action));
  const head = clause.startsWith('node-') ? clause : `${clause.charAt(0).toUpperCase()}${clause.slice(1)}`;
  return `${head} in ${Math.max(0, Math.ceil(inSec))} s`;
}
