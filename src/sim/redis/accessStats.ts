import type { KeyMeta } from './keyTable';

/**
 * Redis's per-key access metadata (`robj->lru`, evict.c), so LRU and LFU eviction pick the
 * keys Redis would.
 *
 * LRU: Redis stores the access time at 1 s resolution (`LRU_CLOCK_RESOLUTION` 1000 ms), so
 * two keys touched within the same second look equally idle. We keep ms but compare seconds.
 *
 * LFU: an 8-bit logarithmic counter starting at `LFU_INIT_VAL` 5; an access increments it with
 * probability 1/((counter-5)*lfu-log-factor+1), lfu-log-factor 10; it decays by one per
 * `lfu-decay-time` (1 minute) since the last decrement. The increment's coin comes from the
 * seeded rng, never `Math.random`.
 */

export const LRU_CLOCK_RESOLUTION_MS = 1000;
export const LFU_INIT_VAL = 5;
export const LFU_LOG_FACTOR = 10;
export const LFU_DECAY_TIME_MIN = 1;

/** `estimateObjectIdleTime()`: ms since last access, at the LRU clock's 1 s resolution. */
export function idleMs(meta: KeyMeta, now: number): number {
  const clock = Math.floor(now / LRU_CLOCK_RESOLUTION_MS);
  const last = Math.floor(meta.lruMs / LRU_CLOCK_RESOLUTION_MS);
  return clock >= last ? (clock - last) * LRU_CLOCK_RESOLUTION_MS : 0;
}

/** `LFUDecrAndReturn()`: the counter after decay, without storing it. */
export function lfuDecayed(meta: KeyMeta, now: number): number {
  const periods = Math.floor((Math.floor(now / 60_000) - meta.lfuMinutes) / LFU_DECAY_TIME_MIN);
  if (periods <= 0) return meta.lfuCounter;
  return periods > meta.lfuCounter ? 0 : meta.lfuCounter - periods;
}

/** `LFULogIncr()` with a seeded coin `r` in [0,1). */
export function lfuLogIncr(counter: number, r: number): number {
  if (counter === 255) return 255;
  const base = Math.max(0, counter - LFU_INIT_VAL);
  return r < 1 / (base * LFU_LOG_FACTOR + 1) ? counter + 1 : counter;
}

/** `updateLFU()`: decay, increment and stamp the access minute. */
export function touchLfu(meta: KeyMeta, now: number, r: number): void {
  meta.lfuCounter = lfuLogIncr(lfuDecayed(meta, now), r);
  meta.lfuMinutes = Math.floor(now / 60_000);
}
