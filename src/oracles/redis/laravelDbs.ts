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
  const server = await startRedis(bin);
  try {
    const watcher = await server.client();
    const lines: string[] = [];
    const monitor = await watcher.monitor();
    monitor.on('monitor', (_t: string, args: string[]) => lines.push(String(args[0]).toUpperCase()));
    // One request, as phpredis does it: a new connection, SELECT (database is always configured), GET, SETEX.
    const request = await server.client();
    const key = `${n.sessionKeyPrefix}${'c'.repeat(40)}`;
    for (const [cmd, ...args] of handshakeCommands({ password: null, db: 0 })) await request.call(cmd!, ...args);
    await request.call('GET', key);
    await request.call('SETEX', key, '7200', 'payload');
    await new Promise((r) => setTimeout(r, 100));
    monitor.disconnect();
    const sim = await SimRedis.create({ now: () => Date.now(), name: 'oracle-select', handshake: handshakeCommands({ password: null, db: 0 }) });
    const simLines: string[] = [];
    sim.monitor((line) => simLines.push(/"([A-Z]+)"/.exec(line)?.[1] ?? '?'));
    sim.connect('10.0.0.11:1');
    await sim.get(key, '10.0.0.11:1');
    await sim.setex(key, 7200, 'payload', '10.0.0.11:1');
    sim.dispose();
    const feature = 'MONITOR for one request on its own connection (phpredis: SELECT, GET, SETEX)';
    const summary = `real: ${lines.join(' ')}; sim: ${simLines.join(' ')}`;
    return lines.join() === simLines.join() && lines.length === 3 ? ok(feature, summary) : fail(feature, summary);
  } finally {
    await server.stop();
  }
}
