/**
 * The text filters students pipe into: `wc`, `head`, `tail`, `grep` (fixed strings, `-c -v -i`).
 * Each reads its file arguments, or standard input when there are none, like coreutils.
 */

/** What a command writes: stdout, stderr and its exit status. */
export interface Run {
  out: string;
  err: string;
  status: number;
}

export const ok = (out: string): Run => ({ out, err: '', status: 0 });
export const fail = (err: string, status = 1): Run => ({ out: '', err, status });

/** Reads a file for a filter: its text, or an error line such as `wc: x: No such file or directory`. */
export type ReadFile = (tool: string, path: string) => { text: string } | { err: string };

function lines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (text.endsWith('\n')) parts.pop();
  return parts;
}

/** `head`/`tail` `-n N` / `-N` / `-nN`; default 10. Returns null for an invalid count. */
function countArg(args: string[]): { n: number; files: string[] } | { bad: string } {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    let v: string | undefined;
    if (a === '-n') v = args[++i];
    else if (/^-n/.test(a)) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else {
      files.push(a);
      continue;
    }
    if (v === undefined || !/^\d+$/.test(v)) return { bad: v ?? '' };
    n = Number(v);
  }
  return { n, files };
}

function inputs(tool: string, files: string[], stdin: string, read: ReadFile): { texts: { name: string | null; text: string }[]; err: string } {
  if (files.length === 0) return { texts: [{ name: null, text: stdin }], err: '' };
  const texts: { name: string | null; text: string }[] = [];
  let err = '';
  for (const f of files) {
    const r = read(tool, f);
    if ('err' in r) err += r.err + '\n';
    else texts.push({ name: f, text: r.text });
  }
  return { texts, err };
}

export function headTail(tool: 'head' | 'tail', args: string[], stdin: string, read: ReadFile): Run {
  const a = countArg(args);
  if ('bad' in a) return fail(`${tool}: invalid number of lines: '${a.bad}'\n`);
  const { texts, err } = inputs(tool, a.files, stdin, read);
  let out = '';
  texts.forEach((t, i) => {
    if (texts.length > 1) out += `${i > 0 ? '\n' : ''}==> ${t.name} <==\n`;
    const ls = lines(t.text);
    const pick = tool === 'head' ? ls.slice(0, a.n) : a.n === 0 ? [] : ls.slice(-a.n);
    out += pick.map((l) => l + '\n').join('');
  });
  return { out, err, status: err ? 1 : 0 };
}

export function wc(args: string[], stdin: string, read: ReadFile): Run {
  const flags = new Set<string>();
  const files: string[] = [];
  for (const a of args) {
    if (/^-[lwc]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith('-') && a !== '-') return fail(`wc: invalid option -- '${a.slice(1, 2)}'\nTry 'wc --help' for more information.\n`);
    else files.push(a);
  }
  const want = flags.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((f) => flags.has(f));
  const { texts, err } = inputs('wc', files, stdin, read);
  const rows = texts.map((t) => {
    const counts: Record<string, number> = {
      l: (t.text.match(/\n/g) ?? []).length,
      w: t.text.split(/\s+/).filter((w) => w !== '').length,
      c: new TextEncoder().encode(t.text).length,
    };
    return { nums: want.map((f) => counts[f] ?? 0), name: t.name };
  });
  if (rows.length > 1) rows.push({ nums: want.map((_, i) => rows.reduce((s, r) => s + (r.nums[i] ?? 0), 0)), name: 'total' });
  // coreutils prints a lone count bare; otherwise it pads to the width of the total byte count,
  // or to 7 when reading a pipe, whose size it cannot know
  const single = rows.length === 1 && want.length === 1;
  const fromPipe = files.length === 0;
  const width = single ? 0 : fromPipe ? 7 : Math.max(1, ...rows.flatMap((r) => r.nums.map((n) => String(n).length)));
  const out = rows.map((r) => [...r.nums.map((n) => String(n).padStart(width)), ...(r.name === null ? [] : [r.name])].join(' ') + '\n').join('');
  return { out, err, status: err ? 1 : 0 };
}

export function grep(args: string[], stdin: string, read: ReadFile): Run {
  let count = false, invert = false, ignoreCase = false;
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[cvi]+$/.test(a)) {
      count ||= a.includes('c');
      invert ||= a.includes('v');
      ignoreCase ||= a.includes('i');
    } else if (a.startsWith('-') && a.length > 1) return fail(`grep: this simulated grep supports -c, -v and -i only\n`, 2);
    else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) return fail("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", 2);
  const needle = ignoreCase ? pattern.toLowerCase() : pattern;
  const { texts, err } = inputs('grep', files, stdin, read);
  let out = '';
  let matched = false;
  for (const t of texts) {
    const hits = lines(t.text).filter((l) => (ignoreCase ? l.toLowerCase() : l).includes(needle) !== invert);
    matched ||= hits.length > 0;
    const prefix = texts.length > 1 ? `${t.name}:` : '';
    out += count ? `${prefix}${hits.length}\n` : hits.map((l) => prefix + l + '\n').join('');
  }
  return { out, err, status: err ? 2 : matched ? 0 : 1 };
}
