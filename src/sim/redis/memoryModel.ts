/**
 * How many bytes the simulated Redis reports in `used_memory`.
 *
 * A real server's figure comes from jemalloc; ours is an estimate with three constants, chosen
 * so a student who compares INFO here and on a real Redis 7 sees the same order of magnitude
 * and the same growth per session:
 *
 * - {@link BASELINE_USED_MEMORY}: an empty Redis 7 reports roughly 870 KB (the command table,
 *   shared objects, client/query buffers of the startup state). 890,880 bytes prints as
 *   `used_memory_human:870.00K`.
 * - {@link KEY_OVERHEAD}: 56 bytes per key. Redis's own `MEMORY USAGE` docs (Redis 7.2, 64-bit,
 *   jemalloc) measure `SET "" ""` at 56 bytes and a 4-byte key with a 100-byte value at 160:
 *   56 + key bytes + value bytes, linear as they say. (dictEntry, robj, two sds headers and
 *   allocator rounding.)
 * - {@link EXPIRE_OVERHEAD}: 32 bytes more for a key with a TTL: its entry in the separate
 *   `expires` dict (a 24-byte dictEntry holding the deadline) plus that dict's 8-byte bucket slot.
 *   A Laravel session key therefore costs 88 bytes + key + payload.
 *
 * Not modelled: main-dict bucket arrays and rehash spikes, per-client buffers (a real
 * `connected_clients` costs a few KB each), fragmentation. Lengths are JavaScript string
 * lengths, i.e. bytes for the ASCII payloads PHP's `serialize()` produces here.
 */

/** `used_memory` of an empty server, bytes. */
export const BASELINE_USED_MEMORY = 890_880;
/** Fixed cost of one string key (value included), bytes. */
export const KEY_OVERHEAD = 56;
/** Extra cost of a key that has a TTL, bytes. */
export const EXPIRE_OVERHEAD = 32;

/** Bytes a string key costs, without its TTL overhead. */
export function keyCost(key: string, valueLength: number): number {
  return KEY_OVERHEAD + key.length + valueLength;
}

/** Redis `bytesToHuman()`: `999B`, `870.00K`, `1.50M`, `2.00G` (powers of 1024). */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  const units = ['K', 'M', 'G', 'T', 'P'];
  let value = n / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(2)}${units[i] as string}`;
}

/**
 * Parse a memory amount the way Redis's `memtoull()` does: a non-negative integer with an
 * optional case-insensitive unit, `b`, `k` (1000), `kb` (1024), `m`, `mb`, `g`, `gb`.
 * Returns `null` when Redis would reject it.
 */
export function parseMemory(text: string): number | null {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(text);
  if (m === null) return null;
  const unit = (m[2] ?? 'b').toLowerCase();
  const mul: Record<string, number> = { b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  const value = Number(m[1]) * (mul[unit] as number);
  return Number.isSafeInteger(value) ? value : null;
}
