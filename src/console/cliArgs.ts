/**
 * redis-cli's line splitter (`sdssplitargs` in Redis's sds.c): blanks separate arguments;
 * "double quotes" understand `\n \r \t \b \a \xHH` and `\<any>`; 'single quotes' only `\'`.
 * A closing quote must be followed by a blank or the end of the line, and an unterminated
 * quote is an error: both give `null`, and redis-cli prints "Invalid argument(s)".
 * Bytes from `\xHH` are decoded as UTF-8 together with the surrounding characters.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, b: 0x08, a: 0x07 };
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\v' || ch === '\f';
const isHex = (ch: string | undefined): boolean => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);

export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (isBlank(line[i])) i++;
    if (i >= line.length) return out;
    const bytes: number[] = [];
    const push = (s: string): void => {
      for (const b of encoder.encode(s)) bytes.push(b);
    };
    let inq = false, insq = false, done = false;
    while (!done) {
      const ch = line[i];
      if (inq) {
        if (ch === undefined) return null; // unterminated "
        if (ch === '\\' && line[i + 1] === 'x' && isHex(line[i + 2]) && isHex(line[i + 3])) {
          bytes.push(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (ch === '\\' && line[i + 1] !== undefined) {
          i++;
          const esc = line[i] as string;
          const code = ESCAPES[esc];
          if (code !== undefined) bytes.push(code);
          else push(esc);
        } else if (ch === '"') {
          if (line[i + 1] !== undefined && !isBlank(line[i + 1])) return null;
          done = true;
        } else push(ch);
      } else if (insq) {
        if (ch === undefined) return null; // unterminated '
        if (ch === '\\' && line[i + 1] === "'") {
          i++;
          bytes.push(0x27);
        } else if (ch === "'") {
          if (line[i + 1] !== undefined && !isBlank(line[i + 1])) return null;
          done = true;
        } else push(ch);
      } else if (ch === undefined || isBlank(ch)) done = true;
      else if (ch === '"') inq = true;
      else if (ch === "'") insq = true;
      else push(ch);
      if (i < line.length) i++;
    }
    out.push(decoder.decode(new Uint8Array(bytes)));
  }
}
