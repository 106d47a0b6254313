/**
 * PHP `unserialize()` for the values a session holds: null, bool, int, float, string and
 * array. String lengths count UTF-8 bytes, as PHP's do. Written here because php-serialize's
 * parser needs Node's Buffer and so failed in the browser, where a session that could not be
 * parsed looked like no session at all. Tests check it against php-serialize in Node.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const C = { N: 78, b: 98, i: 105, d: 100, s: 115, a: 97, colon: 58, semi: 59, quote: 34, open: 123, close: 125 };

/** The text being parsed, by byte: PHP string lengths count UTF-8 bytes. */
interface Bytes {
  readonly length: number;
  at(i: number): number | undefined;
  /** Bytes [from, to) decoded as UTF-8 (throws on an invalid sequence). */
  text(from: number, to: number): string;
}

/** ASCII text is its own UTF-8: bytes are characters (no encoding pass). */
class AsciiBytes implements Bytes {
  constructor(private readonly s: string) {}
  get length(): number { return this.s.length; }
  at(i: number): number | undefined { return i < this.s.length ? this.s.charCodeAt(i) : undefined; }
  text(from: number, to: number): string { return this.s.slice(from, to); }
}

class Utf8Bytes implements Bytes {
  private readonly b: Uint8Array;
  constructor(s: string) { this.b = encoder.encode(s); }
  get length(): number { return this.b.length; }
  at(i: number): number | undefined { return this.b[i]; }
  text(from: number, to: number): string { return decoder.decode(this.b.subarray(from, to)); }
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Parse a serialized value; throws SyntaxError on anything malformed or trailing. */
export function phpUnserialize(text: string): unknown {
  const src: Bytes = NON_ASCII.test(text) ? new Utf8Bytes(text) : new AsciiBytes(text);
  let pos = 0;

  const fail = (what: string): never => {
    throw new SyntaxError(`unserialize: ${what} at byte ${pos}`);
  };
  const expect = (ch: number): void => {
    if (src.at(pos) !== ch) fail(`expected "${String.fromCharCode(ch)}"`);
    pos++;
  };
  /** ASCII text up to (not including) `end`, which is consumed. */
  const until = (end: number): string => {
    const start = pos;
    while (pos < src.length && src.at(pos) !== end) pos++;
    if (pos >= src.length) fail(`missing "${String.fromCharCode(end)}"`);
    let out = '';
    for (let i = start; i < pos; i++) out += String.fromCharCode(src.at(i)!);
    pos++;
    return out;
  };
  const integer = (end: number): number => {
    const digits = until(end);
    if (!/^[+-]?\d+$/.test(digits)) fail(`bad integer "${digits}"`);
    return Number(digits);
  };

  const value = (): unknown => {
    const type = src.at(pos++);
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
        if (pos + len > src.length) fail('string runs past the end');
        const s = src.text(pos, pos + len);
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
  if (pos !== src.length) fail('trailing data');
  return v;
}
