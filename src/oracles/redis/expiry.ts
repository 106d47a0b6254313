/**
 * Redis time details, compared at exact instants (each real command runs in MULTI after TIME,
 * the simulator at that instant; see replay.ts):
 * - the expiry boundary: a key with deadline D is still there at D and gone at D+1
 *   (`keyIsExpired`: `now > when`), probed in a tight loop around D;
 * - TTL rounding: Redis answers `(pttl + 500) / 1000`; ioredis-mock alone answers the ceiling,
 *   so the simulator must (and does) compute TTL itself.
 */
import { SimRedis } from '../../sim/redis';
import { redisTtl, Tally } from '../compare';
import { fromTally, type FeatureResult } from '../report';
import { Pair } from './replay';
import { startRedis } from './server';

/**
 * Inside EXEC, Redis decides expiry with the time cached when EXEC started, TIME reads the clock
 * a few microseconds later and PTTL a few after that. Observations within 100 µs of a
 * millisecond edge may straddle it on the server's side: they are not compared.
 */
function sameMillisecond(at: number): boolean {
  const frac = at - Math.floor(at);
  return frac >= 0.1 && frac <= 0.9;
}

export async function expiryBoundary(bin: string): Promise<FeatureResult> {
  const server = await startRedis(bin);
  try {
    const clock = { ms: Date.now() };
    const sim = await SimRedis.create({ now: () => clock.ms, name: 'oracle-boundary' });
    const pair = new Pair(await server.client(), sim, clock);
    const tally = new Tally();
    let atDeadline = 0;
    for (let round = 0; round < 6; round++) {
      const key = `laravel_database_laravel_cache_boundary${round}`;
      const set = await pair.run([['PSETEX', key, '40', 'payload']]);
      const deadline = Math.floor(set.at) + 40;
      for (;;) {
        const r = await pair.run([['PTTL', key], ['GET', key]]);
        if (sameMillisecond(r.at)) {
          const ms = Math.floor(r.at);
          const rel = ms - deadline;
          if (rel === 0) atDeadline++;
          const [rp, rv] = r.real as [number, string | null];
          const [sp, sv] = r.sim as [number, string | null];
          tally.add(rp === sp && rv === sv ? null : `at deadline${rel >= 0 ? '+' : ''}${rel} ms: real PTTL ${rp} GET ${rv ?? 'nil'}, sim PTTL ${sp} GET ${sv ?? 'nil'}`,
            `round ${round}`);
        }
        if (r.real[1] === null && r.sim[1] === null) break;
        if (r.at > deadline + 20) break;
      }
    }
    return fromTally(`Redis expiry boundary (PSETEX 40 ms, probed in a tight loop; ${atDeadline} probes fell on the deadline millisecond itself)`,
      tally, 'probes identical (PTTL and GET)');
  } finally {
    await server.stop();
  }
}

export async function ttlRounding(bin: string): Promise<FeatureResult> {
  const server = await startRedis(bin);
  try {
    const clock = { ms: Date.now() };
    const sim = await SimRedis.create({ now: () => clock.ms, name: 'oracle-ttl' });
    const pair = new Pair(await server.client(), sim, clock);
    const tally = new Tally();
    let ceilDiffers = 0;
    // Deadlines n.1 s … n.9 s away (PTTL away from the .5 edge so a millisecond cannot flip the rounding).
    const fractions = [100, 200, 300, 400, 600, 700, 800, 900];
    const cmds = fractions.map((f, i) => ['PSETEX', `ttl:${i}`, String(7000 + f), 'v']);
    await pair.run(cmds);
    const r = await pair.run(fractions.flatMap((_, i) => [['PTTL', `ttl:${i}`], ['TTL', `ttl:${i}`]]));
    fractions.forEach((_, i) => {
      const [rp, rt] = r.real.slice(2 * i, 2 * i + 2) as [number, number];
      const [sp, st] = r.sim.slice(2 * i, 2 * i + 2) as [number, number];
      if (Math.ceil(rp / 1000) !== redisTtl(rp)) ceilDiffers++;
      tally.add(rt === st && Math.abs(rp - sp) <= 1 && rt === redisTtl(rp) ? null : `PTTL real ${rp} sim ${sp}, TTL real ${rt} sim ${st}`, `ttl:${i}`);
    });
    // What ioredis-mock answers on its own at the same instant (FACTS.md: it takes the ceiling).
    const { default: RedisMock } = await import('ioredis-mock');
    const mock = new RedisMock({ port: 29_999 });
    const saved = Date.now;
    let mockCeil = 0;
    try {
      Date.now = () => 1_000_000;
      for (const [i, f] of fractions.entries()) await mock.psetex(`ttl:${i}`, 7000 + f, 'v');
      for (const [i, f] of fractions.entries()) {
        const t = await mock.ttl(`ttl:${i}`);
        if (t === Math.ceil((7000 + f) / 1000) && t !== redisTtl(7000 + f)) mockCeil++;
      }
    } finally {
      Date.now = saved;
      mock.disconnect();
    }
    return fromTally(`Redis TTL rounding (PTTL 7.1 s … 7.9 s: Redis says 7 or 8; ioredis-mock alone says 8 for ${mockCeil} of ${fractions.length}, ceil ≠ round for ${ceilDiffers})`,
      tally, 'keys identical in the simulator');
  } finally {
    await server.stop();
  }
}
