/**
 * Redis's `sdscatrepr()`: how MONITOR and redis-cli quote a string. Works on the UTF-8 bytes:
 * `\\` and `"` are backslash-escaped, `\n \r \t \a \b` use their C escapes, other bytes outside
 * printable ASCII (every byte of a multi-byte UTF-8 character included) become `\xHH`.
 */

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const encoder = new TextEncoder();
const NAMED: Record<number, string> = { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x07: '\\a', 0x08: '\\b' };

/** Quote `s` like `sdscatrepr`, surrounding double quotes included. */
export function repr(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (const byte of encoder.encode(s)) {
    const named = NAMED[byte];
    if (named !== undefined) out += named;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}
