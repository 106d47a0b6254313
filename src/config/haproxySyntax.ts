/**
 * HAProxy's configuration syntax (`parse_line` in src/tools.c, sections in src/cfgparse.c):
 * one statement per line, words split by spaces and tabs, `#` starts a comment outside quotes,
 * `'…'` is literal, `"…"` and bare words take backslash escapes. A section starts with its
 * keyword (`defaults`, `frontend`, `backend`, `listen`, …) and runs to the next one.
 */
import type { DiagnosticSink } from './diagnostic';

export interface HapWord {
  text: string;
  from: number;
  to: number;
}

export interface HapLine {
  words: HapWord[];
  from: number;
}

export interface HapSection {
  keyword: HapWord;
  name: HapWord | null;
  lines: HapLine[];
}

export const SECTION_KEYWORDS = new Set([
  'global', 'defaults', 'frontend', 'backend', 'listen', 'resolvers', 'peers', 'userlist', 'mailers', 'program',
  'http-errors', 'ring', 'cache', 'fcgi-app', 'log-forward', 'crt-store', 'traces', 'acme',
]);

const ESC: Record<string, string> = { ' ': ' ', '#': '#', $: '$', '\\': '\\', '"': '"', "'": "'", r: '\r', n: '\n', t: '\t' };

/** Splits one line into words; reports an unmatched quote. */
export function lexHaproxyLine(text: string, from: number, to: number, sink: DiagnosticSink): HapWord[] {
  const words: HapWord[] = [];
  let i = from;
  while (i < to) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') break;
    const start = i;
    let buf = '';
    let quote: string | null = null;
    let quoteAt = i;
    while (i < to) {
      const d = text[i] ?? '';
      if (quote === null && (d === ' ' || d === '\t' || d === '\r' || d === '#')) break;
      if (d === quote) {
        quote = null;
        i++;
      } else if (quote === null && (d === '"' || d === "'")) {
        quote = d;
        quoteAt = i;
        i++;
      } else if (d === '\\' && quote !== "'" && i + 1 < to) {
        const e = ESC[text[i + 1] ?? ''];
        buf += e ?? '\\' + text[i + 1];
        i += 2;
      } else {
        buf += d;
        i++;
      }
    }
    if (quote !== null) sink.error('unmatched quote', quoteAt, to);
    words.push({ text: buf, from: start, to: i });
  }
  return words;
}

/** The file as sections, plus the lines that came before any section header. */
export function parseHaproxy(text: string, sink: DiagnosticSink): { sections: HapSection[]; outside: HapLine[] } {
  const sections: HapSection[] = [];
  const outside: HapLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const words = lexHaproxyLine(text, pos, end, sink);
    const first = words[0];
    if (first) {
      if (SECTION_KEYWORDS.has(first.text)) sections.push({ keyword: first, name: words[1] ?? null, lines: [] });
      else {
        const line = { words, from: pos };
        const cur = sections[sections.length - 1];
        if (cur) cur.lines.push(line);
        else outside.push(line);
      }
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return { sections, outside };
}
