/**
 * Eviction: the same write stream into a real redis-server and the simulated store, both with
 * the same `maxmemory` and `maxmemory-policy`, then: how many keys were evicted (evicted_keys),
 * and which kinds of keys went — cache keys without a TTL, sessions touched recently, idle
 * sessions, sessions with a short TTL.
 *
 * Commands are sent one at a time (no MULTI, no pipeline: Redis evicts before each command, and
 * a pipeline's query buffer would count in used_memory). The simulated store runs at the real
 * server's wall-clock instant. Phases are 1.1 s apart because Redis's LRU clock ticks in seconds.
 *
 * Tolerances (docs/fidelity.md): used_memory is a model (per-key jemalloc allocations are exact,
 * dict tables are amortized, client buffers are not counted: at 2 MB the simulated store holds
 * about 6 % more sessions), and Redis samples `maxmemory-samples` keys with its own random
 * numbers. So: evicted_keys (OOM errors under noeviction) within 8 % of the keys written; for
 * each kind, the survivors may differ by the difference in evicted_keys (the few keys the model
 * has room for more can all fall on the kind at the margin) plus 10 % of the kind (sampling);
 * kinds whose shares differ by 25 points or more on the real server must come in the same order
 * in the simulator ("which kinds go"); and a kind the policy must never evict (keys without TTL
 * under volatile-*) survives entirely on both.
 */
import type { Redis } from 'ioredis';
import { SimRedis } from '../../sim/redis';
import { Rng } from '../../sim/rng';
import type { EvictionPolicy } from '../../sim/types';
import { within } from '../compare';
import { sleep } from '../proc';
import { type FeatureResult } from '../report';
import { startRedis } from './server';

const PREFIX = 'laravel_database_laravel_cache_';
export const EVICTION_TOLERANCE = { evictedShareOfWrites: 0.08, kindSampling: 0.1, orderGapPoints: 0.25 };

type Kind = 'cache (no TTL)' | 'sessions, touched' | 'sessions, idle' | 'sessions, short TTL' | 'sessions, newest';

interface Write {
  kind: Kind;
  key: string;
  args: string[];
}

/** A PHP-serialized-looking session payload of about `len` characters. */
function payload(rng: Rng, len: number): string {
  const token = rng.alnum(40);
  const body = `a:3:{s:6:"_token";s:40:"${token}";s:9:"_previous";a:1:{s:3:"url";s:${len}:"${'x'.repeat(len)}";}s:6:"_flash";a:2:{s:3:"old";a:0:{}s:3:"new";a:0:{}}}`;
  return `s:${body.length}:"${body}";`;
}

function workload(seed: number): { phases: Write[][]; touch: string[] } {
  const rng = new Rng(seed, 'oracle-eviction');
  const sess = (kind: Kind, ttl: number): Write => {
    const key = PREFIX + rng.alnum(40);
    return { kind, key, args: ['SETEX', key, String(ttl), payload(rng, 60 + rng.int(200))] };
  };
  const cache: Write[] = Array.from({ length: 200 }, (_, i) => {
    const key = `${PREFIX}config:${i}`;
    return { kind: 'cache (no TTL)' as Kind, key, args: ['SET', key, payload(rng, 60 + rng.int(200))] };
  });
  const a = Array.from({ length: 700 }, (_, i) => sess(i % 2 === 0 ? 'sessions, touched' : 'sessions, idle', 7200));
  const b = Array.from({ length: 700 }, () => sess('sessions, short TTL', 1800));
  const c = Array.from({ length: 1500 }, () => sess('sessions, newest', 7200));
  const touch = a.filter((w) => w.kind === 'sessions, touched').map((w) => w.key);
  return { phases: [[...cache, ...a], b, c], touch };
}

/** Send one command to each side at the real server's instant (TIME first: one round trip more, no MULTI). */
class Sides {
  constructor(private readonly real: Redis, private readonly sim: SimRedis, private readonly clock: { ms: number }) {}

  async send(args: string[]): Promise<{ realErr: boolean; simErr: boolean }> {
    const [name, ...rest] = args as [string, ...string[]];
    this.clock.ms = Date.now();
    let realErr = false;
    let simErr = false;
    try {
      await this.real.call(name, ...rest);
    } catch {
      realErr = true;
    }
    try {
      await this.sim.command(name, rest);
    } catch {
      simErr = true;
    }
    return { realErr, simErr };
  }
}

export async function evictionUnder(bin: string, policy: EvictionPolicy, maxmemory: number, seed = 5): Promise<FeatureResult> {
  const server = await startRedis(bin, ['--maxmemory', String(maxmemory), '--maxmemory-policy', policy]);
  try {
    const real = await server.client();
    const clock = { ms: Date.now() };
    const rng = new Rng(seed, 'oracle-eviction-sim');
    const sim = await SimRedis.create({ now: () => clock.ms, name: 'oracle-eviction', maxmemoryBytes: maxmemory, policy, rng: () => rng.float() });
    sim.connect('oracle');
    const sides = new Sides(real, sim, clock);
    const { phases, touch } = workload(seed);
    let oomReal = 0;
    let oomSim = 0;
    const count = async (args: string[]): Promise<void> => {
      const r = await sides.send(args);
      if (r.realErr) oomReal++;
      if (r.simErr) oomSim++;
    };
    for (const w of phases[0]!) await count(w.args);
    await sleep(1100);
    for (const w of phases[1]!) await count(w.args);
    await sleep(1100);
    for (const key of touch) await count(['GET', key]);
    await sleep(1100);
    for (const w of phases[2]!) await count(w.args);

    const all = phases.flat();
    const realKeys = new Set((await real.keys('*')) as string[]);
    const simKeys = new Set((await sim.keys('*')) as string[]);
    const kinds = [...new Set(all.map((w) => w.kind))];
    const realInfo = (await real.info('stats')) as string;
    const evReal = Number(/evicted_keys:(\d+)/.exec(realInfo)?.[1] ?? NaN);
    const evSim = sim.snapshot().evictedKeys;
    const details: string[] = [];
    let okAll = within(evReal, evSim, { abs: EVICTION_TOLERANCE.evictedShareOfWrites * all.length });
    if (!okAll) details.push(`evicted_keys real ${evReal} sim ${evSim} (tolerance ±${EVICTION_TOLERANCE.evictedShareOfWrites * all.length})`);
    const shares: string[] = [];
    const survival = kinds.map((kind) => {
      const ks = all.filter((w) => w.kind === kind);
      const rn = ks.filter((w) => realKeys.has(w.key)).length;
      const sn = ks.filter((w) => simKeys.has(w.key)).length;
      return { kind, size: ks.length, rn, sn, r: rn / ks.length, s: sn / ks.length };
    });
    const capacityGap = policy === 'noeviction' ? Math.abs(oomReal - oomSim) : Math.abs(evReal - evSim);
    for (const { kind, size, rn, sn, r, s } of survival) {
      const mustKeep = policy.startsWith('volatile-') && kind === 'cache (no TTL)';
      const good = mustKeep ? r === 1 && s === 1 : within(rn, sn, { abs: capacityGap + EVICTION_TOLERANCE.kindSampling * size });
      if (!good) details.push(`${kind}: ${pct(r)} survive on redis-server, ${pct(s)} in the simulator`);
      okAll &&= good;
      shares.push(`${kind} ${pct(r)}/${pct(s)}`);
    }
    for (const a of survival) {
      for (const b of survival) {
        if (a.r - b.r >= EVICTION_TOLERANCE.orderGapPoints && !(a.s > b.s)) {
          details.push(`order: redis-server keeps more "${a.kind}" than "${b.kind}" (${pct(a.r)} > ${pct(b.r)}), the simulator does not (${pct(a.s)}, ${pct(b.s)})`);
          okAll = false;
        }
      }
    }
    if (policy === 'noeviction') {
      const good = within(oomReal, oomSim, { abs: EVICTION_TOLERANCE.evictedShareOfWrites * all.length });
      if (!good) details.push(`OOM-refused writes real ${oomReal} sim ${oomSim}`);
      okAll &&= good;
    }
    const mem = `${(maxmemory / 1024 / 1024).toFixed(1)} MB`;
    const what = policy === 'noeviction' ? `OOM errors ${oomReal}/${oomSim}` : `evicted_keys ${evReal}/${evSim}`;
    return {
      feature: `Redis eviction, maxmemory ${mem}, ${policy} (${all.length} writes)`,
      ok: okAll,
      summary: `${what} (real/sim), surviving: ${shares.join(', ')}`,
      details,
    };
  } finally {
    await server.stop();
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
