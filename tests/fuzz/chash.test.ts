/** The packed ring builder (src/sim/balancer/chashPoints.ts) against the plain construction it replaced. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChashPoints, MAX_CHASH_TOTAL_WEIGHT, serverPoints } from '../../src/sim/balancer/chashPoints';
import { FUZZ_RUNS } from './budget';

/** Every server's points, stable-sorted by hash, the first of equal hashes kept (as before). */
function reference(peers: { address: string; weight: number }[]): { hash: number[]; server: string[] } {
  const all = peers.flatMap((p) => serverPoints(p.address, p.weight).map((h) => ({ h, s: p.address })));
  all.sort((a, b) => a.h - b.h);
  const hash: number[] = [];
  const server: string[] = [];
  for (const pt of all) {
    if (hash.length > 0 && hash[hash.length - 1] === pt.h) continue;
    hash.push(pt.h);
    server.push(pt.s);
  }
  return { hash, server };
}

describe('consistent-hash ring', () => {
  it('equals the plain construction for any servers (repeated addresses included)', () => {
    const peer = fc.record({ address: fc.constantFrom('a:80', 'b:80', 'node1.internal:80', 'unix:/run/php.sock', '10.0.0.1:8080'), weight: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(peer, { minLength: 1, maxLength: 8 }), (peers) => {
        const got = buildChashPoints(peers);
        const want = reference(peers);
        expect([...got.hash]).toEqual(want.hash);
        expect(got.server).toEqual(want.server);
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 6) },
    );
  });

  it('refuses a total weight above the limit before allocating anything', () => {
    expect(() => buildChashPoints([{ address: 'a:80', weight: 1_000_000 }, { address: 'b:80', weight: 1 }])).toThrow(RangeError);
    expect(buildChashPoints([{ address: 'a:80', weight: MAX_CHASH_TOTAL_WEIGHT }]).hash.length).toBeGreaterThan(159_000);
  });
});
