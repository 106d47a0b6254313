/** nginx ip_hash: ngx_http_upstream_get_ip_hash_peer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Upstream, node, nodes, pick, req, settings } from './helpers';

const ih = settings({ strategy: 'ip-hash' });

/**
 * An independent restatement of the FACTS.md formula, for whole-population checks:
 * h = 89; for each of the first three octets h = (h * 113 + byte) % 6271; slot = h % total_weight.
 */
function expectedSlot(a: number, b: number, c: number, weights: number[]): number {
  let h = 89;
  for (const byte of [a, b, c]) h = (h * 113 + byte) % 6271;
  let w = h % weights.reduce((s, x) => s + x, 0);
  let i = 0;
  while (w >= weights[i]!) w -= weights[i++]!;
  return i;
}

describe('ip_hash', () => {
  it('sends a whole /24 to one node, whatever the node count and weights', () => {
    fc.assert(fc.property(
      fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.nat(255), fc.nat(255),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
      ([a, b, c], x, y, weights) => {
        const up = new Upstream(ih, weights.map((weight, k) => node(k + 1, { weight })));
        expect(pick(up, req(`${a}.${b}.${c}.${x}`))).toBe(pick(up, req(`${a}.${b}.${c}.${y}`)));
      }));
  });

  it('puts concrete clients where the formula says (3 servers, weight 1)', () => {
    // 10.1.2.3 hashes 10, 1, 2:
    //   (89*113 + 10) % 6271 = 10067 % 6271 = 3796
    //   (3796*113 + 1) % 6271 = 428949 - 68*6271 = 2521
    //   (2521*113 + 2) % 6271 = 284875 - 45*6271 = 2680;  2680 % 3 = 1 → node-2
    // 8.8.8.8 hashes 8, 8, 8: 10065 % 6271 = 3794; 428730 - 68*6271 = 2302; 260134 - 41*6271 = 3023;
    //   3023 % 3 = 2 → node-3
    // 203.0.113.7 hashes 203, 0, 113: 10260 - 6271 = 3989; 450757 - 71*6271 = 5516;
    //   623421 - 99*6271 = 2592;  2592 % 3 = 0 → node-1
    const up = new Upstream(ih, nodes(3));
    expect(pick(up, req('10.1.2.3'))).toBe('node-2');
    expect(pick(up, req('10.1.2.200'))).toBe('node-2');
    expect(pick(up, req('8.8.8.8'))).toBe('node-3');
    expect(pick(up, req('203.0.113.7'))).toBe('node-1');
  });

  it('walks weights 3/1/2 in server order: slots 0-2 → node-1, 3 → node-2, 4-5 → node-3', () => {
    const weights = [3, 1, 2];
    const up = new Upstream(ih, weights.map((weight, k) => node(k + 1, { weight })));
    // 10.1.2.3: h = 2680 (above); 2680 % 6 = 4 → node-3.
    expect(pick(up, req('10.1.2.3'))).toBe('node-3');
    const counts = [0, 0, 0];
    const expected = [0, 0, 0];
    for (let b = 0; b < 256; b++) {
      for (let c = 0; c < 256; c++) {
        const got = pick(up, req(`10.${b}.${c}.1`))!;
        counts[Number(got.slice(5)) - 1]!++;
        expected[expectedSlot(10, b, c, weights)]!++;
      }
    }
    expect(counts).toEqual(expected);
    // Roughly 3:1:2 of the 65536 /24s in 10/8.
    expect(counts[0]! / 65536).toBeCloseTo(3 / 6, 1);
    expect(counts[1]! / 65536).toBeCloseTo(1 / 6, 1);
  });

  it('a `down` server keeps its slot: its clients are re-hashed, everybody else stays put', () => {
    const before = new Upstream(ih, nodes(3));
    const after = new Upstream(ih, nodes(3));
    after.setDown('node-2', true);
    // 10.1.2.3 was node-2. Continuing from h = 2680: 1842, 1204, 4363 → 4363 % 3 = 1 (node-2 again, down);
    // then 3891, 714, 5432 → 5432 % 3 = 2 → node-3.
    expect(pick(after, req('10.1.2.3'))).toBe('node-3');
    let moved = 0;
    for (let c = 0; c < 256; c++) {
      for (let b = 0; b < 64; b++) {
        const ip = `172.${b}.${c}.9`;
        const was = pick(before, req(ip));
        const now = pick(after, req(ip));
        if (was === 'node-2') {
          expect(now).not.toBe('node-2');
          moved++;
        } else {
          expect(now).toBe(was);
        }
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('removing a server line remaps most clients', () => {
    const four = new Upstream(ih, nodes(4));
    const three = new Upstream(ih, [node(1), node(3), node(4)]);
    let stayed = 0;
    let kept = 0;
    for (let b = 0; b < 64; b++) {
      for (let c = 0; c < 64; c++) {
        const ip = `10.${b}.${c}.1`;
        const was = pick(four, req(ip));
        if (was === 'node-2') continue;
        kept++;
        if (pick(three, req(ip)) === was) stayed++;
      }
    }
    // Mod 4 → mod 3: only about a third of the clients of surviving servers keep their server.
    expect(stayed / kept).toBeLessThan(0.5);
  });

  it('a retry continues the same hash instead of starting over', () => {
    const up = new Upstream(ih, nodes(3));
    const r = up.route(req('10.1.2.3'), 0);
    expect(r.next(0)?.name).toBe('node-2'); // h = 2680
    r.done(0, false);
    // From 2680: 4363 → slot 1 (node-2, tried), then 5432 → slot 2 → node-3.
    expect(r.next(0)?.name).toBe('node-3');
    r.done(0, true);
  });

  it('hashes all 16 bytes of an IPv6 address', () => {
    const up = new Upstream(ih, nodes(5));
    const spread = new Set<string | null>();
    for (let k = 0; k < 64; k++) spread.add(pick(up, req(`2001:db8::${k.toString(16)}`)));
    expect(spread.size).toBeGreaterThan(1); // unlike IPv4, the last bytes matter
  });

  it('falls back to round robin with fewer than two servers', () => {
    const up = new Upstream(ih, [node(1)]);
    expect(pick(up, req('10.1.2.3'))).toBe('node-1');
  });
});
