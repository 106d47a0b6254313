import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';

const files: Record<string, string> = {
  'ok.json': JSON.stringify({ nodes: 3, driver: 'redis', balancer: 'cookie', users: 10, events: ['30:crash:node-3'] }),
  'bad.json': JSON.stringify({ nodes: 12, driver: 'mongo', events: ['x:crash:node-1'] }),
  'typo.json': JSON.stringify({ node: 2 }),
  'upstream.conf': 'upstream laravel_cluster {\n  ip_hash;\n  server node1.internal:80 weight=2;\n  server node2.internal:80;\n}\n',
  'broken.conf': 'upstream laravel_cluster {\n  ip_hash;\n  server node1.internal:80 weightt=2;\n}\n',
  '.env': 'APP_NAME=Shop\nSESSION_DRIVER=redis\nSESSION_LIFETIME=30\n',
};
const read = (p: string): string => {
  const f = files[p];
  if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
  return f;
};
const parse = (args: string) => parseCli(args.split(' ').filter(Boolean), read);

describe('npm run sim -- flags', () => {
  it('defaults: 2 nodes, file driver, round robin, 100 users, 600 s', () => {
    const r = parse('');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(r.settings).toMatchObject({ users: 100, durationSec: 600, seed: 1, session: { driver: 'file', lifetimeMin: 120 }, balancer: { strategy: 'round-robin' } });
  });

  it('reads every documented flag', () => {
    const r = parse('--nodes 3 --driver redis --balancer ip-hash --users 7 --duration 90 --seed 42 --lifetime 5 --on-redis-failure fallback-file --clients mixed --event 10:crash:node-3 --event 20:redis-down --json --trace t.jsonl');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings).toMatchObject({ users: 7, durationSec: 90, seed: 42, clients: 'mixed', session: { driver: 'redis', lifetimeMin: 5, onRedisFailure: 'fallback-file' }, balancer: { strategy: 'ip-hash' } });
    expect(r.settings.events).toEqual([{ atSec: 10, action: { kind: 'crash', node: 'node-3' } }, { atSec: 20, action: { kind: 'redis-down' } }]);
    expect(r.json).toBe(true);
    expect(r.tracePath).toBe('t.jsonl');
  });

  it('reads the failure-lab flags', () => {
    const r = parse('--driver redis --redis-maxmemory 2mb --redis-policy allkeys-lru --cache-load heavy --dedicated-session-redis --concurrency 3 --session-block --sentinel --local-session-cache --event 5:deploy --event 6:redis-latency:200 --event 7:partition:node-1');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings.redis).toMatchObject({ maxmemoryBytes: 2 * 1024 * 1024, policy: 'allkeys-lru', cacheLoad: 'heavy', dedicatedSessionRedis: true, sentinel: true });
    expect(r.settings.session).toMatchObject({ block: true, localCache: true });
    expect(r.settings.concurrency).toBe(3);
    expect(r.settings.events.map((e) => e.action)).toEqual([{ kind: 'deploy' }, { kind: 'redis-latency', ms: 200 }, { kind: 'partition', node: 'node-1' }]);
  });

  it('reports every bad value at once, by flag', () => {
    const r = parse('--nodes 9 --driver mongo --users 0 --event 5:explode:node-1 --event 5:crash:node-4 --redis-maxmemory lots');
    expect('errors' in r && r.errors).toEqual([
      '--nodes: expected a whole number from 1 to 8, got "9"',
      '--driver: "mongo" is not one of file, redis, cookie, array, database',
      '--users: expected a whole number from 1 to 10000, got "0"',
      '--redis-maxmemory: expected a size such as 2mb, 512kb or 1048576, got "lots"',
      '--event "5:explode:node-1": unknown action "explode"; expected one of crash, restart, replace, drain, nginx-drain, partition, heal, redis-down, redis-up, deploy, redis-failover, redis-blackhole, cache-clear, db-down, db-up, redis-latency',
      '--event "5:crash:node-4": crash needs a node, node-1 … node-2',
    ]);
  });

  it('an unknown flag is an error', () => {
    expect(parse('--nodez 2')).toEqual({ errors: ["Unknown option '--nodez': did you mean --nodes?"] });
    expect(parse('--frobnicate')).toEqual({ errors: ["Unknown option '--frobnicate'"] });
  });

  it('a scenario file: settings, with flags on top', () => {
    const r = parse('--scenario ok.json --users 20');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings.nodes).toHaveLength(3);
    expect(r.settings).toMatchObject({ users: 20, session: { driver: 'redis' }, balancer: { strategy: 'cookie' } });
  });

  it('an invalid scenario file names the file and the field path', () => {
    const r = parse('--scenario bad.json');
    expect('errors' in r && r.errors.join('\n')).toMatch(/^bad\.json: nodes: .*\nbad\.json: driver: .*$/m);
    expect(parse('--scenario typo.json')).toEqual({ errors: ['typo.json: (root): Unrecognized key: "node"'] });
    expect(parse('--scenario missing.json')).toEqual({ errors: ["missing.json: ENOENT: no such file or directory, open 'missing.json'"] });
  });

  it('config files: nginx upstream and .env set the cluster as they would in production', () => {
    const r = parse('--nginx upstream.conf --env .env');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings.balancer.strategy).toBe('ip-hash');
    expect(r.settings.nodes.map((n) => [n.name, n.address, n.weight])).toEqual([['node-1', 'node1.internal:80', 2], ['node-2', 'node2.internal:80', 1]]);
    expect(r.settings.session).toMatchObject({ driver: 'redis', lifetimeMin: 30, appName: 'Shop' });
  });

  it('--redis-url: loopback only unless --allow-remote, sessions only, no compare', () => {
    const ok = parse('--driver redis --redis-url redis://127.0.0.1:6379/15');
    expect('errors' in ok ? ok.errors : ok.redisUrl).toBe('redis://127.0.0.1:6379/15');
    const remote = parse('--driver redis --redis-url redis://10.1.2.3:6379');
    expect('errors' in remote && remote.errors[0]).toMatch(/^refusing --redis-url redis:\/\/10\.1\.2\.3:6379: not a loopback address/);
    const allowed = parse('--driver redis --redis-url redis://10.1.2.3:6379 --allow-remote');
    expect('errors' in allowed).toBe(false);
    expect(parse('--redis-url redis://127.0.0.1:6379')).toEqual({ errors: ['--redis-url needs --driver redis (it holds the sessions)'] });
    expect(parse('--driver redis --redis-url redis://127.0.0.1:6379 --sentinel')).toEqual({
      errors: ['--redis-url runs one real server for the sessions: --sentinel needs the simulated Redis'],
    });
  });

  it('a config file with a mistake: FILE:LINE:COL: message', () => {
    const r = parse('--nginx broken.conf');
    expect('errors' in r && r.errors[0]).toMatch(/^broken\.conf:3:28: error: invalid parameter "weightt=2"/);
  });
});

describe('the sim process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scl-'));
  const sim = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });

  it('exits 2 with a message on bad input, running nothing', () => {
    const r = sim('--driver', 'mongo');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sim: --driver: "mongo" is not one of file, redis, cookie, array');
    expect(r.stdout).toBe('');
  });

  it('prints one JSON object with the contract fields, and a trace line per request', () => {
    const trace = join(dir, 'trace.jsonl');
    const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--users', '5', '--duration', '30', '--json', '--trace', trace], { encoding: 'utf8' });
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['seed', 'durationSec', 'requests', 'statuses', 'outcomes', 'logouts', 'perNode', 'redis']));
    const lines = execFileSync('cat', [trace], { encoding: 'utf8' }).trim().split('\n');
    expect(lines).toHaveLength(json.requests as number);
    writeFileSync(join(dir, 'x'), '');
  });
});

describe('issue 15 flags: the database driver, SESSION_CONNECTION, lock store, Redis client', () => {
  const parseFlags = (s: string) => parseCli(s.split(' '), () => { throw new Error('no files'); });
  it('sets each setting', () => {
    const r = parseFlags('--driver database --db-connection mysql --session-connection cache --block-store database --redis-client predis --redis-timeout 2');
    if ('errors' in r) throw new Error(r.errors.join());
    expect(r.settings.session).toMatchObject({ driver: 'database', dbConnection: 'mysql', connection: 'cache', blockStore: 'database' });
    expect(r.settings.redis).toMatchObject({ client: 'predis', timeoutSec: 2 });
  });
  it('says what is wrong, by flag', () => {
    const r = parseFlags('--db-connection pgsql --redis-client relay --redis-timeout soon --block-store memcached');
    expect('errors' in r && r.errors).toEqual([
      '--db-connection: "pgsql" is not one of sqlite, mysql (did you mean mysql?)',
      '--db-connection needs --driver database (or --block-store database)',
      '--block-store: "memcached" is not one of file, database, redis',
      '--redis-client: "relay" is not one of phpredis, predis',
      '--redis-timeout: expected seconds from 0 to 600 (0: the client\'s default), got "soon"',
    ]);
  });
});
