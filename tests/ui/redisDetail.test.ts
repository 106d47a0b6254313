/**
 * The Redis card lists its keys the way lesson 3 teaches (issue 15): SCAN in batches until the
 * cursor is 0, never KEYS * — and the calls show in INFO commandstats as on a real server.
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { Simulation } from '../../src/sim/simulation';
import { redisDetail } from '../../src/ui/state/redisDetail';

describe('the Redis card\'s key list', () => {
  it('walks the keyspace with SCAN (never KEYS) and finds every session key', async () => {
    const r = parseCli(['--driver', 'redis', '--users', '1500', '--duration', '60'], () => { throw new Error('no files'); });
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    const sim = await Simulation.create(r.settings, {});
    await sim.run();
    const redis = sim.world.redis!;
    const calls = (cmd: string): number => Number(new RegExp(`cmdstat_${cmd}:calls=(\\d+)`).exec(redis.info('commandstats'))?.[1] ?? 0);
    const detail = await redisDetail(sim);
    expect(detail?.keyCount).toBe(redis.snapshot().keys);
    expect(detail!.keyCount).toBeGreaterThan(1000); // more than one batch of COUNT 1000
    expect(calls('scan')).toBeGreaterThanOrEqual(2);
    expect(calls('keys')).toBe(0);
  });
});
