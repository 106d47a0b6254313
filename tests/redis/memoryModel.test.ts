/** The used_memory model: jemalloc size classes and Redis 7.0's per-key allocations (measured on redis-server 7.0.15). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DICT_SLOT_BYTES, EXPIRE_OVERHEAD, jemallocSize, keyCost } from '../../src/sim/redis';

describe('memory model', () => {
  it('rounds allocations to jemalloc size classes', () => {
    expect([1, 8, 9, 24, 75, 128, 129, 204, 256, 257, 306, 386, 506, 513, 1025].map(jemallocSize))
      .toEqual([8, 8, 16, 32, 80, 128, 160, 224, 256, 320, 320, 448, 512, 640, 1280]);
  });

  it('a size class is the smallest multiple of its step (16 up to 128, then a quarter of the power of two below) that holds n', () => {
    fc.assert(fc.property(fc.integer({ min: 9, max: 2 ** 40 }), (n) => {
      const size = jemallocSize(n);
      const step = n <= 128 ? 16 : 2 ** (Math.floor(Math.log2(n - 1)) - 2);
      expect(size).toBeGreaterThanOrEqual(n);
      expect(size % step).toBe(0);
      expect(size - step).toBeLessThan(n);
    }), { numRuns: 2000 });
  });

  it('costs a session key as a real Redis 7.0 grows per key (full dict tables: 8 bytes a slot)', () => {
    const key = `laravel_database_laravel_cache_${'x'.repeat(40)}`; // 71 characters
    // used_memory growth per key measured with 2,048 keys, with a TTL: 100 B → 292.6, 300 B → 496, 380 B → 624, 500 B → 688
    const measured: [number, number][] = [[100, 292.6], [200, 400.5], [300, 496], [380, 624], [500, 688], [30, 224]];
    for (const [len, real] of measured) {
      const model = keyCost(key, len) + EXPIRE_OVERHEAD - 2 * DICT_SLOT_BYTES + 2 * 8; // amortized slots → full-table slots
      expect(Math.abs(model - real)).toBeLessThanOrEqual(5);
    }
  });
});
