import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../src/sim/rng';

describe('Rng', () => {
  it('gives the same sequence for the same seed and stream', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.string(), (seed, stream) => {
      const a = new Rng(seed, stream);
      const b = new Rng(seed, stream);
      for (let i = 0; i < 20; i++) expect(a.u32()).toBe(b.u32());
    }));
  });

  it('splits into streams that do not shift each other', () => {
    const root = new Rng(7);
    const users = root.split('users');
    const expected = [users.u32(), users.u32(), users.u32()];
    const root2 = new Rng(7);
    const app = root2.split('app');
    for (let i = 0; i < 100; i++) app.u32(); // heavy use of another stream
    const users2 = root2.split('users');
    expect([users2.u32(), users2.u32(), users2.u32()]).toEqual(expected);
  });

  it('differs between neighbouring seeds', () => {
    expect(new Rng(1).u32()).not.toBe(new Rng(2).u32());
  });

  it('draws floats in [0,1) with a plausible mean, and Laravel-shaped ids', () => {
    const r = new Rng(3);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r.float();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
    expect(r.alnum(40)).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});

describe('platform-independent logarithm', () => {
  it('lnInteger matches Math.log to within 2 ulp, without using it', async () => {
    const { lnInteger } = await import('../../src/sim/rng');
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 32 }), (v) => {
      expect(Math.abs(lnInteger(v) - Math.log(v))).toBeLessThanOrEqual(4.5e-16 * Math.max(1, Math.log(v)));
    }));
    expect(lnInteger(1)).toBe(0);
    expect(lnInteger(2 ** 32)).toBe(32 * 0.6931471805599453);
  });

  it('exp draws are exact, fixed numbers (the same in Node and in the browser)', () => {
    const r = new Rng(1, 'users');
    expect([r.exp(1000), r.exp(1000), r.exp(1000)]).toEqual(EXPECTED_EXP);
  });
});
const EXPECTED_EXP = [75.48306409633199, 1080.1909833678244, 644.8736268960361];
