/** nginx's CRC32 and the ketama points built from it (ngx_http_upstream_update_chash). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Bytes, serverPoints, splitHostPort } from '../../src/sim/balancer';

/** A from-scratch ngx_crc32_init / ngx_crc32_update / ngx_crc32_final, bit by bit. */
const ref = {
  init: (): number => 0xffffffff,
  update(crc: number, bytes: number[]): number {
    let c = crc;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return c >>> 0;
  },
  final: (crc: number): number => (crc ^ 0xffffffff) >>> 0,
};
const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

describe('crc32', () => {
  it('is the standard CRC-32 check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(ref.final(ref.update(ref.init(), ascii('123456789')))).toBe(0xcbf43926);
    expect(crc32('abc')).toBe(0x352441c2);
  });

  it('continuing from a finalised value equals nginx\'s incremental update of the running state', () => {
    fc.assert(fc.property(
      fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }),
      (a, b) => {
        const state = ref.update(ref.init(), [...a]); // base_hash after ngx_crc32_update
        const nginx = ref.final(ref.update(state, [...b])); // hash = base_hash; update; final
        expect(crc32Bytes(b, crc32Bytes(a))).toBe(nginx);
      }));
  });
});

describe('ketama points', () => {
  it('split the server string at the last colon followed by digits', () => {
    expect(splitHostPort('node1.internal:80')).toEqual(['node1.internal', '80']);
    expect(splitHostPort('[::1]:8080')).toEqual(['[::1]', '8080']);
    expect(splitHostPort('node1.internal')).toEqual(['node1.internal', '']);
    expect(splitHostPort('unix:/run/php.sock')).toEqual(['/run/php.sock', '']);
  });

  it('chain crc32(HOST \\0 PORT PREV_HASH) with the previous point in little-endian', () => {
    const base = ref.update(ref.init(), [...ascii('node1.internal'), 0, ...ascii('80')]);
    let prev = 0;
    const expected: number[] = [];
    for (let j = 0; j < 320; j++) {
      prev = ref.final(ref.update(base, [prev & 0xff, (prev >>> 8) & 0xff, (prev >>> 16) & 0xff, prev >>> 24]));
      expected.push(prev);
    }
    expect(serverPoints('node1.internal:80', 2)).toEqual(expected);
  });
});
