/**
 * PHP `unserialize()` for the values a session holds: null, bool, int, float, string and
 * array. String lengths count UTF-8 bytes, as PHP's do. Written here because php-serialize's
 * parser needs Node's Buffer and so failed in the browser, where a session that could not be
 * parsed looked like no session at all. Tests check it against php-serialize in Node.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const C = { N: 78, b: 98, i: 105, d: 100, s: 115, a: 97, colon: 58, semi: 59, quote: 34, open: 123, close: 125 };

/** Parse a serialized value; throws SyntaxError on anything malformed or trailing. */
export function phpUnserialize(text: string): unknown {
  const bytes = encoder.encode(text);
  let pos = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`unserialize: ${what} at byte ${pos}`);
  };
  const expect = (ch: number): void => {
    if (bytes[pos] !== ch) fail(`expected "${String.fromCharCode(ch)}"`);
    pos++;
  };
  /** ASCII text up to (not including) `end`, which is consumed. */
  const until = (end: number): string => {
    const start = pos;
    while (pos < bytes.length && bytes[pos] !== end) pos++;
    if (pos >= bytes.length) fail(`missing "${String.fromCharCode(end)}"`);
    let out = '';
    for (let i = start; i < pos; i++) out += String.fromCharCode(bytes[i]!);
    pos++;
    return out;
  };
  const integer = (end: number): number => {
    const digits = until(end);
    if (!/^[+-]?\d+$/.test(digits)) fail(`bad integer "${digits}"`);
    return Number(digits);
  };

  const value = (): unknown => {
    const type = bytes[pos++];
    if (type === C.N) {
      expect(C.semi);
      return null;
    }
    expect(C.colon);
    switch (type) {
      case C.b:
        return integer(C.semi) === 1;
      case C.i:
        return integer(C.semi);
      case C.d: {
        const f = until(C.semi);
        return f === 'INF' ? Infinity : f === '-INF' ? -Infinity : f === 'NAN' ? NaN : Number(f);
      }
      case C.s: {
        const len = integer(C.colon);
        expect(C.quote);
        if (pos + len > bytes.length) fail('string runs past the end');
        const s = decoder.decode(bytes.subarray(pos, pos + len));
        pos += len;
        expect(C.quote);
        expect(C.semi);
        return s;
      }
      case C.a: {
        const n = integer(C.colon);
        expect(C.open);
        const entries: Array<[string | number, unknown]> = [];
        for (let i = 0; i < n; i++) {
          const key = value();
          if (typeof key !== 'string' && typeof key !== 'number') fail('array key must be int or string');
          entries.push([key as string | number, value()]);
        }
        expect(C.close);
        // A PHP list (keys 0…n−1 in order) becomes an array; anything else an object.
        return entries.every(([k], i) => k === i) ? entries.map(([, v]) => v) : Object.fromEntries(entries);
      }
      default:
        return fail(`unknown type "${String.fromCharCode(type ?? 0)}"`);
    }
  };

  const v = value();
  if (pos !== bytes.length) fail('trailing data');
  return v;
}
