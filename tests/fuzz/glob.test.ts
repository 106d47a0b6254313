/** Fuzz and differential tests of the one glob matcher (src/sim/glob.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, type GlobMeter } from '../../src/sim/glob';
import { FUZZ_RUNS, withinBudget } from './budget';

/**
 * Redis 7.0's `stringmatchlen()` (util.c), ported line by line as the reference: recursive,
 * exponential on hostile patterns, so only fed short ones here.
 */
function redisReference(pattern: string, text: string, nocase: boolean): boolean {
  const p = Array.from(pattern);
  const s = Array.from(text);
  const low = (c: string | undefined): string => (nocase ? (c ?? '').toLowerCase() : (c ?? ''));
  const skip = { longer: false };
  const impl = (pi: number, plen: number, si: number, slen: number): boolean => {
    while (plen > 0 && slen > 0) {
      switch (p[pi]) {
        case '*':
          while (plen > 0 && p[pi + 1] === '*') { pi++; plen--; }
          if (plen === 1) return true;
          while (slen > 0) {
            if (impl(pi + 1, plen - 1, si, slen)) return true;
            if (skip.longer) return false;
            si++; slen--;
          }
          skip.longer = true;
          return false;
        case '?':
          si++; slen--;
          break;
        case '[': {
          pi++; plen--;
          const not = p[pi] === '^';
          if (not) { pi++; plen--; }
          let match = false;
          for (;;) {
            if (p[pi] === '\\' && plen >= 2) {
              pi++; plen--;
              if (p[pi] === s[si]) match = true;
            } else if (p[pi] === ']' && plen > 0) {
              break;
            } else if (plen === 0) {
              pi--; plen++;
              break;
            } else if (plen >= 3 && p[pi + 1] === '-') {
              let a = p[pi] as string, b = p[pi + 2] as string;
              if (a > b) [a, b] = [b, a];
              const c = low(s[si]);
              if (c >= low(a) && c <= low(b)) match = true;
              pi += 2; plen -= 2;
            } else if (low(p[pi]) === low(s[si])) match = true;
            pi++; plen--;
          }
          if (not) match = !match;
          if (!match) return false;
          si++; slen--;
          break;
        }
        default:
          if (p[pi] === '\\' && plen >= 2) { pi++; plen--; }
          if (low(p[pi]) !== low(s[si])) return false;
          si++; slen--;
      }
      pi++; plen--;
      if (slen === 0) {
        while (p[pi] === '*' && plen > 0) { pi++; plen--; }
        break;
      }
    }
    return plen === 0 && slen === 0;
  };
  return impl(0, p.length, 0, s.length);
}

const META = ['*', '?', '[', ']', '^', '!', '-', '\\', ':', 'a', 'b', 'A', 'é'];
const shortPattern = fc.string({ unit: fc.constantFrom(...META), maxLength: 8 });
const shortText = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '-', ']', '[', '\\', '^', '*', 'é'), maxLength: 6 });
const anyPattern = fc.oneof(
  fc.string({ unit: fc.constantFrom(...META), maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.array(fc.constantFrom('*', '?', '*?', '[a-z]', '[^x]', '\\*', '!'), { maxLength: 40 }).map((a) => a.join('')),
);
const anyText = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', '!', '?', '*'), maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

describe('glob matcher (fuzz)', () => {
  it('answers Redis patterns exactly as Redis 7 stringmatchlen does', () => {
    fc.assert(
      fc.property(shortPattern, shortText, fc.boolean(), (p, t, nocase) => {
        expect(globMatch(compileGlob(p, 'redis', nocase), t), `${JSON.stringify(p)} ~ ${JSON.stringify(t)}`).toBe(redisReference(p, t, nocase));
      }),
      { numRuns: FUZZ_RUNS * 10 },
    );
  });

  it('compiles a pasted pattern of up to 20,000 characters and matches it against many keys within budget', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `laravel_database_laravel_cache_${'x'.repeat(30)}${i}`);
    const longPattern = fc.tuple(
      fc.constantFrom('[', '[[:', '[!', '[^', '[\\', '[a-', '*?', '?', 'a*', '\\', ']', 'x'),
      fc.integer({ min: 1000, max: 20_000 }),
      fc.constantFrom('', '!', ']', 'x]', '*'),
    ).map(([f, size, post]) => f.repeat(Math.floor(size / f.length)) + post);
    fc.assert(
      fc.property(longPattern, fc.constantFrom('redis', 'bash') as fc.Arbitrary<'redis' | 'bash'>, (p, dialect) => {
        withinBudget(`${dialect} compile and match ${JSON.stringify(p.slice(0, 12))}… (${p.length})`, () => {
          const glob = compileGlob(p, dialect);
          return keys.filter((k) => globMatch(glob, k));
        });
      }),
      { numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
  });

  it('never throws and does at most (tokens + 1) × (characters + 1) steps, whatever the input', () => {
    fc.assert(
      fc.property(anyPattern, anyText, fc.constantFrom('redis', 'bash') as fc.Arbitrary<'redis' | 'bash'>, (p, t, dialect) => {
        const glob = compileGlob(p, dialect);
        const meter: GlobMeter = { steps: 0 };
        withinBudget(`${dialect} glob ${JSON.stringify(p)}`, () => globMatch(glob, t, meter));
        expect(meter.steps).toBeLessThanOrEqual((glob.tokens.length + 1) * (Array.from(t).length + 1) + 1);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
