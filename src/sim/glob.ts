/**
 * Glob patterns, matched without regular expressions: the one matcher behind redis-cli's `KEYS`,
 * `SCAN … MATCH` and `CONFIG GET` and the node shell's pathname expansion.
 *
 * A pattern is compiled to tokens that each consume exactly one character (`?`, a literal, a
 * bracket set) or any run of characters (`*`). Matching is the classic iterative wildcard
 * algorithm: on a mismatch, go back to the last `*` and let it swallow one more character. Only
 * the last `*` ever needs revisiting (what the earlier ones matched can be shifted into it), so
 * the cost is at most (tokens + 1) × (text length + 1) steps: `*?*?*?*?*?*?*?!` answers at once,
 * as it does in real Redis (7's `skipLongerMatches`) and bash, where a regular expression
 * backtracks exponentially.
 *
 * Two dialects:
 * - `redis`: Redis's `stringmatchlen()` (util.c): `* ? [abc] [^a] [a-z] \x`; a `\` inside a set
 *   escapes the next character; an unclosed `[` runs to the end of the pattern; a reversed range
 *   `[z-a]` is swapped; an empty text matches only the empty pattern (KEYS/SCAN treat a lone `*`
 *   as "everything" before matching, which callers do).
 * - `bash`: pathname expansion (`* ? [abc] [!a] [^a] [a-z] [[:alpha:]] \x`): a `]` right after `[`
 *   or `[!` is literal; an unclosed `[` is a literal `[`.
 */

export type GlobDialect = 'redis' | 'bash';

/** A set member: a range (a single character is `lo === hi`) or a POSIX class name (bash). */
type SetItem = { lo: string; hi: string; exact: boolean } | { cls: string };

type Token =
  | { t: 'star' }
  | { t: 'one' }
  | { t: 'lit'; ch: string }
  | { t: 'set'; negate: boolean; items: SetItem[]; seen?: Map<string, boolean> };

/** A compiled pattern (reuse it to match many texts). */
export interface Glob {
  readonly tokens: readonly Token[];
  readonly nocase: boolean;
  readonly dialect: GlobDialect;
}

/** Counts matcher steps, for tests that bound the work per input. */
export interface GlobMeter {
  steps: number;
}

/** Compile `pattern` (iterated by code point). `nocase` is CONFIG GET's case-insensitive compare. */
export function compileGlob(pattern: string, dialect: GlobDialect, nocase = false): Glob {
  const p = Array.from(pattern);
  return { tokens: dialect === 'redis' ? redisTokens(p) : bashTokens(p), nocase, dialect };
}

/**
 * Does `text` match? Work is bounded by (tokens + 1) × (characters + 1). `text` is iterated by
 * code point (a file name `é` is one `?`); pass a meter to count steps.
 */
export function globMatch(glob: Glob, text: string, meter?: GlobMeter): boolean {
  const tokens = glob.tokens;
  const s = Array.from(text);
  if (glob.dialect === 'redis' && s.length === 0) return tokens.length === 0;
  const m = tokens.length;
  const n = s.length;
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  let steps = 0;
  while (i < n) {
    steps++;
    const tok = tokens[p];
    if (tok !== undefined && tok.t === 'star') {
      starP = p++;
      starI = i;
    } else if (tok !== undefined && matchOne(tok, s[i] as string, glob.nocase)) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      if (meter) meter.steps += steps;
      return false;
    }
  }
  while (p < m && (tokens[p] as Token).t === 'star') p++;
  if (meter) meter.steps += steps + 1;
  return p === m;
}

/** Redis glob match (KEYS, SCAN MATCH; CONFIG GET with `nocase`). */
export function redisGlobMatch(pattern: string, text: string, nocase = false): boolean {
  return globMatch(compileGlob(pattern, 'redis', nocase), text);
}

/** True when `pattern` holds an unescaped bash glob character (`*`, `?` or a closed `[…]`). */
export function hasBashGlob(pattern: string): boolean {
  return bashTokens(Array.from(pattern)).some((t) => t.t !== 'lit');
}

/** Escape bash glob characters so the text matches only itself (quoted text in a shell word). */
export function escapeBashGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** Undo {@link escapeBashGlob} and drop other backslash escapes (a word with no match is kept as text). */
export function unescapeBashGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gsu, '$1');
}

function matchOne(tok: Token, c: string, nocase: boolean): boolean {
  switch (tok.t) {
    case 'one':
      return true;
    case 'lit':
      return nocase ? tok.ch.toLowerCase() === c.toLowerCase() : tok.ch === c;
    case 'set': {
      // A set may hold thousands of members; each character is looked up once per compiled pattern.
      const known = tok.seen?.get(c);
      if (known !== undefined) return known;
      let hit = false;
      for (const it of tok.items) {
        if ('cls' in it ? inClass(it.cls, c) : inRange(it, c, nocase)) {
          hit = true;
          break;
        }
      }
      (tok.seen ??= new Map()).set(c, hit !== tok.negate);
      return hit !== tok.negate;
    }
    default:
      return false;
  }
}

function inRange(it: { lo: string; hi: string; exact: boolean }, c: string, nocase: boolean): boolean {
  if (nocase && !it.exact) {
    const x = c.toLowerCase();
    return x >= it.lo.toLowerCase() && x <= it.hi.toLowerCase();
  }
  return c >= it.lo && c <= it.hi;
}

const CLASSES: Record<string, RegExp> = {
  alpha: /^\p{L}$/u, digit: /^[0-9]$/, alnum: /^[\p{L}0-9]$/u, upper: /^\p{Lu}$/u, lower: /^\p{Ll}$/u,
  space: /^\s$/u, blank: /^[ \t]$/, punct: /^[!-/:-@[-`{-~]$/, xdigit: /^[0-9A-Fa-f]$/,
  // eslint-disable-next-line no-control-regex -- the class is made of control characters
  cntrl: /^[\x00-\x1f\x7f]$/, print: /^[^\p{Cc}]$/u, graph: /^[^\p{Cc}\s]$/u, word: /^[\p{L}0-9_]$/u,
};

function inClass(cls: string, c: string): boolean {
  const re = Object.hasOwn(CLASSES, cls) ? CLASSES[cls] : undefined;
  return re !== undefined && re.test(c);
}

/** Tokens of Redis's `stringmatchlen()`, walking the pattern exactly as it does. */
function redisTokens(p: readonly string[]): Token[] {
  const out: Token[] = [];
  const n = p.length;
  let i = 0;
  while (i < n) {
    const c = p[i] as string;
    if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
      i++;
    } else if (c === '?') {
      out.push({ t: 'one' });
      i++;
    } else if (c === '[') {
      i++;
      const negate = p[i] === '^';
      if (negate) i++;
      const items: SetItem[] = [];
      for (;;) {
        if (p[i] === '\\' && n - i >= 2) {
          i++;
          items.push({ lo: p[i] as string, hi: p[i] as string, exact: true });
        } else if (i >= n) {
          break; // unclosed: the set is the rest of the pattern
        } else if (p[i] === ']') {
          break;
        } else if (n - i >= 3 && p[i + 1] === '-') {
          const a = p[i] as string;
          const b = p[i + 2] as string;
          items.push(a <= b ? { lo: a, hi: b, exact: false } : { lo: b, hi: a, exact: false });
          i += 2;
        } else {
          items.push({ lo: p[i] as string, hi: p[i] as string, exact: false });
        }
        i++;
      }
      i++;
      out.push({ t: 'set', negate, items });
    } else if (c === '\\' && n - i >= 2) {
      out.push({ t: 'lit', ch: p[i + 1] as string });
      i += 2;
    } else {
      out.push({ t: 'lit', ch: c });
      i++;
    }
  }
  return out;
}

/** Tokens of bash's pathname expansion (`strmatch` with the default options). */
function bashTokens(p: readonly string[]): Token[] {
  const out: Token[] = [];
  const n = p.length;
  const deadEnds = new Uint8Array(n + 1);
  let i = 0;
  while (i < n) {
    const c = p[i] as string;
    if (c === '*') {
      if (out[out.length - 1]?.t !== 'star') out.push({ t: 'star' });
      i++;
    } else if (c === '?') {
      out.push({ t: 'one' });
      i++;
    } else if (c === '[') {
      const set = bashSet(p, i, deadEnds);
      if (set === null) {
        out.push({ t: 'lit', ch: '[' });
        i++;
      } else {
        out.push(set.token);
        i = set.next;
      }
    } else if (c === '\\') {
      // A trailing backslash matches nothing (glibc fnmatch: "Trailing \\ loses").
      out.push(i + 1 < n ? { t: 'lit', ch: p[i + 1] as string } : { t: 'set', negate: false, items: [] });
      i += 2;
    } else {
      out.push({ t: 'lit', ch: c });
      i++;
    }
  }
  return out;
}

/**
 * A bracket expression starting at `p[start] === '['`, or null when it is not closed.
 *
 * After its first member the scan's course depends only on where it is, so a position from which
 * one scan found no `]` is marked in `deadEnds` and any later scan reaching it stops there: a
 * pattern of thousands of unclosed `[` (or `[[:`) costs linear time, not one scan to the end per `[`.
 */
function bashSet(p: readonly string[], start: number, deadEnds: Uint8Array): { token: Token; next: number } | null {
  const n = p.length;
  let i = start + 1;
  const negate = p[i] === '!' || p[i] === '^';
  if (negate) i++;
  const items: SetItem[] = [];
  const path: number[] = [];
  const unclosed = (): null => {
    for (const k of path) deadEnds[k] = 1;
    return null;
  };
  let first = true;
  while (i < n) {
    if (!first) {
      if (deadEnds[i] === 1) return unclosed();
      path.push(i);
    }
    let c = p[i] as string;
    if (c === ']' && !first) return { token: { t: 'set', negate, items }, next: i + 1 };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = findClassEnd(p, i + 2);
      if (close > 0) {
        items.push({ cls: p.slice(i + 2, close).join('') });
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < n) c = p[++i] as string;
    if (p[i + 1] === '-' && i + 2 < n && p[i + 2] !== ']') {
      let hi = p[i + 2] as string;
      let next = i + 3;
      if (hi === '\\' && i + 3 < n) {
        hi = p[i + 3] as string;
        next = i + 4;
      }
      items.push({ lo: c, hi, exact: false }); // a reversed range matches nothing, as in bash
      i = next;
      continue;
    }
    items.push({ lo: c, hi: c, exact: false });
    i++;
  }
  return unclosed();
}

/** Index of the `:` of a `:]` closing a `[:name:]` class whose name starts at `from`, or -1. */
function findClassEnd(p: readonly string[], from: number): number {
  for (let j = from; j + 1 < p.length && j - from < 10; j++) {
    if (p[j] === ':' && p[j + 1] === ']') return j;
    if (!/[a-z]/.test(p[j] as string)) return -1;
  }
  return -1;
}
