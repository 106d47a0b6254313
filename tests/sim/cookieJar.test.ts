import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CookieJar, MAX_COOKIE_BYTES, sealedText } from '../../src/sim/laravel/cookieJar';
import { isValidSessionId } from '../../src/sim/laravel/routes';

describe('CookieJar', () => {
  it('an encrypted cookie set by its IV reads back as its ciphertext; the server reads the plain value', () => {
    const jar = new CookieJar();
    jar.set({ name: 'laravel_session', value: 123_456_789, plain: 'A'.repeat(40), maxAgeSec: 7200 }, 0);
    expect(jar.get('laravel_session', 1)).toBe('eyJpdiI621i3v9');
    expect(sealedText(123_456_789)).toBe('eyJpdiI621i3v9');
    expect(jar.plain('laravel_session', 1)).toBe('A'.repeat(40));
    expect(jar.list(1)).toEqual([{ name: 'laravel_session', value: 'eyJpdiI621i3v9', plain: 'A'.repeat(40), expiresAt: 7_200_000 }]);
    expect(jar.get('laravel_session', 7_200_000)).toBeUndefined(); // expired at its Max-Age
  });

  it('every 32-bit IV fits the length the size check assumes', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (iv) => {
      expect(sealedText(iv).length).toBeLessThanOrEqual(15);
    }));
    expect(sealedText(2 ** 32 - 1).length).toBe(15);
  });

  it('refuses a plain cookie over the browser limit and keeps the one it had', () => {
    const jar = new CookieJar();
    jar.set({ name: 'c', value: 'small', maxAgeSec: null }, 0);
    expect(jar.set({ name: 'c', value: 'x'.repeat(MAX_COOKIE_BYTES), maxAgeSec: null }, 0)).toBe(false);
    expect(jar.get('c', 0)).toBe('small');
  });
});

describe('isValidSessionId', () => {
  const laravel = /^[A-Za-z0-9]{40}$/; // Session\Store::isValidId: ctype_alnum and strlen 40

  it('agrees with Laravel\'s rule on any string, ids of 40 characters most of all', () => {
    const near = fc.array(fc.oneof(fc.constantFrom(...'aZ09'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })), { minLength: 40, maxLength: 40 }).map((cs) => cs.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), near), (s) => {
      expect(isValidSessionId(s)).toBe(laravel.test(s));
    }), { numRuns: 2000 });
    expect(isValidSessionId(undefined)).toBe(false);
    expect(isValidSessionId('a'.repeat(39) + '\u0100')).toBe(false);
    expect(isValidSessionId('aZ09'.repeat(10))).toBe(true);
  });
});
