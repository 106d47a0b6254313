/**
 * nginx's CRC32 (src/core/ngx_crc32.h): the standard reflected CRC-32 (polynomial 0xEDB88320),
 * used incrementally as `ngx_crc32_init(c)` (c = 0xffffffff), `ngx_crc32_update(&c, p, len)`,
 * `ngx_crc32_final(c)` (c ^= 0xffffffff).
 *
 * crc-32's `buf(data, seed)` / `str(data, seed)` continue from a *finalised* value: they
 * un-finalise the seed, run the table, finalise again. So nginx's "update a saved running
 * state, then finalise" is `buf(more, finalOfWhatCameBefore)`. tests/balancer/crc32.test.ts
 * checks that equivalence byte for byte against a plain reference implementation.
 */
import CRC32 from 'crc-32';

/** CRC32 of a string's UTF-8 bytes, continuing from `seed` (a finalised CRC) if given. Unsigned. */
export function crc32(s: string, seed?: number): number {
  return CRC32.str(s, seed) >>> 0;
}

/** CRC32 of raw bytes, continuing from `seed` (a finalised CRC) if given. Unsigned. */
export function crc32Bytes(bytes: Uint8Array | number[], seed?: number): number {
  return CRC32.buf(bytes, seed) >>> 0;
}

/** The 4 bytes of a uint32 in little-endian order (nginx's `prev_hash.byte` on x86). */
export function le32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}
