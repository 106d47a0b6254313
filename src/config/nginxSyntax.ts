/**
 * nginx's configuration syntax, as `ngx_conf_read_token` and `ngx_conf_parse` read it: words split
 * by whitespace, `;` ends a directive, `{ }` hold a block, `#` starts a comment where a word could
 * start, quotes group a word (escapes `\" \' \\ \t \r \n`), and `{` right after `$` belongs to the
 * word (`${var}`). Errors use nginx's wording. Unlike nginx this keeps going after an error, so an
 * editor can show every problem, and it runs without recursion so deep nesting cannot overflow.
 */
import type { DiagnosticSink } from './diagnostic';

/** One word, with its text after unquoting and where it sits in the source. */
export interface NgxToken {
  text: string;
  from: number;
  to: number;
  quoted: boolean;
  /** True when escapes make `text` differ from the source between the quotes. */
  escaped: boolean;
}

/** A directive: its name, arguments and, for block directives, the statements inside. */
export interface NgxStatement {
  name: NgxToken;
  args: NgxToken[];
  block: NgxStatement[] | null;
  /** How it ended: `;`, a `{ }` block, or nothing (an error was reported). */
  end: 'semicolon' | 'block' | 'none';
}

type Lexeme = { kind: 'word'; tok: NgxToken } | { kind: ';' | '{' | '}'; at: number };

const WS = new Set([' ', '\t', '\r', '\n']);
const ESC: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', t: '\t', r: '\r', n: '\n' };

export function lexNginx(text: string, sink: DiagnosticSink): Lexeme[] {
  const out: Lexeme[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i] ?? '';
    if (WS.has(c)) {
      i++;
    } else if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e + 1;
    } else if (c === ';' || c === '{' || c === '}') {
      out.push({ kind: c, at: i });
      i++;
    } else if (c === '"' || c === "'") {
      const from = i;
      let buf = '';
      let escaped = false;
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) {
          const e = ESC[text[i + 1] ?? ''];
          buf += e ?? '\\' + text[i + 1];
          escaped ||= e !== undefined;
          i += 2;
        } else buf += text[i++];
      }
      if (i >= n) {
        sink.error(`unexpected end of file, expecting "${c}" to close the quoted string`, from, n);
        out.push({ kind: 'word', tok: { text: buf, from, to: n, quoted: true, escaped } });
        break;
      }
      i++;
      out.push({ kind: 'word', tok: { text: buf, from, to: i, quoted: true, escaped } });
      const next = text[i];
      if (next !== undefined && !WS.has(next) && next !== ';' && next !== '{' && next !== ')') {
        // nginx stops here; skip the glued characters so they do not turn into a word of their own.
        const at = i;
        while (i < n && !WS.has(text[i] ?? '') && text[i] !== ';' && text[i] !== '{') i++;
        sink.error(`unexpected "${next}"`, at, i);
      }
    } else {
      const from = i;
      let buf = '';
      let escaped = false;
      while (i < n) {
        const d = text[i] ?? '';
        if (d === '\\' && i + 1 < n) {
          const e = ESC[text[i + 1] ?? ''];
          buf += e ?? '\\' + text[i + 1];
          escaped ||= e !== undefined;
          i += 2;
          continue;
        }
        if (WS.has(d) || d === ';' || (d === '{' && text[i - 1] !== '$')) break;
        buf += d;
        i++;
      }
      out.push({ kind: 'word', tok: { text: buf, from, to: i, quoted: false, escaped } });
    }
  }
  return out;
}

interface Frame {
  stmts: NgxStatement[];
  /** The block directive this frame fills, or null for the file (or a nameless `{`). */
  owner: NgxStatement | null;
  openAt: number;
}

/**
 * Parses statements. `isDirective(word)` lets it spot a missing `;`: a known directive name
 * starting a new line inside an unfinished directive ends that directive with an error, as a
 * person reading the file would, instead of becoming one more argument.
 */
export function parseNginx(text: string, sink: DiagnosticSink, isDirective: (word: string) => boolean): NgxStatement[] {
  const lexemes = lexNginx(text, sink);
  const root: Frame = { stmts: [], owner: null, openAt: -1 };
  const stack: Frame[] = [root];
  let words: NgxToken[] = [];
  const top = (): Frame => stack[stack.length - 1] ?? root;
  const lineOf = (at: number): number => sink.position(at).line;
  const flush = (end: NgxStatement['end']): NgxStatement | null => {
    const [name, ...args] = words;
    words = [];
    if (!name) return null;
    const st: NgxStatement = { name, args, block: null, end };
    top().stmts.push(st);
    return st;
  };
  for (const lx of lexemes) {
    if (lx.kind === 'word') {
      const prev = words[words.length - 1];
      if (prev && !lx.tok.quoted && isDirective(lx.tok.text) && lineOf(lx.tok.from) > lineOf(prev.to)) {
        sink.error(`directive "${words[0]?.text ?? ''}" is not terminated by ";"`, prev.to, prev.to);
        flush('none');
      }
      words.push(lx.tok);
    } else if (lx.kind === ';') {
      if (words.length === 0) sink.error('unexpected ";"', lx.at, lx.at + 1);
      else flush('semicolon');
    } else if (lx.kind === '{') {
      if (words.length === 0) sink.error('unexpected "{"', lx.at, lx.at + 1);
      const st = flush('block');
      if (st) st.block = [];
      stack.push({ stmts: st ? (st.block ?? []) : [], owner: st, openAt: lx.at });
    } else {
      const pending = words.length > 0;
      if (pending) {
        const last = words[words.length - 1];
        sink.error(`unexpected "}" (is ";" missing after "${last?.text ?? ''}"?)`, lx.at, lx.at + 1);
        flush('none');
      }
      if (stack.length > 1) stack.pop();
      else if (!pending) sink.error('unexpected "}"', lx.at, lx.at + 1);
    }
  }
  if (words.length > 0) {
    sink.error('unexpected end of file, expecting ";" or "}"', text.length, text.length);
    flush('none');
  }
  for (let k = stack.length - 1; k > 0; k--) {
    const f = stack[k];
    const what = f?.owner ? `"${f.owner.name.text}" block opened on line ${lineOf(f.openAt)}` : `block opened on line ${lineOf(f?.openAt ?? 0)}`;
    sink.error(`unexpected end of file, expecting "}" to close the ${what}`, text.length, text.length);
  }
  return root.stmts;
}
