/**
 * The slice of bash's grammar the node shell understands: words with '…' / "…" quoting and
 * backslash escapes, `$VAR` / `${VAR}` / `$?` and `~` expansion, pipelines (`|`) and lists
 * (`;`, `&&`, `||`). Redirections, command substitution and background jobs are reported as
 * unsupported rather than half-run.
 */
import { escapeBashGlob } from '../sim/glob';

/**
 * One word after quote removal and expansion. `pattern` is the same word for pathname expansion:
 * quoted and backslash-escaped characters are escaped there, so `"*"` matches only a `*`.
 * `glob` is set when it held an unquoted `*`, `?` or `[`.
 */
export interface Word {
  text: string;
  pattern: string;
  glob: boolean;
}

/** A pipeline and the operator that joins it to the previous one. */
export interface ListItem {
  op: ';' | '&&' | '||' | null;
  commands: Word[][];
}

export type ParsedLine = { ok: true; items: ListItem[] } | { ok: false; error: string } | { ok: false; unsupported: string };

const BLANK = /[ \t]/;
const NAME = /[A-Za-z0-9_]/;

/** Parse one input line. `vars` answers `$NAME`; unknown names expand to the empty string, as in bash. */
export function parseShellLine(line: string, vars: (name: string) => string | undefined): ParsedLine {
  const items: ListItem[] = [];
  let commands: Word[][] = [];
  let words: Word[] = [];
  let op: ListItem['op'] = null;
  let cur: Word | null = null;
  const endWord = (): void => {
    if (cur) words.push(cur);
    cur = null;
  };
  const word = (): Word => (cur ??= { text: '', pattern: '', glob: false });
  /** Append quoted (literal) text to the current word. */
  const quoted = (text: string): void => {
    const w = word();
    w.text += text;
    w.pattern += escapeBashGlob(text);
  };
  const syntax = (tok: string): ParsedLine => ({ ok: false, error: `bash: syntax error near unexpected token \`${tok}'` });
  const expand = (i: number): { text: string; next: number } => {
    const c = line[i + 1];
    if (c === '?') return { text: vars('?') ?? '0', next: i + 2 };
    if (c === '{') {
      const close = line.indexOf('}', i + 2);
      if (close < 0) return { text: '', next: line.length };
      return { text: vars(line.slice(i + 2, close)) ?? '', next: close + 1 };
    }
    let j = i + 1;
    while (j < line.length && NAME.test(line[j] ?? '')) j++;
    if (j === i + 1) return { text: '$', next: i + 1 };
    return { text: vars(line.slice(i + 1, j)) ?? '', next: j };
  };

  let i = 0;
  while (i < line.length) {
    const ch = line[i] ?? '';
    if (BLANK.test(ch)) {
      endWord();
      i++;
    } else if (ch === '#' && cur === null) {
      break; // a comment runs to the end of the line
    } else if (ch === '\\') {
      if (i + 1 < line.length) quoted(line[i + 1] as string);
      i += 2;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { ok: false, error: "bash: unexpected EOF while looking for matching `''" };
      quoted(line.slice(i + 1, close));
      i = close + 1;
    } else if (ch === '"') {
      word();
      let j = i + 1;
      for (;;) {
        const c = line[j];
        if (c === undefined) return { ok: false, error: 'bash: unexpected EOF while looking for matching `"\'' };
        if (c === '"') break;
        if (c === '`' || (c === '$' && line[j + 1] === '(')) return { ok: false, unsupported: c === '`' ? '`…`' : '$(…)' };
        if (c === '\\' && /["\\$`]/.test(line[j + 1] ?? '')) {
          quoted(line[j + 1] as string);
          j += 2;
        } else if (c === '$') {
          const e = expand(j);
          quoted(e.text);
          j = e.next;
        } else {
          quoted(c);
          j++;
        }
      }
      i = j + 1;
    } else if (ch === '$') {
      if (line[i + 1] === '(') return { ok: false, unsupported: '$(…)' };
      const e = expand(i);
      quoted(e.text); // the simulated shell does not glob the results of expansions
      i = e.next;
    } else if (ch === '`') {
      return { ok: false, unsupported: '`…`' };
    } else if (ch === '~' && cur === null && (i + 1 === line.length || /[/ \t;|&]/.test(line[i + 1] ?? ''))) {
      quoted(vars('HOME') ?? '~');
      i++;
    } else if (ch === '|' || ch === '&' || ch === ';') {
      endWord();
      const two = line.slice(i, i + 2);
      const tok = two === '&&' || two === '||' ? two : ch;
      if (tok === '&') return { ok: false, unsupported: '&' };
      if (tok === '|') {
        if (words.length === 0) return syntax(tok);
        commands.push(words);
        words = [];
      } else {
        if (words.length === 0) return syntax(tok);
        commands.push(words);
        words = [];
        items.push({ op, commands });
        commands = [];
        op = tok as ListItem['op'];
      }
      i += tok.length;
    } else if (ch === '>' || ch === '<') {
      return { ok: false, unsupported: ch };
    } else {
      const w = word();
      if (ch === '*' || ch === '?' || ch === '[') w.glob = true;
      w.text += ch;
      w.pattern += ch;
      i++;
    }
  }
  endWord();
  if (words.length > 0) commands.push(words);
  else if (commands.length > 0) return { ok: false, error: 'bash: syntax error: unexpected end of file' };
  if (commands.length > 0) items.push({ op, commands });
  else if (op === '&&' || op === '||') return { ok: false, error: 'bash: syntax error: unexpected end of file' };
  return { ok: true, items };
}
