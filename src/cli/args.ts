/**
 * `npm run sim -- [options]`: flags → settings, or a list of what is wrong. Pure, so the
 * contract is unit-tested; src/cli/sim.ts does the I/O.
 */
import { parseArgs } from 'node:util';
import { parseEventSpec, settingsFromScenario, MAX_NODES, MAX_USERS, defaultNode, defaultBalancer } from '../sim/settings';
import {
  BALANCER_STRATEGIES, CLIENT_POPULATIONS, REDIS_FAILURE_MODES, SESSION_DRIVERS, type SimSettings,
} from '../sim/types';

export const USAGE = `Usage: npm run sim -- [options]

Runs a cluster headless on a virtual clock and prints a summary.

  --nodes N               app nodes, 1–${MAX_NODES} (default 2)
  --driver D              session driver: ${SESSION_DRIVERS.join('|')} (default file)
  --balancer B            ${BALANCER_STRATEGIES.join('|')} (default round-robin)
  --users N               simulated users, 1–${MAX_USERS} (default 100)
  --clients C             ${CLIENT_POPULATIONS.join('|')} (default unique)
  --duration SECONDS      virtual seconds to run (default 600)
  --seed N                random seed (default 1)
  --lifetime MINUTES      SESSION_LIFETIME (default 120)
  --on-redis-failure M    ${REDIS_FAILURE_MODES.join('|')} (default fail-closed)
  --event T:ACTION[:NODE] at T virtual seconds: crash|restart|replace|drain:node-N,
                          redis-down, redis-up (repeatable)
  --scenario FILE.json    settings and events from a file (flags override it)
  --json                  print one JSON object instead of the table
  --trace FILE            write one JSON line per request to FILE
  --help                  this text`;

export interface CliOptions {
  settings: SimSettings;
  json: boolean;
  tracePath: string | null;
  help: boolean;
}

const OPTIONS = {
  nodes: { type: 'string' }, driver: { type: 'string' }, balancer: { type: 'string' }, users: { type: 'string' },
  clients: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' }, lifetime: { type: 'string' },
  'on-redis-failure': { type: 'string' }, event: { type: 'string', multiple: true }, scenario: { type: 'string' },
  json: { type: 'boolean' }, trace: { type: 'string' }, help: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

function int(flag: string, value: string, min: number, max: number, errors: string[]): number | undefined {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    errors.push(`--${flag}: expected a whole number from ${min} to ${max}, got "${value}"`);
    return undefined;
  }
  return n;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[], errors: string[]): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  errors.push(`--${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  return undefined;
}

/**
 * Parse argv (without node and script). `readScenario` reads a scenario file's text (injected
 * for tests). Returns options, or every error found (nothing is half-applied).
 */
export function parseCli(argv: string[], readScenario: (path: string) => string): CliOptions | { errors: string[] } {
  let flags: Flags;
  try {
    flags = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return { errors: [(e as Error).message.split('\n')[0]!] };
  }
  const errors: string[] = [];
  let settings: SimSettings;
  if (flags.scenario !== undefined) {
    let data: unknown;
    try {
      data = JSON.parse(readScenario(flags.scenario));
    } catch (e) {
      return { errors: [`${flags.scenario}: ${(e as Error).message}`] };
    }
    const r = settingsFromScenario(data);
    if ('errors' in r) return { errors: r.errors.map((m) => `${flags.scenario}: ${m}`) };
    settings = r.settings;
  } else {
    const r = settingsFromScenario({});
    if ('errors' in r) return r;
    settings = r.settings;
  }
  const nodes = flags.nodes !== undefined ? int('nodes', flags.nodes, 1, MAX_NODES, errors) : undefined;
  if (nodes !== undefined) settings.nodes = Array.from({ length: nodes }, (_, i) => defaultNode(i + 1));
  if (flags.driver !== undefined) {
    const d = oneOf('driver', flags.driver, SESSION_DRIVERS, errors);
    if (d) settings.session.driver = d;
  }
  if (flags.balancer !== undefined) {
    const b = oneOf('balancer', flags.balancer, BALANCER_STRATEGIES, errors);
    if (b) settings.balancer = { ...defaultBalancer(b), flavor: settings.balancer.flavor };
  }
  if (flags.users !== undefined) settings.users = int('users', flags.users, 1, MAX_USERS, errors) ?? settings.users;
  if (flags.clients !== undefined) settings.clients = oneOf('clients', flags.clients, CLIENT_POPULATIONS, errors) ?? settings.clients;
  if (flags.duration !== undefined) {
    const d = Number(flags.duration);
    if (!Number.isFinite(d) || d <= 0) errors.push(`--duration: expected a positive number of seconds, got "${flags.duration}"`);
    else settings.durationSec = d;
  }
  if (flags.seed !== undefined) settings.seed = int('seed', flags.seed, 0, 2 ** 31 - 1, errors) ?? settings.seed;
  if (flags.lifetime !== undefined) settings.session.lifetimeMin = int('lifetime', flags.lifetime, 1, 525_600, errors) ?? settings.session.lifetimeMin;
  if (flags['on-redis-failure'] !== undefined) {
    settings.session.onRedisFailure = oneOf('on-redis-failure', flags['on-redis-failure'], REDIS_FAILURE_MODES, errors) ?? settings.session.onRedisFailure;
  }
  for (const spec of flags.event ?? []) {
    const e = parseEventSpec(spec, settings.nodes.length);
    if (typeof e === 'string') errors.push(`--event ${e}`);
    else settings.events.push(e);
  }
  settings.events.sort((a, b) => a.atSec - b.atSec);
  for (const e of settings.events) {
    if ('node' in e.action && !settings.nodes.some((n) => 'node' in e.action && n.name === e.action.node)) {
      errors.push(`event at ${e.atSec}s: there is no ${e.action.node} in a ${settings.nodes.length}-node cluster`);
    }
  }
  if (errors.length) return { errors };
  return { settings, json: flags.json ?? false, tracePath: flags.trace ?? null, help: flags.help ?? false };
}
