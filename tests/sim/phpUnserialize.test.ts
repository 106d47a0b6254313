import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serialize, unserialize } from 'php-serialize';
import { phpUnserialize } from '../../src/sim/laravel/phpUnserialize';

/** Values a PHP session can hold (lists and string-keyed arrays of scalars). */
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ unit: 'grapheme' }));
const phpValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 5 }),
  // php-serialize (the writer used as the reference) walks keys with a plain object: names of
  // Object.prototype confuse it, not us (our reading of them is pinned in its own test below).
  map: fc.dictionary(fc.string({ minLength: 1, unit: 'grapheme' }).filter((k) => !/^\d+$/.test(k) && !(k in Object.prototype)), tie('value'), { maxKeys: 5, noNullPrototype: true }),
})).value;

describe('phpUnserialize', () => {
  it('reads what PHP (php-serialize) writes, unicode byte lengths included', () => {
    fc.assert(fc.property(phpValue, (v) => {
      expect(phpUnserialize(serialize(v))).toEqual(unserialize(serialize(v)));
    }));
  });

  it('keys named like Object.prototype members stay plain own keys (no prototype change)', () => {
    const v = phpUnserialize('a:2:{s:9:"__proto__";a:1:{s:5:"admin";b:1;}s:11:"constructor";i:7;}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'constructor']);
    expect(v.constructor).toBe(7);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('parses a real Laravel session payload', () => {
    const text = 'a:3:{s:6:"_token";s:3:"abc";s:9:"_previous";a:1:{s:3:"url";s:26:"http://localhost/ünïcode";}s:4:"cart";a:2:{i:0;i:5;i:1;i:9;}}';
    expect(phpUnserialize(text)).toEqual({ _token: 'abc', _previous: { url: 'http://localhost/ünïcode' }, cart: [5, 9] });
  });

  it('rejects malformed input with a SyntaxError, never anything else', () => {
    for (const bad of ['', 'garbage', 's:5:"abc";', 'a:1:{s:1:"a";}', 'i:1;x', 'a:1:{i:0;i:1;', 's:-1:"";']) {
      expect(() => phpUnserialize(bad), bad).toThrow(SyntaxError);
    }
    fc.assert(fc.property(fc.string(), (junk) => {
      try {
        phpUnserialize(junk);
      } catch (e) {
        expect(e).toBeInstanceOf(SyntaxError);
      }
    }));
  });
});
