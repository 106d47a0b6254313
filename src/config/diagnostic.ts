/**
 * Diagnostics shared by the config parsers (.env, nginx upstream, HAProxy backend).
 *
 * Positions are given twice: `line`/`col` (1-based, for the CLI's `FILE:LINE:COL:` and for people)
 * and `from`/`to` (0-based UTF-16 offsets into the text, which is what CodeMirror's lint wants).
 * A result carrying any `error` must not be applied by callers (see {@link hasErrors}).
 */

export type Severity = 'error' | 'warning' | 'info';

/** One message about a span of the text. */
export interface Diagnostic {
  severity: Severity;
  message: string;
  /** 1-based line of `from`. */
  line: number;
  /** 1-based column of `from`, counted in UTF-16 code units. */
  col: number;
  /** 0-based offset where the span starts. */
  from: number;
  /** 0-based offset where the span ends (exclusive; may equal `from`). */
  to: number;
}

/** What every parser returns: the settings it could read (or null) and what it has to say. */
export interface ParseResult<T> {
  value: T | null;
  diagnostics: Diagnostic[];
}

/**
 * `FILE:LINE:COL: severity: message`, the shape compilers and editors' problem matchers expect.
 * One line, safe for a terminal: control characters from the file are escaped.
 */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  return escapeControlChars(`${file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
}

const CONTROL_NAMES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * Text from a file or a student, made safe to print to a terminal: C0 and C1 control characters
 * (ESC sequences that set the window title or move the cursor, BEL, CR, newlines), DEL and the
 * Unicode bidirectional overrides become visible escapes (`\e`, `\n`, `\x07`, `\u202e`).
 * Printable text, including non-ASCII letters, is unchanged.
 */
export function escapeControlChars(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (Object.hasOwn(CONTROL_NAMES, c)) return CONTROL_NAMES[c] as string;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** True when at least one diagnostic is an error: the parsed value must not be applied. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The most diagnostics a parser returns for one text (a 128 KiB paste can hold 50,000 problems). */
export const MAX_DIAGNOSTICS = 200;

/** Collects diagnostics for one text, turning offsets into line/col once per text. */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): { line: number; col: number } {
    const at = clamp(offset, 0, this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (this.lineStarts[lo] ?? 0) + 1 };
  }

  add(severity: Severity, message: string, from: number, to: number = from): Diagnostic {
    const f = clamp(from, 0, this.text.length);
    const t = clamp(Math.max(to, f), f, this.text.length);
    const { line, col } = this.position(f);
    const d: Diagnostic = { severity, message, line, col, from: f, to: t };
    this.list.push(d);
    return d;
  }

  error(message: string, from: number, to?: number): Diagnostic {
    return this.add('error', message, from, to);
  }

  warn(message: string, from: number, to?: number): Diagnostic {
    return this.add('warning', message, from, to);
  }

  info(message: string, from: number, to?: number): Diagnostic {
    return this.add('info', message, from, to);
  }

  get hasErrors(): boolean {
    return hasErrors(this.list);
  }

  /**
   * The diagnostics in text order (stable for equal offsets), at most {@link MAX_DIAGNOSTICS}:
   * past that, one last diagnostic says how many more there are, with the gravest severity of
   * those left out (so a result with errors always shows one).
   */
  sorted(): Diagnostic[] {
    const all = this.list
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.from - b.d.from || a.i - b.i)
      .map((x) => x.d);
    if (all.length <= MAX_DIAGNOSTICS) return all;
    const shown = all.slice(0, MAX_DIAGNOSTICS - 1);
    const rest = all.slice(MAX_DIAGNOSTICS - 1);
    const severity: Severity = rest.some((d) => d.severity === 'error') ? 'error' : rest.some((d) => d.severity === 'warning') ? 'warning' : 'info';
    const first = rest[0] as Diagnostic;
    shown.push({ ...first, severity, message: `${rest.length} more problems from here on are not listed (the first ${MAX_DIAGNOSTICS - 1} are)` });
    return shown;
  }
}

/**
 * Runs a parser and turns an unexpected exception into an error diagnostic: the editors call
 * parsers on every keystroke, and a parser must never throw (property-tested, this is the backstop).
 */
export function neverThrow<T>(text: string, parse: () => ParseResult<T>): ParseResult<T> {
  try {
    return parse();
  } catch (e) {
    const sink = new DiagnosticSink(typeof text === 'string' ? text : '');
    sink.error(`internal parser error: ${e instanceof Error ? e.message : String(e)}`, 0, 0);
    return { value: null, diagnostics: sink.list };
  }
}

/** Offset where the first line ends: a span for diagnostics about the file as a whole. */
export function firstLineEnd(text: string): number {
  const eol = text.indexOf('\n');
  return eol < 0 ? text.length : eol;
}

function clamp(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.trunc(n)));
}
