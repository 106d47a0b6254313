/**
 * What a Laravel 11/12 app really does (issue 15): the database session driver, SESSION_CONNECTION
 * and cache:clear, where ->block() locks live, the Redis client's timeouts and Sentinel.
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { Simulation } from '../../src/sim/simulation';
import { summarize, type Summary } from '../../src/sim/summary';
import { blackholeFailSec, blackholeOutcome, followsFailover } from '../../src/sim/redis/clientModel';
import { SessionTable } from '../../src/sim/session/databaseStore';
import type { SimSettings } from '../../src/sim/types';

function settings(flags: string, duration = 300): SimSettings {
  const given = flags.split(' ').filter(Boolean);
  // A flag given twice is an error: the defaults give way to the test's own.
  const defaults = [['--duration', String(duration)], ['--users', '60']].filter(([f]) => !given.includes(f!)).flat();
  const r = parseCli([...defaults, ...given], () => { throw new Error('no files'); });
  if ('errors' in r) throw new Error(r.errors.join('\n'));
  return r.settings;
}

async function run(flags: string, duration = 300): Promise<{ sum: Summary; sim: Simulation }> {
  const sim = await Simulation.create(settings(flags, duration), { traceLimit: 1_000_000 });
  await sim.run();
  return { sum: summarize(sim), sim };
}

const feedOf = (sim: Simulation) => sim.world.feed.map((f) => f.text);

describe('the database session driver (SESSION_DRIVER=database)', () => {
  it('on the skeleton\'s SQLite (a file per node) fails in a cluster like the file driver; on a shared MySQL it does not', async () => {
    const sqlite = await run('--driver database');
    const file = await run('--driver file');
    const mysql = await run('--driver database --db-connection mysql');
    expect(sqlite.sum.logouts).toBeGreaterThan(0);
    expect(sqlite.sum.outcomes.csrf_mismatch).toBeGreaterThan(0);
    // Same traffic, same seed: the per-node table behaves like the per-node directory.
    expect(sqlite.sum.logouts).toBe(file.sum.logouts);
    expect(sqlite.sum.outcomes.csrf_mismatch).toBe(file.sum.outcomes.csrf_mismatch);
    expect(mysql.sum.logouts).toBe(0);
    expect(mysql.sum.outcomes.csrf_mismatch).toBe(0);
    expect(mysql.sum.redis).toBeNull();
  });

  it('one node on SQLite is fine (the fresh app works until it is scaled out)', async () => {
    const { sum } = await run('--driver database --nodes 1');
    expect(sum.logouts).toBe(0);
    expect(sum.outcomes.csrf_mismatch).toBe(0);
  });

  it('the MySQL server down → every request 500 until it is back; nobody is logged out by it', async () => {
    const { sum, sim } = await run('--driver database --db-connection mysql --event 60:db-down --event 90:db-up', 150);
    expect(sum.outcomes.server_error).toBeGreaterThan(0);
    expect(sum.logouts).toBe(0);
    const errs = sim.world.trace.records().filter((r) => r.status === 500);
    expect(errs.every((r) => r.t >= 60_000 - 100 && r.t < 90_000)).toBe(true);
    expect(feedOf(sim)).toContain('The MySQL server went down: every session read fails with a QueryException (500)');
  });

  it('db-down on SQLite is refused with the reason', async () => {
    const { sim } = await run('--driver database --event 30:db-down', 40);
    expect(feedOf(sim)).toContain('scheduled fault ignored: DB_CONNECTION=sqlite is a file on each server: there is no database server to stop');
  });

  it('an expired row reads as empty but stays in the table until the lottery\'s gc() deletes it', () => {
    const table = new SessionTable(60_000);
    table.write('a', 'payload-a', { now: 0 });
    table.write('b', 'payload-b', { now: 50_000 });
    expect(table.read('a', { now: 59_000 })).toBe('payload-a');
    expect(table.read('a', { now: 61_000 })).toBeNull(); // expired: Laravel reads it as a new session
    expect(table.rows.size).toBe(2); // …and the row is still there
    expect(table.expiredRows(61_000)).toBe(1);
    expect(table.gc(61_000)).toBe(1);
    expect([...table.rows.keys()]).toEqual(['b']);
  });

  it('the lottery runs on the database driver: after a run with a 1-minute lifetime, few expired rows are left', async () => {
    const { sim, sum } = await run('--driver database --db-connection mysql --lifetime 1', 600);
    const db = sim.world.db!;
    // Every logged-in user who went idle for a minute left a row behind; gc() swept most of them.
    expect(sum.requests).toBeGreaterThan(1000);
    expect(db.tables()[0]!.expiredRows(sim.now)).toBeLessThan(db.rowCount());
    expect(db.rowCount()).toBeLessThanOrEqual(60 * 2);
  });
});

describe('SESSION_CONNECTION and php artisan cache:clear', () => {
  it('sessions on the default connection (DB 0) survive cache:clear; on the cache connection (DB 1) everyone is logged out', async () => {
    const base = '--driver redis --cache-load light --event 120:cache-clear';
    const kept = await run(base, 240);
    const flushed = await run(`${base} --session-connection cache`, 240);
    expect(kept.sum.logouts).toBe(0);
    expect(flushed.sum.logouts).toBeGreaterThan(20);
    const line = feedOf(flushed.sim).find((t) => t.startsWith('php artisan cache:clear'))!;
    expect(line).toMatch(/removed \d+ cached values and \d+ sessions: SESSION_CONNECTION=cache/);
    expect(feedOf(kept.sim).find((t) => t.startsWith('php artisan cache:clear'))).toMatch(/the sessions are in database 0 \(SESSION_CONNECTION=default\) and stay$/);
    // The logouts come right after the flush, not before.
    const logouts = flushed.sim.world.trace.records().filter((r) => r.outcome === 'logged_out');
    expect(logouts.every((r) => r.t >= 120_000 - 1000)).toBe(true);
  });

  it('without Redis there is no Redis cache to clear', async () => {
    const { sim } = await run('--driver file --event 30:cache-clear', 40);
    expect(feedOf(sim).some((t) => t.startsWith('scheduled fault ignored: the cache store is not Redis'))).toBe(true);
  });
});

describe('where ->block() locks live (--block-store)', () => {
  const racing = '--driver redis --concurrency 4 --session-block';
  it('in Redis (shared) no update is lost; in each node\'s file cache every server locks on its own and updates are lost', async () => {
    const shared = await run(racing);
    const perNode = await run(`${racing} --block-store file`);
    expect(shared.sum.outcomes.lost_update).toBe(0);
    expect(perNode.sum.outcomes.lost_update).toBeGreaterThan(0);
  });

  it('the database cache store locks across nodes on MySQL, per node on SQLite', async () => {
    const mysql = await run(`${racing} --block-store database --db-connection mysql`);
    const sqlite = await run(`${racing} --block-store database --db-connection sqlite`);
    expect(mysql.sum.outcomes.lost_update).toBe(0);
    expect(sqlite.sum.outcomes.lost_update).toBeGreaterThan(0);
  });
});

describe('the default lock store follows the app\'s default cache store (blockStoreOf)', () => {
  it('database driver on MySQL: the skeleton\'s CACHE_STORE=database locks across servers; the file cache store does not', async () => {
    const racing = '--driver database --db-connection mysql --concurrency 4 --session-block';
    const skeleton = await run(racing);
    const fileCache = await run(`${racing} --block-store file`);
    expect(skeleton.sum.outcomes.lost_update).toBe(0);
    expect(fileCache.sum.outcomes.lost_update).toBeGreaterThan(0);
  });
});

describe('each request opens its own Redis connection: SELECT (and AUTH) before GET and SETEX', () => {
  it('MONITOR shows AUTH (with a password) and SELECT <REDIS_DB> on every request\'s connection, then its session commands', async () => {
    const s = settings('--driver redis --users 10', 60);
    s.redis.password = 'secret';
    s.redis.db = 2;
    const sim = await Simulation.create(s, { traceLimit: 1_000_000 });
    const lines: string[] = [];
    sim.world.redis!.monitor((line) => lines.push(line));
    await sim.run();
    // MONITOR names each command's connection (ip:port): group the commands by connection.
    const byClient = new Map<string, string[]>();
    for (const line of lines) {
      const m = /\[\d+ ([^\]]+)\] "([A-Z]+)"/.exec(line);
      if (!m) continue;
      byClient.set(m[1]!, [...(byClient.get(m[1]!) ?? []), m[2]!]);
    }
    // Each is the node's address and the request's own connection number, as a real server shows a client's ip:port.
    for (const client of byClient.keys()) expect(client).toMatch(/^10\.0\.0\.1\d:\d+$/);
    const requests = [...byClient.values()];
    expect(requests.length).toBeGreaterThan(20);
    // Every connection is one request: AUTH, SELECT, GET, then SETEX (or DEL at a login/logout…).
    for (const cmds of requests) expect(cmds.slice(0, 3)).toEqual(['AUTH', 'SELECT', 'GET']);
    expect(requests.filter((cmds) => cmds.includes('SETEX')).length).toBeGreaterThan(20);
    expect(lines.some((l) => l.includes('"SELECT" "2"'))).toBe(true);
    expect(lines.some((l) => l.includes('secret'))).toBe(false); // MONITOR redacts AUTH's argument
  });

  it('without a password: three commands per plain request (SELECT, GET, SETEX), as lesson 14 counts', async () => {
    const { sim } = await run('--driver redis --users 20', 60);
    const info = sim.world.redis!.info('commandstats');
    const calls = (cmd: string): number => Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
    expect(calls('auth')).toBe(0);
    expect(calls('select')).toBeGreaterThan(0);
    // One SELECT per request that read a session (each request has its own connection).
    expect(calls('select')).toBe(calls('get'));
    expect(calls('setex')).toBeGreaterThan(0);
  });
});

describe('Redis client timeouts (a black-holed Redis)', () => {
  const hole = '--driver redis --event 60:redis-blackhole --event 200:redis-up';
  it('phpredis default (default_socket_timeout 60 s): nginx gives up first — 504s after a minute', async () => {
    const { sum } = await run(hole);
    expect(sum.outcomes.gateway_timeout).toBeGreaterThan(0);
    expect(sum.outcomes.server_error).toBe(0);
  });

  it('a 2 s timeout: fast 500s instead of minute-long hangs', async () => {
    const slow = await run(hole);
    const fast = await run(`${hole} --redis-timeout 2`);
    expect(fast.sum.outcomes.gateway_timeout).toBe(0);
    expect(fast.sum.outcomes.server_error).toBeGreaterThan(0);
    // Each failed request is answered after the 2 s timeout, so a user tries again at once: the
    // slowest answers take ~2 s instead of a minute.
    expect(fast.sum.latencyMs.p99).toBeLessThan(2_500);
    expect(slow.sum.latencyMs.p99).toBeGreaterThanOrEqual(60_000);
  });

  it('PHP\'s 500 does not count against max_fails: a timeout just under nginx\'s 60 s gives slow 500s and never "no live upstreams"', async () => {
    const tie = await run(hole);
    const under = await run(`${hole} --redis-timeout 59`);
    // At the tie nginx wins: 504s mark the servers failed, then 502 at once.
    expect(tie.sum.outcomes.bad_gateway).toBeGreaterThan(0);
    // One second earlier PHP wins: the 500 is a success to nginx, so no server is ever marked failed.
    expect(under.sum.outcomes.server_error).toBeGreaterThan(0);
    expect(under.sum.outcomes.gateway_timeout).toBe(0);
    expect(under.sum.outcomes.bad_gateway).toBe(0);
    expect(under.sum.latencyMs.p99).toBeGreaterThanOrEqual(59_000);
  });

  it('predis without a timeout: its 5 s connect timeout gives 500s', async () => {
    const { sum } = await run(`${hole} --redis-client predis`);
    expect(sum.outcomes.gateway_timeout).toBe(0);
    expect(sum.outcomes.server_error).toBeGreaterThan(0);
  });
});

describe('the client model', () => {
  it('phpredis waits default_socket_timeout (60 s) unless timeout is set; predis connects with 5 s', () => {
    expect(blackholeFailSec('phpredis', null, 'connect')).toBe(60);
    expect(blackholeFailSec('phpredis', 0, 'read')).toBe(60);
    expect(blackholeFailSec('predis', null, 'connect')).toBe(5);
    expect(blackholeFailSec('predis', null, 'read')).toBe(60);
    expect(blackholeFailSec('phpredis', 1.5, 'read')).toBe(1.5);
    expect(blackholeOutcome({ client: 'phpredis' }, 'connect', 60_000)).toEqual({ afterMs: 60_000, status: 504 });
    expect(blackholeOutcome({ client: 'phpredis', timeoutSec: 2 }, 'connect', 60_000)).toEqual({ afterMs: 2_000, status: 500 });
    expect(followsFailover({})).toBe(false);
    expect(followsFailover({ client: 'predis' })).toBe(true);
  });
});

describe('Sentinel and the Redis client', () => {
  it('phpredis with a plain REDIS_HOST never follows the failover: the 500s go on after the promotion', async () => {
    const { sim } = await run('--driver redis --sentinel --event 100:redis-failover', 240);
    const after = sim.world.trace.records().filter((r) => r.t > 140_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((r) => r.status === 500)).toBe(true);
    expect(feedOf(sim).some((t) => t.includes('phpredis was given REDIS_HOST: Laravel keeps connecting to the dead primary'))).toBe(true);
  });

  it('predis asks Sentinel and follows: no 500s once the replica is promoted', async () => {
    const { sim } = await run('--driver redis --sentinel --redis-client predis --event 100:redis-failover', 240);
    const after = sim.world.trace.records().filter((r) => r.t > 140_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => r.status === 500)).toEqual([]);
  });
});

describe('the compare view with Laravel 11/12\'s default driver', () => {
  it('the database driver on SQLite logs people out like the file driver; on a shared MySQL nobody', async () => {
    const { compareSetups, parseSetups } = await import('../../src/sim/compare');
    const setups = parseSetups('laravel12');
    if (typeof setups === 'string') throw new Error(setups);
    const rows = await compareSetups(settings('', 120), setups.filter((s) => s.driver !== 'redis'));
    const by = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(by['Database driver (SQLite)']!.logouts).toBe(by['File driver']!.logouts);
    expect(by['Database driver (SQLite)']!.logouts).toBeGreaterThan(0);
    expect(by['Database driver (MySQL)']!.logouts).toBe(0);
    expect(by['Database driver (MySQL)']!.redisCommands).toBe(0);
  });
});

describe('nginx drain vs down (sticky cookie, file sessions)', () => {
  it('down re-binds node-2\'s users (logged out); drain keeps them there and sends only new users elsewhere', async () => {
    const down = await run('--driver file --balancer cookie --users 40 --event 30:drain:node-2', 120);
    const drain = await run('--driver file --balancer cookie --users 40 --event 30:nginx-drain:node-2', 120);
    expect(down.sum.logouts).toBeGreaterThan(0);
    expect(drain.sum.logouts).toBe(0);
    const records = drain.sim.world.trace.records();
    const boundBefore = new Set(records.filter((r) => r.t < 30_000 && r.node === 'node-2').map((r) => r.user));
    const late = records.filter((r) => r.t > 31_000 && r.node === 'node-2');
    expect(late.length).toBeGreaterThan(0); // bound users still reach node-2…
    expect(late.every((r) => boundBefore.has(r.user))).toBe(true); // …and nobody new does
    expect(feedOf(drain.sim)).toContain('node-2 set to drain in the nginx upstream: users bound to it by the sticky cookie stay, new users go to the other servers');
  });
});

describe('the sessions table as the page shows it (Simulation.sessionRows)', () => {
  it('expired rows stay in the table until the lottery\'s gc() deletes them; null without the database driver', async () => {
    const settings1 = settings('--driver database --db-connection mysql --lifetime 1', 600);
    const sim = await Simulation.create(settings1, { traceLimit: 1_000_000 });
    let maxExpired = 0;
    let rowsAtMax = 0;
    for (let t = 60; t <= 600; t += 20) {
      await sim.runUntil(t * 1000);
      const r = sim.sessionRows!;
      expect(r.expired).toBeLessThanOrEqual(r.rows);
      if (r.expired > maxExpired) [maxExpired, rowsAtMax] = [r.expired, r.rows];
    }
    // Idle users' rows outlive their 1-minute sessions for a while…
    expect(maxExpired).toBeGreaterThan(0);
    expect(rowsAtMax).toBeGreaterThan(maxExpired);
    // …and the lottery keeps them from piling up: at the end fewer are expired than ever were.
    expect(sim.sessionRows!.expired).toBeLessThan(60 * 2);
    const redis = await Simulation.create(settings('--driver redis', 10), {});
    expect(redis.sessionRows).toBeNull();
  });
});

describe('the session lottery (config/session.php lottery, --session-lottery)', () => {
  it('off ([0, 100]): expired rows and files are never deleted, so the table only grows; the default deletes them', async () => {
    const on = await run('--driver database --db-connection mysql --lifetime 1 --users 100', 600);
    const off = await run('--driver database --db-connection mysql --lifetime 1 --users 100 --session-lottery 0', 600);
    expect(on.sum.sessionsTable!.expired).toBeLessThan(off.sum.sessionsTable!.expired);
    // With the lottery off, every session ever started is still a row: expired ones included.
    expect(off.sum.sessionsTable!.expired).toBeGreaterThan(50);
    expect(off.sum.sessionsTable!.rows - off.sum.sessionsTable!.expired).toBe(on.sum.sessionsTable!.rows - on.sum.sessionsTable!.expired);
    // The file driver's sweep is the same lottery: off, a node keeps every file it ever wrote.
    const files = (sim: Simulation) => [...sim.world.nodes.values()].reduce((n, node) => n + node.disk.files.size, 0);
    const fileOn = await run('--driver file --nodes 1 --lifetime 1 --users 100', 600);
    const fileOff = await run('--driver file --nodes 1 --lifetime 1 --users 100 --session-lottery 0', 600);
    expect(files(fileOff.sim)).toBeGreaterThan(files(fileOn.sim));
  });

  it('is refused where no lottery runs, and outside 0–100', () => {
    const read = () => '';
    expect(parseCli(['--driver', 'redis', '--session-lottery', '0'], read)).toEqual({ errors: ['--session-lottery needs --driver file or database (Redis and cookies expire sessions themselves)'] });
    expect(parseCli(['--session-lottery', '101'], read)).toEqual({ errors: ['--session-lottery: expected a whole number from 0 to 100, got "101"'] });
    const ok = parseCli(['--driver', 'database', '--session-lottery', '10'], read);
    expect('errors' in ok ? ok.errors : ok.settings.session.lottery).toBe(10);
  });
});
