/**
 * `npm run sim -- [options]`: flags → settings, or a list of what is wrong. Pure, so the
 * contract is unit-tested; src/cli/sim.ts does the I/O.
 */
import { parseArgs } from 'node:util';
import { settingsFromScenario } from '../sim/scenario';
import { decimalSeconds, parseEventSpec, MAX_NODES, MAX_USERS, defaultNode, defaultBalancer } from '../sim/settings';
import { formatDiagnostic, hasErrors, parseEnv, parseHaproxyBackend, parseNginxUpstream, type Diagnostic } from '../config';
import { closest } from '../config/suggest';
import { suggestValue } from '../lessons/schema';
import type { DecodedRun } from '../run/link';
import { DEFAULT_BASE_URL, parseAt, parseBaseUrl, runFromFile, runFromLink } from './runFlags';
import { checkRedisUrl } from './realRedis';
import { parseSetups, type Setup } from '../sim/compare';
import { ScenarioSchema } from '../sim/scenario';
import { formatJsonError, parseJsonText } from '../lessons/jsonText';
import { escapeControls as esc } from './escape';
import { parseMemory } from '../sim/redis';
import { hasLottery } from '../sim/session/stores';
import {
  BALANCER_STRATEGIES, BLOCK_STORES, CACHE_LOADS, DB_CONNECTIONS, REDIS_CLIENTS, SESSION_CONNECTIONS, CLIENT_POPULATIONS, EVICTION_POLICIES, REDIS_FAILURE_MODES, SESSION_DRIVERS, type SimSettings,
} from '../sim/types';

/** The longest run, as for scenario files (`durationSec`). */
export const MAX_DURATION_SEC: number = ScenarioSchema.shape.durationSec.unwrap().maxValue ?? 7 * 24 * 3600;

export const USAGE = `Usage: npm run sim -- [options]

Runs a cluster headless on a virtual clock and prints a summary.

  --nodes N               app nodes, 1–${MAX_NODES} (default 2)
  --driver D              session driver: ${SESSION_DRIVERS.join('|')} (default file;
                          a fresh Laravel 11/12 app uses database, on SQLite)
  --balancer B            ${BALANCER_STRATEGIES.join('|')} (default round-robin)
  --users N               simulated users, 1–${MAX_USERS} (default 100)
  --clients C             ${CLIENT_POPULATIONS.join('|')} (default unique)
  --duration SECONDS      virtual seconds to run, up to ${MAX_DURATION_SEC} (7 days; default 600)
  --seed N                random seed (default 1)
  --lifetime MINUTES      SESSION_LIFETIME (default 120)
  --on-redis-failure M    ${REDIS_FAILURE_MODES.join('|')} (default fail-closed)
  --expire-on-close       SESSION_EXPIRE_ON_CLOSE=true
  --db-connection C       ${DB_CONNECTIONS.join('|')}: DB_CONNECTION of the database driver (default sqlite,
                          a file on each node; mysql: one shared server)
  --session-connection C  ${SESSION_CONNECTIONS.join('|')}: SESSION_CONNECTION, the Redis database of the
                          sessions (default: DB 0; cache: DB 1, which cache:clear flushes)
  --block-store S         ${BLOCK_STORES.join('|')}: where ->block() locks live (default: the
                          app's cache store: redis with the redis driver, database with the
                          database driver, else file, each node's own)
  --redis-client C        ${REDIS_CLIENTS.join('|')}: REDIS_CLIENT (default phpredis, which never
                          follows a Sentinel failover; predis asks Sentinel)
  --redis-timeout SECONDS config/database.php timeout/read_timeout (default 0: the client's
                          own, phpredis 60 s, predis 5 s to connect)
  --session-lottery N     config/session.php lottery [N, 100]: the chance in 100 that a request
                          runs gc() (file and database drivers; default 2; 0: off, expired
                          session files and rows are never deleted)
  --event T:ACTION[:ARG]  at T virtual seconds (repeatable):
                          crash|restart|replace|drain|partition|heal:node-N
                          (drain: marked down in the upstream, its requests finish;
                          sticky users are re-bound), nginx-drain:node-N (nginx 1.29.6+
                          drain: sticky-bound users stay, new users go elsewhere),
                          redis-down, redis-up, redis-failover, redis-blackhole,
                          redis-latency:MS, deploy (rolling: drain, replace, boot each node),
                          cache-clear (php artisan cache:clear), db-down, db-up (MySQL)
  --scenario FILE.json    settings and events from a file (flags override it)
  --env FILE              a Laravel .env (SESSION_DRIVER, SESSION_LIFETIME, SESSION_CONNECTION,
                          DB_CONNECTION, CACHE_STORE, REDIS_CLIENT, APP_NAME…)
  --nginx FILE            an nginx upstream block (nodes, weights, balancing method)
  --haproxy FILE          an HAProxy backend section
Failure lab:
  --redis-maxmemory SIZE  maxmemory, e.g. 2mb (default 0: no limit)
  --redis-policy P        maxmemory-policy (default noeviction)
  --cache-load L          none|light|heavy cache traffic on the same Redis (default none)
  --dedicated-session-redis  sessions on their own Redis, apart from the cache
  --concurrency N         parallel add-to-cart requests per user, 1–8 (default 1)
  --session-block         ->block() on the cart routes (a session lock)
  --sentinel              a replica and Sentinel (for the redis-failover event)
  --local-session-cache   a node-local copy of sessions in front of Redis
  --compare SETUPS        run the same traffic through several set-ups: "seed" (the
                          lesson's File / Redis / Sticky table), "laravel12" (that
                          plus the database driver on SQLite and MySQL) or DRIVER/BALANCER,…
Real Redis:
  --redis-url URL         sessions in a real Redis (redis://127.0.0.1:6379/15) instead of the
                          simulated one; the run goes at 1× wall time so redis-cli MONITOR
                          can be watched. Loopback only unless --allow-remote.
  --allow-remote          allow a --redis-url that is not on this machine
Runs (docs/runs.md; the page's Copy link / Save run / Open run… use the same formats):
  --print-link            print the page link of the run the other flags describe
                          (paused at --at) and exit without running
  --at SECONDS            the moment that link or a saved run opens at (default 0,
                          or the link's own moment)
  --base-url URL          the page's address for --print-link (default ${DEFAULT_BASE_URL})
  --link URL              run what a page link holds (its settings and interventions),
                          to --duration (default: the moment the link opens at)
  --run FILE              the same, from a run file (Save run in the page)
  --save-run FILE         write this run as a run file (opens at --at, else the end)
Output:
  --json                  print one JSON object instead of the table
  --trace FILE            write one JSON line per request to FILE, as the run goes
                          (Ctrl+C keeps what was written)
  --help                  this text`;

export interface CliOptions {
  settings: SimSettings;
  /** `--compare`: the set-ups to run the same traffic through. */
  compare: Setup[] | null;
  /** Warnings from config files (printed, not fatal). */
  warnings: string[];
  /** `--redis-url`: a real Redis for the sessions (checked: loopback unless allowRemote). */
  redisUrl: string | null;
  allowRemote: boolean;
  json: boolean;
  tracePath: string | null;
  help: boolean;
  /** `--print-link`: print the link of this run and exit without running. */
  printLink: boolean;
  /** `--at T`: the moment the printed link or saved run opens at, virtual ms (default: a link's own, else 0). */
  atMs: number | null;
  /** `--base-url`: the page's address for `--print-link`. */
  baseUrl: string;
  /** `--link URL` / `--run FILE`: the run they hold (its interventions are applied as it runs). */
  run: DecodedRun | null;
  /** `--save-run FILE`. */
  saveRunPath: string | null;
}

const OPTIONS = {
  nodes: { type: 'string' }, driver: { type: 'string' }, balancer: { type: 'string' }, users: { type: 'string' },
  clients: { type: 'string' }, duration: { type: 'string' }, seed: { type: 'string' }, lifetime: { type: 'string' },
  'on-redis-failure': { type: 'string' }, event: { type: 'string', multiple: true }, scenario: { type: 'string' },
  json: { type: 'boolean' }, trace: { type: 'string' }, help: { type: 'boolean' },
  'expire-on-close': { type: 'boolean' }, env: { type: 'string' }, nginx: { type: 'string' }, haproxy: { type: 'string' },
  'redis-maxmemory': { type: 'string' }, 'redis-policy': { type: 'string' }, 'cache-load': { type: 'string' },
  'dedicated-session-redis': { type: 'boolean' }, concurrency: { type: 'string' }, 'session-block': { type: 'boolean' },
  sentinel: { type: 'boolean' }, 'local-session-cache': { type: 'boolean' }, compare: { type: 'string' },
  'redis-url': { type: 'string' }, 'allow-remote': { type: 'boolean' },
  'db-connection': { type: 'string' }, 'session-connection': { type: 'string' }, 'block-store': { type: 'string' },
  'redis-client': { type: 'string' }, 'redis-timeout': { type: 'string' }, 'session-lottery': { type: 'string' },
  'print-link': { type: 'boolean' }, at: { type: 'string' }, link: { type: 'string' }, 'save-run': { type: 'string' },
  run: { type: 'string' }, 'base-url': { type: 'string' },
} as const;

/** Flags that describe a scenario: a `--link` or `--run` already holds one. */
const RUN_COMPATIBLE = new Set(['duration', 'json', 'trace', 'help', 'print-link', 'at', 'link', 'save-run', 'run', 'base-url']);

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

/** A value echoed in a message: control characters escaped, and cut short if long. */
function shown(value: string): string {
  return esc(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function int(flag: string, value: string, min: number, max: number, errors: string[]): number | undefined {
  const n = Number(value);
  if (!/^\d{1,16}$/.test(value.trim()) || n < min || n > max) {
    errors.push(`--${flag}: expected a whole number from ${min} to ${max}, got "${shown(value)}"`);
    return undefined;
  }
  return n;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[], errors: string[]): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = suggestValue(value, allowed);
  errors.push(`--${flag}: "${shown(value)}" is not one of ${allowed.join(', ')}${near ? ` (did you mean ${near}?)` : ''}`);
  return undefined;
}

/** Flags given more than once that take one value (`--event` is repeatable). */
function repeated(tokens: readonly { kind: string; name?: string }[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || t.name === 'event') continue;
    if (seen.has(t.name)) twice.add(t.name);
    seen.add(t.name);
  }
  return [...twice];
}

/**
 * Parse argv (without node and script). `readFile` reads a scenario or config file's text
 * (injected for tests). Returns options, or every error found (nothing is half-applied).
 */
function parseScenarioCli(argv: string[], readFile: (path: string) => string): Omit<CliOptions, 'printLink' | 'atMs' | 'baseUrl' | 'run' | 'saveRunPath'> | { errors: string[] } {
  const readScenario = readFile;
  let flags: Flags;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false, tokens: true });
    const twice = repeated(parsed.tokens);
    if (twice.length) return { errors: twice.map((f) => `--${f} given twice: give it once`) };
    flags = parsed.values;
  } catch (e) {
    const message = esc((e as Error).message.split('\n')[0]!);
    const flag = /^Unknown option '--([^']+)'/.exec(message)?.[1];
    const near = flag === undefined ? null : closest(flag, Object.keys(OPTIONS));
    return { errors: [near ? `${message}: did you mean --${near}?` : message] };
  }
  const errors: string[] = [];
  let settings: SimSettings;
  if (flags.scenario !== undefined) {
    const file = esc(flags.scenario);
    let text: string;
    try {
      text = readScenario(flags.scenario);
    } catch (e) {
      return { errors: [`${file}: ${esc((e as Error).message)}`] };
    }
    const data = parseJsonText(text);
    if ('error' in data) return { errors: [formatJsonError(file, data.error)] };
    const r = settingsFromScenario(data.value);
    if ('errors' in r) return { errors: r.errors.map((m) => `${file}: ${esc(m)}`) };
    settings = r.settings;
  } else {
    const r = settingsFromScenario({});
    if ('errors' in r) return r;
    settings = r.settings;
  }
  const warnings: string[] = [];
  const files = applyConfigFiles(settings, flags, readFile, warnings);
  if (files.length) return { errors: files };
  if (flags.nginx !== undefined && flags.haproxy !== undefined) errors.push('--nginx and --haproxy both describe the load balancer: give one');
  if ((flags.nginx !== undefined || flags.haproxy !== undefined) && (flags.nodes !== undefined || flags.balancer !== undefined)) {
    errors.push(`--${flags.nginx !== undefined ? 'nginx' : 'haproxy'} already sets the nodes and the balancing method: drop --nodes/--balancer`);
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
    // Decimal only (`0x10`, `1e9`, `Infinity` are refused), and no longer than a scenario file may ask.
    const d = decimalSeconds(flags.duration.trim()) ?? NaN;
    if (!(d > 0 && d <= MAX_DURATION_SEC)) {
      errors.push(`--duration: expected seconds, more than 0 and at most ${MAX_DURATION_SEC} (7 days), written like 600 or 90.5; got "${shown(flags.duration)}"`);
    } else settings.durationSec = d;
  }
  if (flags.seed !== undefined) settings.seed = int('seed', flags.seed, 0, 2 ** 31 - 1, errors) ?? settings.seed;
  if (flags.lifetime !== undefined) settings.session.lifetimeMin = int('lifetime', flags.lifetime, 1, 525_600, errors) ?? settings.session.lifetimeMin;
  if (flags['on-redis-failure'] !== undefined) {
    settings.session.onRedisFailure = oneOf('on-redis-failure', flags['on-redis-failure'], REDIS_FAILURE_MODES, errors) ?? settings.session.onRedisFailure;
  }
  if (flags['expire-on-close']) settings.session.expireOnClose = true;
  applyLabFlags(settings, flags, errors);
  applyClientFlags(settings, flags, errors);
  let compare: Setup[] | null = null;
  if (flags.compare !== undefined) {
    const c = parseSetups(flags.compare);
    if (typeof c === 'string') errors.push(`--compare: ${esc(c)}`);
    else compare = c;
  }
  if (flags['redis-url'] !== undefined) realRedisErrors(settings, flags, compare !== null, errors);
  for (const spec of flags.event ?? []) {
    const e = parseEventSpec(spec, settings.nodes.length);
    if (typeof e === 'string') errors.push(`--event ${esc(e)}`);
    else settings.events.push(e);
  }
  settings.events.sort((a, b) => a.atSec - b.atSec);
  for (const e of settings.events) {
    if ('node' in e.action && !settings.nodes.some((n) => 'node' in e.action && n.name === e.action.node)) {
      errors.push(`event at ${e.atSec}s: there is no ${e.action.node} in a ${settings.nodes.length}-node cluster`);
    }
    if (e.action.kind === 'redis-failover' && !settings.redis.sentinel) {
      errors.push(`event at ${e.atSec}s: redis-failover needs a replica to promote: add --sentinel (and --driver redis)`);
    }
    if (e.atSec >= settings.durationSec) {
      errors.push(`event at ${e.atSec}s: after the run ends (--duration ${settings.durationSec}): it would never happen`);
    }
  }
  if (errors.length) return { errors };
  return { settings, compare, warnings, redisUrl: flags['redis-url'] ?? null, allowRemote: flags['allow-remote'] ?? false, json: flags.json ?? false, tracePath: flags.trace ?? null, help: flags.help ?? false };
}

/** What real-Redis mode cannot do (one server, sessions only, at wall-clock speed). */
function realRedisErrors(settings: SimSettings, flags: Flags, comparing: boolean, errors: string[]): void {
  try {
    checkRedisUrl(flags['redis-url']!, flags['allow-remote'] ?? false);
  } catch (e) {
    errors.push(esc((e as Error).message));
  }
  if (settings.session.driver !== 'redis') errors.push('--redis-url needs --driver redis (it holds the sessions)');
  if (comparing) errors.push('--redis-url cannot be combined with --compare (each set-up would need its own server)');
  for (const [on, flag] of [[(settings.redis.cacheLoad ?? 'none') !== 'none', '--cache-load'], [settings.redis.sentinel, '--sentinel'], [settings.redis.dedicatedSessionRedis, '--dedicated-session-redis']] as const) {
    if (on) errors.push(`--redis-url runs one real server for the sessions: ${flag} needs the simulated Redis`);
  }
  // The real server's memory settings are its own: refused rather than silently ignored (or changed on a server we don't own).
  for (const [on, flag, config] of [[settings.redis.maxmemoryBytes > 0, '--redis-maxmemory', 'maxmemory 2mb'], [settings.redis.policy !== 'noeviction', '--redis-policy', 'maxmemory-policy allkeys-lru']] as const) {
    if (on) errors.push(`${flag} sets the simulated Redis; with --redis-url the real server's own setting applies (set it there: redis-cli CONFIG SET ${config})`);
  }
}

/** `--env`, `--nginx`, `--haproxy`: parse with the editors' parsers; errors as FILE:LINE:COL. */
function applyConfigFiles(settings: SimSettings, flags: Flags, readFile: (path: string) => string, warnings: string[]): string[] {
  const errors: string[] = [];
  const read = (path: string): string | null => {
    try {
      return readFile(path);
    } catch (e) {
      errors.push(`${esc(path)}: ${esc((e as Error).message)}`);
      return null;
    }
  };
  const report = (path: string, diagnostics: readonly Diagnostic[]): boolean => {
    for (const d of diagnostics) (d.severity === 'error' ? errors : warnings).push(formatDiagnostic(path, d));
    return !hasErrors(diagnostics);
  };
  if (flags.env !== undefined) {
    const text = read(flags.env);
    const r = text === null ? null : parseEnv(text);
    if (r && report(flags.env, r.diagnostics) && r.value) {
      settings.session = { ...settings.session, ...r.value.session };
      settings.redis = { ...settings.redis, ...r.value.redis };
    }
  }
  for (const [flag, parse] of [['nginx', parseNginxUpstream], ['haproxy', parseHaproxyBackend]] as const) {
    const path = flags[flag];
    if (path === undefined) continue;
    const text = read(path);
    const r = text === null ? null : parse(text);
    if (r && report(path, r.diagnostics) && r.value) {
      settings.balancer = r.value.balancer;
      settings.nodes = r.value.nodes;
    }
  }
  return errors;
}

/** The failure-lab flags (issue 6 of the CLI contract). */
function applyLabFlags(settings: SimSettings, flags: Flags, errors: string[]): void {
  if (flags['redis-maxmemory'] !== undefined) {
    const bytes = parseMemory(flags['redis-maxmemory']);
    if (bytes === null) errors.push(`--redis-maxmemory: expected a size such as 2mb, 512kb or 1048576, got "${shown(flags['redis-maxmemory'])}"`);
    else settings.redis.maxmemoryBytes = bytes;
  }
  if (flags['redis-policy'] !== undefined) settings.redis.policy = oneOf('redis-policy', flags['redis-policy'], EVICTION_POLICIES, errors) ?? settings.redis.policy;
  if (flags['cache-load'] !== undefined) settings.redis.cacheLoad = oneOf('cache-load', flags['cache-load'], CACHE_LOADS, errors) ?? settings.redis.cacheLoad;
  if (flags['dedicated-session-redis']) settings.redis.dedicatedSessionRedis = true;
  if (flags.sentinel) settings.redis.sentinel = true;
  if (flags.concurrency !== undefined) settings.concurrency = int('concurrency', flags.concurrency, 1, 8, errors) ?? settings.concurrency;
  if (flags['session-block']) settings.session.block = true;
  if (flags['local-session-cache']) settings.session.localCache = true;
  const usesRedisForSessions = settings.session.driver === 'redis';
  for (const flag of ['dedicated-session-redis', 'sentinel', 'local-session-cache'] as const) {
    if (flags[flag] && !usesRedisForSessions) errors.push(`--${flag} needs --driver redis`);
  }
}

/** The Laravel client settings of issue 15: DB_CONNECTION, SESSION_CONNECTION, the lock store, the Redis client and its timeout. */
function applyClientFlags(settings: SimSettings, flags: Flags, errors: string[]): void {
  const s = settings.session;
  if (flags['db-connection'] !== undefined) {
    const c = oneOf('db-connection', flags['db-connection'], DB_CONNECTIONS, errors);
    if (c) s.dbConnection = c;
    if (s.driver !== 'database' && flags['block-store'] !== 'database') errors.push('--db-connection needs --driver database (or --block-store database)');
  }
  if (flags['session-connection'] !== undefined) {
    const c = oneOf('session-connection', flags['session-connection'], SESSION_CONNECTIONS, errors);
    if (c) s.connection = c;
  }
  if (flags['block-store'] !== undefined) {
    const b = oneOf('block-store', flags['block-store'], BLOCK_STORES, errors);
    if (b) s.blockStore = b;
  }
  if (flags['redis-client'] !== undefined) {
    const c = oneOf('redis-client', flags['redis-client'], REDIS_CLIENTS, errors);
    if (c) settings.redis.client = c;
  }
  if (flags['redis-timeout'] !== undefined) {
    const t = Number(flags['redis-timeout']);
    if (!/^\d+(\.\d+)?$/.test(flags['redis-timeout'].trim()) || t > 600) errors.push(`--redis-timeout: expected seconds from 0 to 600 (0: the client's default), got "${flags['redis-timeout']}"`);
    else settings.redis.timeoutSec = t === 0 ? null : t;
  }
  if (flags['session-lottery'] !== undefined) {
    const n = int('session-lottery', flags['session-lottery'], 0, 100, errors);
    if (n !== undefined) s.lottery = n;
    if (!hasLottery(s.driver)) errors.push('--session-lottery needs --driver file or database (Redis and cookies expire sessions themselves)');
  }
}

/**
 * Parse argv (without node and script). `readFile` reads a scenario, config or run file's text
 * (injected for tests). Returns options, or every error found (nothing is half-applied).
 */
export function parseCli(argv: string[], readFile: (path: string) => string): CliOptions | { errors: string[] } {
  const core = parseScenarioCli(argv, readFile);
  if ('errors' in core) return core;
  const flags = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  const errors: string[] = [];
  let atMs: number | null = null;
  if (flags.at !== undefined) {
    const at = parseAt(flags.at);
    if (typeof at === 'string') errors.push(at);
    else atMs = at;
  }
  let baseUrl = DEFAULT_BASE_URL;
  if (flags['base-url'] !== undefined) {
    const b = parseBaseUrl(flags['base-url']);
    if (typeof b === 'string') baseUrl = b;
    else errors.push(esc(b.error));
  }
  let run: DecodedRun | null = null;
  let settings = core.settings;
  const warnings = [...core.warnings];
  if (flags.link !== undefined && flags.run !== undefined) errors.push('--link and --run both hold a run: give one');
  else if (flags.link !== undefined || flags.run !== undefined) {
    const which = flags.link !== undefined ? '--link' : '--run';
    const others = Object.keys(flags).filter((k) => !RUN_COMPATIBLE.has(k));
    for (const k of others) errors.push(`--${k} cannot be combined with ${which}: the run holds its own settings`);
    let got: { run: DecodedRun } | { error: string };
    if (flags.link !== undefined) got = runFromLink(flags.link);
    else {
      try {
        got = runFromFile(readFile(flags.run!), flags.run!);
      } catch (e) {
        got = { error: `--run: ${flags.run}: ${(e as Error).message}` };
      }
    }
    if ('error' in got) errors.push(esc(got.error));
    else {
      run = got.run;
      for (const i of run.ignored) warnings.push(`${which}: ${i}`);
      settings = structuredClone(run.run.settings);
      if (flags.duration !== undefined) settings.durationSec = core.settings.durationSec;
      else if (run.atMs > 0) settings.durationSec = run.atMs / 1000;
      else errors.push(`${which}: the run opens at 0 s: give --duration to say how long to run it`);
    }
  }
  if (errors.length) return { errors };
  return {
    ...core, settings, warnings, printLink: flags['print-link'] ?? false, atMs, baseUrl, run, saveRunPath: flags['save-run'] ?? null,
  };
}
