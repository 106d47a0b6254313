/**
 * How many bytes the simulated Redis reports in `used_memory`: what a real Redis 7.0 (64-bit,
 * jemalloc 5.3) allocates for each string key, so that INFO here and on a real server grow by
 * the same amount per session and `maxmemory` holds the same number of sessions. `npm run
 * oracles` writes the same keys into a real redis-server and compares (docs/fidelity.md).
 *
 * One string key costs (src/server.h, src/object.c, src/sds.c, src/dict.c):
 * - its `dictEntry` (24 bytes, a 32-byte jemalloc allocation) and its slot in the main dict's
 *   bucket array (8 bytes, over a table between half and completely full: {@link DICT_SLOT_BYTES});
 * - the key itself, an sds copy (`sdsdup`): header (1 byte below 32 characters, 3 below 256, 5
 *   below 64 KiB) + characters + NUL, rounded up to a jemalloc size class;
 * - the value: up to 44 characters an "embstr", one allocation of the 16-byte `robj` + sds header
 *   + characters + NUL; longer, a raw string: the `robj` and a separate sds;
 * - with a TTL, an entry in the `expires` dict as well ({@link EXPIRE_OVERHEAD}).
 * A 71-character session key with a 300-byte payload and a TTL comes to about 500 bytes (a real
 * 7.0 measures 496 with full tables).
 *
 * {@link BASELINE_USED_MEMORY} is an empty redis-server 7.0 with the one client asking for INFO
 * (the steady value from its second INFO on; the very first reports 24 KB less).
 * Not modelled: per-client buffers (each further connection costs a real server 20–45 KB),
 * the temporary second table while a dict rehashes, fragmentation. Lengths are JavaScript string
 * lengths, i.e. bytes for the ASCII payloads PHP's `serialize()` produces here.
 */

/** `used_memory` of an empty redis-server 7.0.15 with one client connected, bytes (917.41K). */
export const BASELINE_USED_MEMORY = 939_432;
/** One dict bucket pointer, amortized over a power-of-two table that is between half and completely full (8 × 2 ln 2). */
export const DICT_SLOT_BYTES = 11;
/** `sizeof(dictEntry)` (key, value, next): 24 bytes, a 32-byte allocation. */
const DICT_ENTRY_BYTES = 24;
/** `sizeof(robj)`. */
const ROBJ_BYTES = 16;
/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
const EMBSTR_LIMIT = 44;

/**
 * The jemalloc size class a request of `n` bytes gets (64-bit, 16-byte quantum): 8, 16, 32 … 128
 * in steps of 16, then four classes per power of two (160, 192, 224, 256, 320, 384 …).
 */
export function jemallocSize(n: number): number {
  if (n <= 8) return 8;
  if (n > 2 ** 30) return jemallocSizeLarge(n);
  // The class's step is a power of two: round up with integer operations (this runs on every write).
  const step = n <= 128 ? 16 : 1 << (29 - Math.clz32(n - 1)); // a quarter of the power of two below n
  return (n + step - 1) & -step;
}

/** {@link jemallocSize} past 32-bit integers. */
function jemallocSizeLarge(n: number): number {
  const step = 2 ** (Math.floor(Math.log2(n - 1)) - 2);
  return Math.ceil(n / step) * step;
}

/** sds header bytes for a string of `len` characters (`sdsReqType`; type 5 only for short keys). */
function sdsHeader(len: number, allowType5: boolean): number {
  if (len > 0 && len < 32 && allowType5) return 1; // an empty sds is created as type 8
  if (len < 256) return 3;
  if (len < 65_536) return 5;
  return 9;
}

/** A dictEntry (32) and its bucket slot: every key has one in the main dict. */
const ENTRY_BYTES = jemallocSize(DICT_ENTRY_BYTES) + DICT_SLOT_BYTES;
/** Extra cost of a key that has a TTL: its entry in the `expires` dict. */
export const EXPIRE_OVERHEAD = ENTRY_BYTES;

/** Bytes a string key costs, without its TTL overhead. */
export function keyCost(key: string, valueLength: number): number {
  const keySds = jemallocSize(sdsHeader(key.length, true) + key.length + 1);
  const value = valueLength <= EMBSTR_LIMIT
    ? jemallocSize(ROBJ_BYTES + 3 + valueLength + 1)
    : jemallocSize(ROBJ_BYTES) + jemallocSize(sdsHeader(valueLength, false) + valueLength + 1);
  return ENTRY_BYTES + keySds + value;
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
