/**
 * The session traffic of a simulated run, replayed into a real redis-server and into the
 * simulation's own store (SimRedis over ioredis-mock) on one timeline.
 *
 * Method. A real Redis reads its own clock, so the replay runs at 1× wall-clock speed: the
 * command sent at virtual offset t is sent t ms after the replay starts. Each command goes to the
 * real server as `MULTI / TIME / cmd / EXEC`, and the simulated store is then run at *exactly the
 * instant TIME reported* (its `now` is that value). Both therefore decide expiry, TTL and LRU at
 * the same millisecond, and their answers must be identical; the pacing only keeps the real
 * timeline as long as the simulated one (a short scenario: SESSION_LIFETIME of 6 s, so sessions
 * do expire within seconds).
 *
 * At checkpoints both sides list their keys and, in one transaction, read every key's value,
 * PTTL and TTL, including every key whose deadline has passed (which makes a real Redis expire
 * it lazily, so `expired_keys` can be compared exactly despite its 10 Hz sampling). Then INFO
 * counters and field names are compared.
 */
import type { Redis } from 'ioredis';
import { Simulation, VIRTUAL_EPOCH_MS } from '../../sim/simulation';
import { defaultSettings } from '../../sim/settings';
import { SimRedis } from '../../sim/redis';
import { missingInfoFields, parseInfoSections, parseKeyspaceValue, parseMonitorLine, redisTtl, Tally, ttlNearRoundingEdge } from '../compare';
import { sleep } from '../proc';
import { fail, ok, type FeatureResult } from '../report';
import { startRedis, timeMs } from './server';

/** A command of the recorded stream: virtual ms since the first one, name and arguments. */
export interface StreamCommand {
  t: number;
  args: string[];
}

/** Run a short redis-driver scenario and record every command the nodes send (MONITOR). */
export async function recordSessionStream(seed: number, users: number, durationSec: number, lifetimeMin: number): Promise<StreamCommand[]> {
  const s = defaultSettings();
  s.seed = seed;
  s.users = users;
  s.durationSec = durationSec;
  s.session.driver = 'redis';
  s.session.lifetimeMin = lifetimeMin;
  const sim = await Simulation.create(s);
  const lines: string[] = [];
  const stop = sim.world.redis!.monitor((l) => lines.push(l));
  await sim.run();
  stop();
  // The connection handshake (SELECT on each request's new connection) is compared by its own
  // oracle (laravelDbs.ts); replayed on one harness connection it would only repeat SELECT 0.
  const cmds = lines.map(parseMonitorLine).filter((c) => c.args[0]?.toUpperCase() !== 'SELECT');
  const t0 = cmds[0]?.timeMs ?? VIRTUAL_EPOCH_MS;
  return cmds.map((c) => ({ t: c.timeMs - t0, args: c.args }));
}

type Reply = string | number | null | unknown[];

/** Both sides, one transaction each, at the real server's instant. */
export class Pair {
  readonly harnessOnly = new Set(['multi', 'exec', 'time', 'info']);
  /** @param clock the simulated store's clock (its `now` reads `clock.ms`). */
  constructor(readonly real: Redis, readonly sim: SimRedis, private readonly clock: { ms: number }) {}

  /**
   * Run `cmds` on the real server in MULTI after TIME, then (unless `simToo` is false: the
   * caller reads the simulator itself) on the simulator at that instant.
   */
  async run(cmds: string[][], simToo = true): Promise<{ at: number; real: Reply[]; sim: Reply[] }> {
    const m = this.real.multi().time();
    for (const [name, ...args] of cmds) m.call(name!, ...args);
    const res = (await m.exec()) ?? [];
    const at = timeMs(res[0]?.[1]);
    this.clock.ms = at;
    const real = res.slice(1).map(([err, v]) => (err ? `ERR ${(err as Error).message}` : (v as Reply)));
    const sim: Reply[] = [];
    if (simToo) for (const [name, ...args] of cmds) sim.push(await this.simCommand(name!, args));
    return { at, real, sim };
  }

  /** The engine's typed hot path for GET/SETEX/DEL (what the nodes call), the generic path for the rest. */
  private async simCommand(name: string, args: string[]): Promise<Reply> {
    try {
      switch (name.toUpperCase()) {
        case 'GET': return await this.sim.get(args[0]!);
        case 'SETEX': return await this.sim.setex(args[0]!, Number(args[1]), args[2]!);
        case 'DEL': return args.length === 1 ? await this.sim.del(args[0]!) : ((await this.sim.command('DEL', args)) as number);
        default: return (await this.sim.command(name, args)) as Reply;
      }
    } catch (e) {
      return `ERR ${(e as Error).message}`;
    }
  }
}

function same(a: Reply, b: Reply): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const INFO_COUNTERS: [section: string, field: string][] = [
  ['stats', 'expired_keys'], ['stats', 'evicted_keys'], ['stats', 'keyspace_hits'], ['stats', 'keyspace_misses'],
  ['clients', 'connected_clients'],
];

export interface ReplayReport {
  results: FeatureResult[];
  /** used_memory real / simulated at the end (informational). */
  memoryRatio: number;
}

/** Replay `stream` into both stores; return the feature lines. */
export async function replaySessionStream(bin: string, stream: StreamCommand[], label: string): Promise<ReplayReport> {
  const server = await startRedis(bin);
  try {
    const real = await server.client();
    const clock = { ms: Date.now() };
    const sim = await SimRedis.create({ now: () => clock.ms, name: 'oracle-replay' });
    const pair = new Pair(real, sim, clock);
    sim.connect('oracle-replay'); // the one connection the replay holds open on the real server
    const replies = new Tally();
    const keyTally = new Tally();
    const ttlTally = new Tally();
    const infoTally = new Tally();
    const deadlines = new Map<string, number>(); // the harness's own view: key → deadline (ms)
    let realInfo = new Map<string, Map<string, string>>();
    let simInfo = new Map<string, Map<string, string>>();
    const checkpointEvery = 3000;
    let nextCheckpoint = checkpointEvery;
    const start = Date.now();
    const checkpoint = async (tag: string): Promise<void> => {
      const listed = await pair.run([['KEYS', '*']]);
      const realKeys = [...(listed.real[0] as string[])].sort();
      const simKeys = [...(listed.sim[0] as string[])].sort();
      keyTally.add(same(realKeys, simKeys) ? null : `keys real ${realKeys.length} sim ${simKeys.length}`, `${tag}: KEYS *`);
      const due = [...deadlines].filter(([, d]) => d <= listed.at + 5).map(([k]) => k);
      const probe = [...new Set([...realKeys, ...simKeys, ...due])].sort();
      const cmds = probe.flatMap((k) => [['PTTL', k], ['TTL', k], ['GET', k]]);
      const got = await pair.run(cmds);
      for (let i = 0; i < probe.length; i++) {
        const k = probe[i]!;
        const [rp, rt, rv] = got.real.slice(3 * i, 3 * i + 3) as [number, number, string | null];
        const [sp, st, sv] = got.sim.slice(3 * i, 3 * i + 3) as [number, number, string | null];
        keyTally.add(rv === sv ? null : `value real ${rv === null ? 'nil' : rv.length + ' chars'} sim ${sv === null ? 'nil' : sv.length + ' chars'}`, `${tag}: GET ${k.slice(-8)}`);
        const pttlOk = rp === sp || (rp >= 0 && sp >= 0 && Math.abs(rp - sp) <= 1);
        const ttlOk = rt === st || (pttlOk && ttlNearRoundingEdge(rp, 1));
        ttlTally.add(pttlOk && ttlOk ? null : `PTTL real ${rp} sim ${sp}; TTL real ${rt} sim ${st} (Redis rounds: ${redisTtl(rp)})`, `${tag}: ${k.slice(-8)}`);
        if (rp === -2) deadlines.delete(k);
      }
      // INFO is not a command to the simulator here (SimRedis.info() is not counted), and the
      // real server does not count an INFO in its own reply: both exclude it.
      const info = await pair.run([['INFO', 'all']], false);
      realInfo = parseInfoSections(info.real[0] as string);
      simInfo = parseInfoSections(sim.info('all'));
      for (const [section, field] of INFO_COUNTERS) {
        const r = realInfo.get(section)?.get(field);
        const s = simInfo.get(section)?.get(field);
        infoTally.add(r === s ? null : `${field} real ${r} sim ${s}`, `${tag}: ${section}.${field}`);
      }
      const rk = parseKeyspaceValue(realInfo.get('keyspace')?.get('db0'));
      const sk = parseKeyspaceValue(simInfo.get('keyspace')?.get('db0'));
      for (const f of ['keys', 'expires']) infoTally.add((rk[f] ?? 0) === (sk[f] ?? 0) ? null : `db0 ${f} real ${rk[f] ?? 0} sim ${sk[f] ?? 0}`, `${tag}: keyspace.db0 ${f}`);
      // commandstats calls, and total_commands_processed without the harness's own MULTI/EXEC/TIME/INFO.
      const rc = realInfo.get('commandstats') ?? new Map<string, string>();
      const sc = simInfo.get('commandstats') ?? new Map<string, string>();
      const calls = (v: string | undefined): number => Number(/calls=(\d+)/.exec(v ?? '')?.[1] ?? 0);
      let harness = 0;
      for (const [name, v] of rc) if (pair.harnessOnly.has(name.replace(/^cmdstat_/, ''))) harness += calls(v);
      for (const name of new Set([...rc.keys(), ...sc.keys()])) {
        if (pair.harnessOnly.has(name.replace(/^cmdstat_/, ''))) continue;
        infoTally.add(calls(rc.get(name)) === calls(sc.get(name)) ? null : `${name} calls real ${calls(rc.get(name))} sim ${calls(sc.get(name))}`, `${tag}: commandstats`);
      }
      const rt = Number(realInfo.get('stats')?.get('total_commands_processed') ?? NaN) - harness;
      const st = Number(simInfo.get('stats')?.get('total_commands_processed') ?? NaN);
      infoTally.add(rt === st ? null : `total_commands_processed real ${rt} (without MULTI/EXEC/TIME/INFO) sim ${st}`, `${tag}: total_commands_processed`);
    };

    for (const c of stream) {
      while (c.t >= nextCheckpoint) {
        await checkpoint(`t=${nextCheckpoint / 1000}s`);
        nextCheckpoint += checkpointEvery;
      }
      const wait = start + c.t - Date.now();
      if (wait > 0) await sleep(wait);
      const r = await pair.run([c.args]);
      const name = c.args[0]!.toUpperCase();
      if (name === 'SETEX') deadlines.set(c.args[1]!, Math.floor(r.at) + Number(c.args[2]) * 1000);
      if (name === 'DEL') deadlines.delete(c.args[1]!);
      replies.add(same(r.real[0]!, r.sim[0]!) ? null : `real ${JSON.stringify(r.real[0]).slice(0, 60)} sim ${JSON.stringify(r.sim[0]).slice(0, 60)}`, `${name} at +${c.t.toFixed(0)} ms`);
    }
    // Let the last sessions expire, then the final checkpoint.
    const lastDeadline = Math.max(0, ...deadlines.values());
    const untilExpiry = Math.min(lastDeadline - Date.now() + 50, 7000);
    if (untilExpiry > 0) await sleep(untilExpiry);
    await checkpoint('end');

    const missing = missingInfoFields(simInfo, realInfo).filter((f) => !f.startsWith('keyspace.') && !f.startsWith('commandstats.'));
    const memReal = Number(realInfo.get('memory')?.get('used_memory') ?? 0);
    const memSim = Number(simInfo.get('memory')?.get('used_memory') ?? 1);
    const counts: Record<string, number> = {};
    for (const c of stream) counts[c.args[0]!] = (counts[c.args[0]!] ?? 0) + 1;
    const mix = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ');
    const expired = realInfo.get('stats')?.get('expired_keys') ?? '?';
    const results: FeatureResult[] = [
      withTally(`Redis session traffic replay (${label}: ${mix}; real and simulated store at the same instants)`, replies, 'replies identical'),
      withTally('Redis keys and values at checkpoints (every 3 s and after the last expiry)', keyTally, 'comparisons identical'),
      withTally('Redis TTL/PTTL at checkpoints (Redis rounds TTL, the simulator too; PTTL ±1 ms within one transaction)', ttlTally, 'keys identical'),
      withTally(`Redis INFO counters (expired_keys ${expired}, evicted_keys, hits/misses, connected_clients, db0 keys/expires, commandstats calls, total_commands_processed)`, infoTally, 'comparisons identical'),
      missing.length === 0
        ? ok('Redis INFO field names', `all ${countFields(simInfo)} fields the simulator prints exist in redis-server's INFO, in the same sections`)
        : fail('Redis INFO field names', `${missing.length} simulated fields missing in redis-server's INFO`, missing.slice(0, 10)),
    ];
    return { results, memoryRatio: memReal / memSim };
  } finally {
    await server.stop();
  }
}

function countFields(info: Map<string, Map<string, string>>): number {
  let n = 0;
  for (const [section, fields] of info) if (section !== 'commandstats' && section !== 'keyspace') n += fields.size;
  return n;
}

function withTally(feature: string, t: Tally, what: string): FeatureResult {
  return { feature, ok: t.ok, summary: `${t.ratio} ${what}`, details: t.ok ? [] : t.examples };
}
