/**
 * A seeded [0,1) source for a SimRedis created without one (tests of non-random behaviour,
 * the console playground). mulberry32: tiny, fast, deterministic. The engine should pass its
 * own split rng so a run's seed decides evictions too.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
