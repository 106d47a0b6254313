/**
 * Laravel's two Redis databases against a real redis-server (issue 15):
 * - `php artisan cache:clear` is FLUSHDB on the cache connection's database (1): the keys the
 *   simulator puts in database 1 (`redisDbOf`) go, the rest stay — for SESSION_CONNECTION
 *   `default` and `cache`;
 * - a request's own connection (phpredis/predis, `database` set) shows in MONITOR as
 *   SELECT, GET, SETEX — the simulator's handshake adds the same SELECT.
 */
import { laravelNames } from '../../config/laravelNames';
import { redisDbOf } from '../../sim/cluster/cacheTraffic';
import { SimRedis } from '../../sim/redis';
import { handshakeCommands } from '../../sim/redis/clientModel';
import { fail, ok, type FeatureResult } from '../report';
import { startRedis } from './server';

const n = laravelNames('Laravel');
const names = { cookie: n.cookie, keyPrefix: n.sessionKeyPrefix, redisPrefix: n.redisPrefix, cachePrefix: n.cachePrefix };
const KEYS = [
  `${n.sessionKeyPrefix}${'a'.repeat(40)}`,
  `${n.sessionKeyPrefix}${'b'.repeat(40)}`,
  `${n.sessionKeyPrefix}fragment:17`,
  `${n.sessionKeyPrefix}session:${'a'.repeat(40)}`,
];

export async function cacheClearFlushdb(bin: string): Promise<FeatureResult[]> {
  const server = await startRedis(bin);
  const out: FeatureResult[] = [];
  try {
    const c = await server.client();
    for (const connection of ['default', 'cache'] as const) {
      const w = { names, settings: { session: { connection } } };
      await c.call('FLUSHALL');
      for (const key of KEYS) {
        await c.call('SELECT', String(redisDbOf(w, key)));
        await c.call('SET', key, 'v');
      }
      // php artisan cache:clear: FLUSHDB on the cache connection (REDIS_CACHE_DB 1).
      await c.call('SELECT', '1');
      await c.call('FLUSHDB');
      const real: string[] = [];
      for (const db of ['0', '1']) {
        await c.call('SELECT', db);
        real.push(...((await c.call('KEYS', '*')) as string[]));
      }
      await c.call('SELECT', '0');
      // The simulator: one keyspace, database 1's keys deleted by name (cacheTraffic.cacheClear).
      const sim = KEYS.filter((k) => redisDbOf(w, k) === 0);
      const same = [...real].sort().join() === [...sim].sort().join();
      const feature = `php artisan cache:clear (FLUSHDB on database 1) with SESSION_CONNECTION=${connection}`;
      const summary = `${real.length}/${KEYS.length} keys survive on the real server, ${sim.length} in the simulator`;
      out.push(same ? ok(feature, summary) : fail(feature, summary, [`real: ${real.join(' ')}`, `sim: ${sim.join(' ')}`]));
    }
  } finally {
    await server.stop();
  }
  return out;
}

export async function selectPerConnection(bin: string): Promise<FeatureResult> {
  return monitorOneRequest(bin, null);
}

/** The same with `REDIS_PASSWORD` set: AUTH first, its argument redacted by MONITOR. */
export async function authSelectPerConnection(bin: string): Promise<FeatureResult> {
  return monitorOneRequest(bin, 'oracle-secret');
}

/**
 * One request as phpredis makes it — a new connection, its handshake (`handshakeCommands`: AUTH
 * with a password, SELECT), GET, SETEX — watched with MONITOR on a real server and in the simulator.
 */
async function monitorOneRequest(bin: string, password: string | null): Promise<FeatureResult> {
  const server = await startRedis(bin, password === null ? [] : ['--requirepass', password]);
  try {
    const auth = password ?? undefined;
    const watcher = await server.client(auth);
    const lines: string[] = [];
    const monitor = await watcher.monitor();
    monitor.on('monitor', (_t: string, args: string[]) => {
      const [cmd, ...rest] = args.map(String);
      lines.push(cmd!.toUpperCase() === 'AUTH' ? `AUTH ${rest.join(' ')}` : cmd!.toUpperCase());
    });
    // A raw connection (no password option): the handshake is sent as the request's own commands.
    const request = await server.client();
    const key = `${n.sessionKeyPrefix}${'c'.repeat(40)}`;
    const handshake = handshakeCommands({ password, db: 0 });
    for (const [cmd, ...args] of handshake) await request.call(cmd!, ...(cmd === 'AUTH' ? [password!] : args));
    await request.call('GET', key);
    await request.call('SETEX', key, '7200', 'payload');
    await new Promise((r) => setTimeout(r, 100));
    monitor.disconnect();
    const sim = await SimRedis.create({ now: () => Date.now(), name: 'oracle-select', handshake });
    const simLines: string[] = [];
    sim.monitor((line) => {
      const words = [...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
      simLines.push(words[0] === 'AUTH' ? `AUTH ${words.slice(1).join(' ')}` : words[0] ?? '?');
    });
    sim.connect('10.0.0.11:1');
    await sim.get(key, '10.0.0.11:1');
    await sim.setex(key, 7200, 'payload', '10.0.0.11:1');
    sim.dispose();
    const feature = password === null
      ? 'MONITOR for one request on its own connection (phpredis: SELECT, GET, SETEX)'
      : 'MONITOR for one request with REDIS_PASSWORD (phpredis: AUTH, SELECT, GET, SETEX; AUTH redacted)';
    const summary = `real: ${lines.join(' ')}; sim: ${simLines.join(' ')}`;
    const expected = password === null ? 3 : 4;
    return lines.join() === simLines.join() && lines.length === expected ? ok(feature, summary) : fail(feature, summary);
  } finally {
    await server.stop();
  }
}
