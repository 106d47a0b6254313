/**
 * Real-Redis mode's adapter (src/cli/realRedis.ts) against a real redis-server: it must answer
 * the engine's calls exactly as the simulated store does (same values, same reply types), keep
 * the snapshot shape, report outages with the same errors, refuse a non-loopback URL, and relay
 * MONITOR lines in Redis's format.
 */
import { RealRedis, RemoteRedisRefused, checkRedisUrl } from '../../cli/realRedis';
import { RedisConnectionError, RedisTimeoutError, SimRedis, type RedisReply } from '../../sim/redis';
import { parseMonitorLine, Tally } from '../compare';
import { sleep } from '../proc';
import { fromTally, type FeatureResult } from '../report';
import { startRedis } from './server';

async function settle(p: Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await p);
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

export async function adapterChecks(bin: string): Promise<FeatureResult> {
  const server = await startRedis(bin);
  const tally = new Tally();
  let real: RealRedis | null = null;
  try {
    for (const [url, allow, expectRefused] of [
      ['redis://10.0.0.5:6379', false, true], ['redis://redis.example.com:6379', false, true],
      ['redis://10.0.0.5:6379', true, false], ['redis://localhost:6379/0', false, false], ['redis://[::1]:6379', false, false],
    ] as const) {
      let refused = false;
      try {
        checkRedisUrl(url, allow);
      } catch (e) {
        refused = e instanceof RemoteRedisRefused;
      }
      tally.add(refused === expectRefused ? null : `refused=${refused}`, `${url}${allow ? ' --allow-remote' : ''}`);
    }
    real = await RealRedis.open({ url: `redis://127.0.0.1:${server.port}/0` });
    const clock = { ms: Date.now() };
    const sim = await SimRedis.create({ now: () => clock.ms, name: 'oracle-adapter' });
    const key = 'laravel_database_laravel_cache_AdapterCheck0000000000000000000000';
    const lines: string[] = [];
    const stop = real.monitor((l) => lines.push(l));
    await sleep(100);
    const calls: [string, (r: RealRedis | SimRedis) => Promise<unknown>][] = [
      ['GET missing', (r) => r.get(key)],
      ['SETEX', (r) => r.setex(key, 7200, 's:5:"hello";')],
      ['GET', (r) => r.get(key)],
      ['command TTL', (r) => r.command('TTL', [key])],
      ['command TYPE', (r) => r.command('TYPE', [key])],
      ['command PING', (r) => r.command('PING', [])],
      ['command SET', (r) => r.command('SET', ['other', 'x'])],
      ['command EXISTS', (r) => r.command('EXISTS', [key, 'other', 'nope'])],
      ['keys', (r) => r.keys('laravel_*')],
      ['DEL', (r) => r.del(key)],
      ['DEL again', (r) => r.del(key)],
      ['command DEL', (r) => r.command('DEL', ['other'])],
      ['command error', (r) => r.command('SETEX', [key, '0', 'v'])],
    ];
    for (const [label, call] of calls) {
      clock.ms = Date.now();
      const a = await settle(call(real) as Promise<RedisReply>);
      const b = await settle(call(sim) as Promise<RedisReply>);
      tally.add(a === b ? null : `real ${a} sim ${b}`, label);
    }
    await sleep(100);
    stop();
    const parsed = lines.map((l) => { try { return parseMonitorLine(l); } catch { return null; } });
    tally.add(parsed.length >= calls.length && parsed.every((p) => p !== null) && parsed.some((p) => p!.args[0]?.toUpperCase() === 'SETEX')
      ? null : `MONITOR lines ${lines.length}: ${lines.slice(0, 2).join(' | ')}`, 'MONITOR relays every command in Redis format');
    await real.refreshInfo();
    const rs = real.snapshot();
    const ss = sim.snapshot();
    tally.add(JSON.stringify(Object.keys(rs).sort()) === JSON.stringify(Object.keys(ss).sort()) && rs.up && rs.keys === 0
      ? null : `snapshot ${JSON.stringify(rs)}`, 'snapshot() has SimRedis\'s shape and the server\'s figures');
    tally.add((real.commandCalls().setex ?? 0) >= 1 ? null : JSON.stringify(real.commandCalls()), 'commandCalls() from INFO commandstats');
    real.down();
    tally.add(await settle(real.get(key)) === `${new RedisConnectionError().name}: Connection refused` && !real.isUp ? null : 'down() did not refuse', 'down(): Connection refused');
    let threw = '';
    try {
      real.connect('node-1');
    } catch (e) {
      threw = (e as Error).message;
    }
    tally.add(threw === 'Connection refused' ? null : `connect() while down: ${threw || 'no error'}`, 'connect() while down throws');
    real.up();
    real.blackhole = true;
    tally.add(await settle(real.get(key)) === `${new RedisTimeoutError().name}: Connection timed out` ? null : 'blackhole did not time out', 'blackhole: Connection timed out');
    real.blackhole = false;
    tally.add(await settle(real.get(key)) === 'null' ? null : 'up() did not restore', 'up() restores');
    await server.daemon.stop(); // the real server really stops
    await sleep(50);
    tally.add(await settle(real.get(key)) === `${new RedisConnectionError().name}: Connection refused` && !real.isUp ? null : 'a stopped server did not read as Connection refused', 'a stopped redis-server: Connection refused');
    return fromTally('real-Redis mode adapter (src/cli/realRedis.ts) vs the simulated store, against redis-server', tally, 'checks agree');
  } finally {
    real?.close();
    await server.stop();
  }
}
