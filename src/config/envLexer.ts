/**
 * Splits a `.env` file into entries the way vlucas/phpdotenv 5 (what Laravel loads it with) does:
 * `KEY=value`, optional `export `, `#` comments, single quotes (literal), double quotes (escapes
 * `\" \\ \$ \f \n \r \t \v`, may span lines), `${VAR}` interpolation, and unquoted values that end
 * at `#` and may not contain whitespace. Error texts follow phpdotenv's InvalidFileException.
 */
import type { DiagnosticSink } from './diagnostic';
import { grouped, MAX_ENV_TOTAL_CHARS, MAX_ENV_VALUE_CHARS } from './limits';

/** One `KEY=value` line (or several, for a multi-line double-quoted value). */
export interface EnvEntry {
  key: string;
  keyFrom: number;
  keyTo: number;
  /** The value after unquoting, escapes and interpolation. */
  value: string;
  /** Source span of the value as written (with its quotes, without a trailing comment). */
  rawFrom: number;
  rawTo: number;
  quote: '"' | "'" | null;
  /** Span of the whole entry, from the line's first character to the end of its last line. */
  lineFrom: number;
  lineTo: number;
  exported: boolean;
}

const NAME = /^[\p{Ll}\p{Lu}\p{M}\p{N}_.]+$/u;
const FAIL = 'Failed to parse dotenv file. Encountered';

export function lexEnv(text: string, sink: DiagnosticSink): EnvEntry[] {
  const entries: EnvEntry[] = [];
  const vars = new Map<string, string>();
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // phpdotenv skips a UTF-8 byte order mark
  let total = 0;
  const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
  const eol = (from: number): number => {
    const k = text.indexOf('\n', from);
    return k < 0 ? n : k;
  };
  const lineEnd = (from: number): number => {
    const e = eol(from);
    return e > from && text[e - 1] === '\r' ? e - 1 : e;
  };

  while (i < n) {
    const lineFrom = i;
    while (i < n && isBlank(text[i])) i++;
    if (i >= n) break;
    if (text[i] === '\n' || text[i] === '#') {
      i = eol(i) + 1;
      continue;
    }
    let exported = false;
    const exp = /^export[ \t]+/.exec(text.slice(i, i + 40));
    if (exp) {
      exported = true;
      i += exp[0].length;
    }
    const keyFrom = i;
    const end = lineEnd(i);
    let eq = -1; // the first '=' on this line (searching past it would make a file of bare names quadratic)
    for (let k = i; k < end; k++) {
      if (text.charCodeAt(k) === 61) {
        eq = k;
        break;
      }
    }
    if (eq < 0) {
      const name = text.slice(keyFrom, end).trim();
      sink.warn(`"${name}" has no "=": phpdotenv reads it as a name without a value, which unsets it`, keyFrom, keyFrom + name.length);
      i = eol(i) + 1;
      continue;
    }
    // Trailing blanks trimmed by a loop: `/[ \t…]+$/` retries from every blank of a long run (quadratic).
    let keyTo = eq;
    while (keyTo > keyFrom && isBlank(text[keyTo - 1])) keyTo--;
    const key = text.slice(keyFrom, keyTo);
    const nameOk = NAME.test(key);
    if (!nameOk) sink.error(`${FAIL} an invalid name at [${snippet(key)}].`, keyFrom, keyTo);
    i = eq + 1;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const v = readValue(text, i, end, vars, sink);
    i = v.next;
    total += v.value.length;
    if (total > MAX_ENV_TOTAL_CHARS) {
      sink.error(
        `the values up to ${nameOk ? key : 'here'} add up to ${grouped(total)} characters after interpolation; the simulator refuses .env files ` +
          `whose values add up to more than ${grouped(MAX_ENV_TOTAL_CHARS)} (1 MiB) and stops reading here`,
        keyFrom, keyTo,
      );
      break;
    }
    if (nameOk) {
      const lineTo = lineEnd(Math.max(v.rawTo - 1, keyFrom));
      const rawFrom = v.rawFrom === v.rawTo ? eq + 1 : v.rawFrom;
      const rawTo = v.rawFrom === v.rawTo ? eq + 1 : v.rawTo;
      entries.push({ key, keyFrom, keyTo, value: v.value, rawFrom, rawTo, quote: v.quote, lineFrom, lineTo, exported });
      vars.set(key, v.value);
    }
    i = eol(i) + 1;
  }
  return entries;
}

interface ValueRead { value: string; rawFrom: number; rawTo: number; quote: '"' | "'" | null; next: number }

function readValue(text: string, start: number, end: number, vars: Map<string, string>, sink: DiagnosticSink): ValueRead {
  const q = text[start];
  if (q === '"' || q === "'") return readQuoted(text, start, vars, sink, q);
  // Unquoted: `#` starts a comment anywhere; whitespace may only be followed by a comment.
  let stop = start;
  while (stop < end && text[stop] !== '#') stop++;
  let valueEnd = stop;
  while (valueEnd > start && /[ \t\r\f\v]/.test(text[valueEnd - 1] ?? '')) valueEnd--;
  const raw = text.slice(start, valueEnd);
  if (/[ \t\f\v]/.test(raw)) sink.error(`${FAIL} unexpected whitespace at [${snippet(raw)}].`, start, valueEnd);
  return { value: interpolate(raw, start, vars, sink), rawFrom: start, rawTo: valueEnd, quote: null, next: end };
}

/**
 * A value being built, capped at {@link MAX_ENV_VALUE_CHARS}: past the cap an error names the
 * place that overflowed (usually a `${VAR}`), and nothing more is appended, so a file of
 * doubling `"${PREV}${PREV}"` lines costs at most the cap per line.
 */
class ValueBuilder {
  out = '';
  private over = false;
  constructor(private readonly sink: DiagnosticSink) {}

  add(part: string, from: number, to: number): void {
    if (this.over) return;
    if (this.out.length + part.length > MAX_ENV_VALUE_CHARS) {
      this.over = true;
      this.sink.error(
        `this value grows past ${grouped(MAX_ENV_VALUE_CHARS)} characters (64 KiB) here` +
          `${part.length > 1 ? ` (${grouped(this.out.length)} so far + ${grouped(part.length)})` : ''}: ` +
          'the simulator refuses longer .env values (Laravel\'s are a few dozen characters)',
        from, to,
      );
      return;
    }
    this.out += part;
  }
}

function readQuoted(text: string, start: number, vars: Map<string, string>, sink: DiagnosticSink, q: '"' | "'"): ValueRead {
  const n = text.length;
  let i = start + 1;
  const b = new ValueBuilder(sink);
  // Single-quoted values end at the line; only double-quoted ones may span lines (phpdotenv's Lines).
  const firstEol = text.indexOf('\n', start) < 0 ? n : text.indexOf('\n', start);
  const limit = q === "'" ? firstEol : n;
  let closed = false;
  while (i < limit) {
    const c = text[i] ?? '';
    if (c === q) {
      closed = true;
      i++;
      break;
    }
    if (q === '"' && c === '\\') {
      const e = ESCAPES[text[i + 1] ?? ''];
      if (e === undefined) {
        sink.error(`${FAIL} an unexpected escape sequence at [${text.slice(i, i + 2)}].`, i, Math.min(i + 2, n));
        b.add(text.slice(i, i + 2), i, i + 2);
      } else b.add(e, i, i + 2);
      i += 2;
      continue;
    }
    if (q === '"' && c === '$') {
      const m = VAR.exec(text.slice(i, i + 200));
      if (m) {
        b.add(resolve(m[1] ?? '', m[0], i, vars, sink), i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    b.add(c, i, i + 1);
    i++;
  }
  if (!closed) {
    sink.error(`${FAIL} a missing closing quote at [${snippet(text.slice(start, firstEol))}].`, start, firstEol);
    return { value: b.out, rawFrom: start, rawTo: firstEol, quote: q, next: firstEol };
  }
  // After the closing quote only whitespace and a comment may follow.
  const lineEnd = text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i);
  if (!/^[ \t\r\f\v]*(#.*)?$/s.test(text.slice(i, lineEnd))) {
    const spans = text.slice(start, i).includes('\n')
      ? ` (the double-quoted value opened on line ${sink.position(start).line} runs on to here: is a closing quote missing?)`
      : '';
    sink.error(`${FAIL} unexpected whitespace at [${snippet(text.slice(start, lineEnd))}].${spans}`, i, lineEnd);
  }
  return { value: b.out, rawFrom: start, rawTo: i, quote: q, next: i };
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', $: '$', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const VAR = /^\$\{([a-zA-Z0-9_.]+)\}/;

/** `${NAME}` in an unquoted value (which starts at offset `at`). */
function interpolate(s: string, at: number, vars: Map<string, string>, sink: DiagnosticSink): string {
  const b = new ValueBuilder(sink);
  const re = /\$\{([a-zA-Z0-9_.]+)\}/g;
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    b.add(s.slice(last, m.index), at + last, at + m.index);
    b.add(resolve(m[1] ?? '', m[0], at + m.index, vars, sink), at + m.index, at + m.index + m[0].length);
    last = m.index + m[0].length;
  }
  b.add(s.slice(last), at + last, at + s.length);
  return b.out;
}

/** Earlier entries' values; unknown names stay as written (phpdotenv would read the real environment). */
function resolve(name: string, written: string, at: number, vars: Map<string, string>, sink: DiagnosticSink): string {
  const v = vars.get(name);
  if (v !== undefined) return v;
  sink.info(`\${${name}} is not set above in this file: phpdotenv would read it from the real environment`, at, at + written.length);
  return written;
}

/** Source text for a one-line message: newlines shown as \n, long text cut. */
function snippet(s: string): string {
  const one = s.replace(/\r?\n/g, '\\n').replace(/\r/g, '');
  return one.length > 60 ? one.slice(0, 57) + '...' : one;
}
