/** nginx `hash $cookie_NAME [consistent]`: get_chash_peer and get_hash_peer. */
import fc from 'fast-check';
import { crc32 as zcrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Upstream, letters, node, nodes, pick, picks, req, settings } from './helpers';

const chash = settings({ strategy: 'hash-cookie', hashCookie: { name: 'laravel_session', consistent: true } });
const plain = settings({ strategy: 'hash-cookie', hashCookie: { name: 'laravel_session', consistent: false } });
const withCookie = (v: string) => req('192.0.2.1', { laravel_session: v });
const keys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 200, maxLength: 400 });

/**
 * A second ketama ring, from node's own zlib CRC32 and the ngx_http_upstream_update_chash recipe:
 * point = crc32(host "\0" port prevLE), weight*160 points per server, first point >= crc32(key), wrapping.
 */
function referenceChash(addresses: string[], key: string): string {
  const ring: [number, string][] = [];
  for (const a of addresses) {
    const colon = a.lastIndexOf(':');
    const base = Buffer.from(`${a.slice(0, colon)}\0${a.slice(colon + 1)}`);
    let prev = 0;
    for (let j = 0; j < 160; j++) {
      const le = Buffer.alloc(4);
      le.writeUInt32LE(prev);
      prev = zcrc32(Buffer.concat([base, le]));
      ring.push([prev, a]);
    }
  }
  ring.sort((x, y) => x[0] - y[0]);
  const h = zcrc32(key);
  return (ring.find(([p]) => p >= h) ?? ring[0]!)[1];
}

describe('hash $cookie_laravel_session consistent', () => {
  it('agrees with an independent ketama ring built from zlib\'s CRC32', () => {
    const lines = nodes(3);
    const up = new Upstream(chash, lines);
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), (v) => {
      const want = referenceChash(lines.map((n) => n.address), v);
      expect(pick(up, withCookie(v))).toBe(lines.find((n) => n.address === want)!.name);
    }), { numRuns: 300 });
  });

  it('sends the same cookie to the same node', () => {
    const up = new Upstream(chash, nodes(3));
    fc.assert(fc.property(fc.string({ minLength: 1 }), (v) => {
      expect(pick(up, withCookie(v))).toBe(pick(up, withCookie(v)));
    }));
  });

  it('balances requests without the cookie by round robin', () => {
    const up = new Upstream(chash, nodes(3));
    expect(letters(picks(up, 6, req('192.0.2.1')))).toBe('a b c a b c');
    expect(letters(picks(up, 3, withCookie('')))).toBe('a b c');
  });

  it('adding a 4th server moves about a quarter of the keys, all of them to the new server', () => {
    fc.assert(fc.property(keys, (ks) => {
      const three = new Upstream(chash, nodes(3));
      const four = new Upstream(chash, nodes(4));
      let moved = 0;
      for (const k of ks) {
        const was = pick(three, withCookie(k));
        const now = pick(four, withCookie(k));
        if (now !== was) {
          expect(now).toBe('node-4');
          moved++;
        }
      }
      expect(moved / ks.length).toBeGreaterThan(0.1);
      expect(moved / ks.length).toBeLessThan(0.4);
    }), { numRuns: 20 });
  });

  it('a down server only remaps its own keys', () => {
    fc.assert(fc.property(keys, (ks) => {
      const up = new Upstream(chash, nodes(4));
      const before = ks.map((k) => pick(up, withCookie(k)));
      up.setDown('node-3', true);
      ks.forEach((k, i) => {
        const now = pick(up, withCookie(k));
        if (before[i] === 'node-3') expect(now).not.toBe('node-3');
        else expect(now).toBe(before[i]);
      });
    }), { numRuns: 20 });
  });

  it('`$cookie_laravel-session` is `$cookie_laravel` + "-session": every client hashes the same key', () => {
    const dashed = settings({ strategy: 'hash-cookie', hashCookie: { name: 'laravel-session', consistent: true } });
    const up = new Upstream(dashed, nodes(3));
    const seen = new Set<string | null>();
    for (let k = 0; k < 50; k++) seen.add(pick(up, req('192.0.2.1', { 'laravel-session': `session${k}` })));
    expect(seen.size).toBe(1);
  });
});

describe('hash $cookie_laravel_session (not consistent)', () => {
  it('puts a concrete key where Cache::Memcached would', () => {
    // crc32("abc") = 0x352441c2; (0x352441c2 >> 16) & 0x7fff = 0x3524 = 13604; 13604 % 3 = 2 → node-3
    const up = new Upstream(plain, nodes(3));
    expect(pick(up, withCookie('abc'))).toBe('node-3');
    expect(pick(up, withCookie('abc'))).toBe('node-3');
  });

  it('re-hashes around a down server, and remaps most keys when a server is added', () => {
    const up = new Upstream(plain, nodes(3));
    up.setDown('node-3', true);
    expect(pick(up, withCookie('abc'))).not.toBe('node-3');
    const three = new Upstream(plain, nodes(3));
    const four = new Upstream(plain, nodes(4));
    let moved = 0;
    for (let k = 0; k < 400; k++) if (pick(three, withCookie(`k${k}`)) !== pick(four, withCookie(`k${k}`))) moved++;
    expect(moved / 400).toBeGreaterThan(0.5);
  });

  it('uses round robin with a single server or without the cookie', () => {
    expect(letters(picks(new Upstream(plain, [node(1), node(2)]), 4, req('192.0.2.1')))).toBe('a b a b');
    expect(pick(new Upstream(plain, [node(1)]), withCookie('abc'))).toBe('node-1');
  });
});
