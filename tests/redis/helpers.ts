import { SimRedis, type SimRedisOptions } from '../../src/sim/redis';

/** 2001-09-09: far from the machine's real date, so a leaked virtual clock cannot pass unnoticed. */
export const T0 = 1_000_000_000_000;

/** A SimRedis on a hand-driven virtual clock. */
export async function makeRedis(opts: Partial<SimRedisOptions> = {}): Promise<{
  redis: SimRedis;
  clock: { t: number };
  advance: (ms: number) => void;
}> {
  const clock = { t: T0 };
  const redis = await SimRedis.create({ now: () => clock.t, ...opts });
  return { redis, clock, advance: (ms) => { clock.t += ms; } };
}

/** Capture a promise's rejection. */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}
