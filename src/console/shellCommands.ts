/**
 * The node shell's file commands — `ls`, `cat`, `cd` — and the notes that explain what a
 * student sees in `storage/framework/sessions` under each session driver.
 */
import type { FaultAction } from '../sim/types';
import type { NodeShellContext } from './nodeShell';
import { columnFormat, longFormat } from './lsFormat';
import { type FsEntry, HOME_DIR, resolvePath, SESSIONS_DIR, type ShellFs } from './shellFs';
import { fail, ok, type ReadFile, type Run } from './textTools';

/** What one input line shares between its commands. */
export interface LineState {
  fs: ShellFs;
  ctx: NodeShellContext;
  cwd: string;
  clear: boolean;
  notes: string[];
  /** What the line does to the cluster (applied by the caller). */
  actions: FaultAction[];
  now: number;
}

export function readerFor(st: LineState): ReadFile {
  return (tool, path) => {
    const e = st.fs.stat(resolvePath(st.cwd, path));
    if (!e) return { err: `${tool}: ${path}: No such file or directory` };
    if (e.kind === 'dir') return { err: `${tool}: ${path}: Is a directory` };
    if (e.content === null) notHeld(st, path);
    return { text: e.content ?? '' };
  };
}

function notHeld(st: LineState, path: string): void {
  st.notes.push(`The simulator does not hold the contents of ${path}; it models the session files and .env.`);
}

const LS_FLAGS = new Set(['l', 'a', 'A', '1', 't', 'r', 'C']);

export function ls(st: LineState, args: string[], tty: boolean): Run {
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const a of args) {
    if (a.startsWith('--') && a.length > 2) return fail(`ls: unrecognized option '${a}'\nTry 'ls --help' for more information.\n`, 2);
    if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (!LS_FLAGS.has(f)) return fail(`ls: invalid option -- '${f}'\nTry 'ls --help' for more information.\n`, 2);
        flags.add(f);
      }
    } else operands.push(a);
  }
  const long = flags.has('l');
  const oneLine = flags.has('1') || (!tty && !flags.has('C'));
  const sort = (es: FsEntry[]): FsEntry[] => {
    const byName = (a: FsEntry, b: FsEntry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const sorted = [...es].sort(flags.has('t') ? (a, b) => b.mtime - a.mtime || byName(a, b) : byName);
    return flags.has('r') ? sorted.reverse() : sorted;
  };
  const render = (es: FsEntry[], withTotal: boolean): string[] =>
    long ? longFormat(es, st.now, withTotal) : oneLine ? es.map((e) => e.name) : columnFormat(es.map((e) => e.name));

  const targets = operands.length > 0 ? operands : ['.'];
  let err = '';
  let status = 0;
  const files: FsEntry[] = [];
  const dirs: { label: string; path: string }[] = [];
  for (const t of targets) {
    const path = resolvePath(st.cwd, t);
    const e = st.fs.stat(path);
    if (!e) {
      err += `ls: cannot access '${t}': No such file or directory\n`;
      status = 2;
    } else if (e.kind === 'dir') dirs.push({ label: t, path });
    else files.push({ ...e, name: t });
  }
  const blocks: string[] = [];
  if (files.length > 0) blocks.push(render(sort(files), false).join('\n') + '\n');
  for (const d of dirs) {
    let es = (st.fs.list(d.path) ?? []).filter((e) => flags.has('a') || flags.has('A') || !e.name.startsWith('.'));
    if (flags.has('a')) {
      const self = st.fs.stat(d.path);
      const parent = st.fs.stat(resolvePath(d.path, '..'));
      if (self && parent) es = [{ ...self, name: '.' }, { ...parent, name: '..' }, ...es];
    }
    const body = render(sort(es), true);
    const header = targets.length > 1 ? `${d.label}:\n` : '';
    blocks.push(header + body.map((l) => l + '\n').join(''));
    if (d.path === SESSIONS_DIR) sessionsNote(st);
  }
  return { out: blocks.join('\n'), err, status };
}

/** Why the sessions directory looks the way it does under the current driver. */
function sessionsNote(st: LineState): void {
  const s = st.ctx.settings.session;
  const count = st.ctx.node.disk.files.size;
  if (s.driver === 'file') {
    if (count === 0) st.notes.push(`No session files on ${st.ctx.node.name} yet: with SESSION_DRIVER=file each node keeps only the sessions it wrote itself.`);
    return;
  }
  if (count > 0) {
    st.notes.push(`SESSION_DRIVER=${s.driver}, yet these files exist: the node fell back to its own disk while Redis was unreachable (a fallback Laravel does not have).`);
    return;
  }
  const where: Record<string, string> = {
    redis: 'sessions live in Redis, not on this disk (try KEYS * in redis-cli).',
    cookie: "each session lives in the browser's encrypted cookie, not on this disk.",
    array: 'sessions live in memory for one request and are never stored.',
  };
  st.notes.push(`SESSION_DRIVER=${s.driver}: ${where[s.driver] ?? 'sessions are not stored on this disk.'} Only Laravel's .gitignore is here.`);
}

export function cat(st: LineState, args: string[], stdin: string, tty: boolean): Run {
  const bad = args.find((a) => a.startsWith('-') && a.length > 1);
  if (bad) return fail(`cat: invalid option -- '${bad.slice(1, 2)}'\nTry 'cat --help' for more information.\n`);
  if (args.length === 0) {
    if (tty && stdin === '') st.notes.push('cat with no file reads the keyboard until Ctrl+D; give it a file, e.g. cat .env.');
    return ok(stdin);
  }
  let out = '';
  let err = '';
  for (const a of args) {
    const path = resolvePath(st.cwd, a);
    const e = st.fs.stat(path);
    if (!e) {
      err += `cat: ${a}: No such file or directory\n`;
      const id = a.slice(a.lastIndexOf('/') + 1);
      if (/^[A-Za-z0-9]{40}$/.test(id) && path.startsWith(SESSIONS_DIR + '/') && st.ctx.settings.session.driver === 'file') {
        st.notes.push(`No session ${id.slice(0, 8)}… on ${st.ctx.node.name}: with the file driver it exists only on the node that wrote it.`);
      }
    } else if (e.kind === 'dir') err += `cat: ${a}: Is a directory\n`;
    else {
      if (e.content === null) notHeld(st, a);
      out += e.content ?? '';
    }
  }
  return { out, err, status: err ? 1 : 0 };
}

export function cd(st: LineState, args: string[]): Run {
  if (args.length > 1) return fail('bash: cd: too many arguments\n');
  const target = args[0] ?? HOME_DIR;
  if (target === '-') return fail('bash: cd: OLDPWD not set\n');
  const path = resolvePath(st.cwd, target);
  const e = st.fs.stat(path);
  if (!e) return fail(`bash: cd: ${target}: No such file or directory\n`);
  if (e.kind !== 'dir') return fail(`bash: cd: ${target}: Not a directory\n`);
  st.cwd = path;
  return ok('');
}
