/**
 * A shell on one app node, as `www-data` in `/var/www/html`: what a student types after
 * `ssh node-2` to see why the file driver loses sessions in a cluster. It answers the way bash
 * and coreutils would (`ls -la`, `cat`, `cd`, pipes into `wc -l`/`grep`/`head`), plus
 * `php artisan about` / `config:show session`. Read-only: it never changes the simulation.
 */
import type { FaultAction, SimSettings } from '../sim/types';
import type { NodeFiles } from '../sim/read';
import { dateLine } from './clock';
import { runArtisan } from './artisanCommand';
import { nodeEnvText } from './nodeEnv';
import { cat, cd, type LineState, ls, readerFor } from './shellCommands';
import { APP_DIR, HOME_DIR, resolvePath, ShellFs } from './shellFs';
import { compileGlob, globMatch, hasBashGlob } from '../sim/glob';
import { parseShellLine, type Word } from './shellSyntax';
import { fail, grep, headTail, ok, type Run, wc } from './textTools';

/** What a shell reads of its node: its name and disk (the simulation's read API hands it over). */
export type ShellNodeView = NodeFiles;

export interface NodeShellContext {
  node: ShellNodeView;
  settings: Readonly<SimSettings>;
  /** Virtual ms since the start of the run (session mtimes are in the same clock). */
  nowMs: number;
  /** Wall-clock ms of virtual time 0 (`VIRTUAL_EPOCH_MS`). */
  epochMs: number;
  /** Working directory; `/var/www/html` when absent. */
  cwd?: string;
  /** `$?` of the previous line. */
  lastStatus?: number;
}

export interface NodeShellResult {
  /** What the terminal shows (no trailing newline). */
  output: string;
  /** Exit status of the last command. */
  status: number;
  /** A teaching note shown beside the output (not something bash prints). */
  note?: string;
  /** The working directory after the line, when `cd` changed it. */
  cwd?: string;
  /** `clear` ran: the terminal should be emptied. */
  clear?: true;
  /** What the line does to the cluster (`php artisan cache:clear`), for the caller to apply. */
  actions?: FaultAction[];
}

/** How long before virtual time 0 the app was deployed: the mtime of its files. */
export const DEPLOYED_BEFORE_MS = 10 * 60_000;

/** `www-data@node-2:/var/www/html$` */
export function nodePrompt(node: string, cwd: string = APP_DIR): string {
  return `www-data@${node}:${cwd}$`;
}

const COMMANDS = ['cat', 'cd', 'clear', 'date', 'echo', 'exit', 'false', 'grep', 'head', 'help', 'hostname', 'ls', 'php', 'pwd', 'tail', 'true', 'wc', 'whoami'];

/** Real commands a server has that this shell does not run: it says so instead of "command not found". */
const NOT_MODELLED = new Set([
  'rm', 'mv', 'cp', 'touch', 'mkdir', 'rmdir', 'chmod', 'chown', 'ln', 'vi', 'vim', 'nano', 'less', 'more', 'find', 'stat',
  'sudo', 'su', 'apt', 'apt-get', 'curl', 'wget', 'ssh', 'scp', 'ps', 'top', 'htop', 'kill', 'df', 'du', 'free', 'uptime',
  'env', 'printenv', 'export', 'sort', 'uniq', 'awk', 'sed', 'xargs', 'tee', 'composer', 'npm', 'node', 'git', 'systemctl',
  'service', 'nginx', 'php-fpm', 'tree', 'file', 'history', 'ping', 'nc', 'telnet', 'mysql', 'redis-cli',
]);

export const HELP_TEXT = [
  'This simulated shell runs as www-data on one app node of the cluster. It answers:',
  '  ls [-laAt1r] [PATH]      e.g. ls -la storage/framework/sessions',
  '  cat FILE                 e.g. cat storage/framework/sessions/<id>, cat .env',
  '  cd, pwd, hostname, whoami, date, echo, clear',
  '  php artisan about        php artisan config:show session',
  '  | wc -l, | grep TEXT, | head -n N, | tail -n N, and ; && || between commands',
  '  php artisan cache:clear  flushes the Redis cache database (the one command that changes the cluster)',
  'Tab completes file names. Otherwise the shell is read-only.',
].join('\n');

/** Run one input line. Never throws for any input. */
export function runNodeShell(ctx: NodeShellContext, line: string): NodeShellResult {
  const st: LineState = { fs: shellFs(ctx), ctx, cwd: ctx.cwd ?? APP_DIR, clear: false, notes: [], actions: [], now: ctx.epochMs + ctx.nowMs };
  const startCwd = st.cwd;
  const vars = (name: string): string | undefined => {
    const all = shellVars(st);
    return Object.hasOwn(all, name) ? all[name] : undefined;
  };
  const parsed = parseShellLine(line, vars);
  if (!parsed.ok) {
    if ('unsupported' in parsed) {
      return { output: '', status: 2, note: `This simulated shell runs commands, pipes (|) and lists (; && ||); ${parsed.unsupported} is not supported.` };
    }
    return { output: parsed.error, status: 2 };
  }
  let out = '';
  let status = ctx.lastStatus ?? 0;
  for (const item of parsed.items) {
    if ((item.op === '&&' && status !== 0) || (item.op === '||' && status === 0)) continue;
    let stdin = '';
    item.commands.forEach((words, i) => {
      const last = i === item.commands.length - 1;
      const argv = expandGlobs(st, words);
      const r = runCommand(st, argv, stdin, last);
      out += r.err;
      stdin = r.out;
      status = r.status;
      if (last) out += r.out;
    });
  }
  const result: NodeShellResult = { output: out.endsWith('\n') ? out.slice(0, -1) : out, status };
  if (st.notes.length > 0) result.note = [...new Set(st.notes)].join(' ');
  if (st.cwd !== startCwd) result.cwd = st.cwd;
  if (st.clear) result.clear = true;
  if (st.actions.length > 0) result.actions = st.actions;
  return result;
}

function shellFs(ctx: NodeShellContext): ShellFs {
  const sessions = new Map<string, { data: string; mtime: number }>();
  for (const [id, f] of ctx.node.disk.files) sessions.set(id, { data: f.data, mtime: ctx.epochMs + f.mtime });
  return new ShellFs({ sessions, envText: nodeEnvText(ctx.settings), deployedAt: ctx.epochMs - DEPLOYED_BEFORE_MS });
}

function shellVars(st: LineState): Record<string, string> {
  return {
    HOME: HOME_DIR, USER: 'www-data', LOGNAME: 'www-data', HOSTNAME: st.ctx.node.name, PWD: st.cwd, SHELL: '/bin/bash',
    '?': String(st.ctx.lastStatus ?? 0),
  };
}

/**
 * Bash's pathname expansion (`*`, `?`, `[…]`) in the last path component; no match keeps the word.
 * Matching is {@link globMatch}: bounded by pattern × name, whatever the pattern.
 */
function expandGlobs(st: LineState, words: Word[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (!w.glob) {
      out.push(w.text);
      continue;
    }
    const slash = w.pattern.lastIndexOf('/');
    const dirPattern = slash >= 0 ? w.pattern.slice(0, slash + 1) : '';
    const pattern = w.pattern.slice(slash + 1);
    const textSlash = w.text.lastIndexOf('/');
    const dirPart = textSlash >= 0 ? w.text.slice(0, textSlash + 1) : '';
    const entries = hasBashGlob(dirPattern) ? null : st.fs.list(resolvePath(st.cwd, dirPart || '.'));
    const glob = compileGlob(pattern, 'bash');
    const dotOk = pattern.startsWith('.') || pattern.startsWith('\\.');
    const hits = (entries ?? []).filter((e) => (dotOk || !e.name.startsWith('.')) && globMatch(glob, e.name)).map((e) => dirPart + e.name);
    out.push(...(hits.length > 0 ? hits : [w.text]));
  }
  return out;
}

function runCommand(st: LineState, argv: string[], stdin: string, tty: boolean): Run {
  const [name, ...args] = argv;
  if (name === undefined) return ok('');
  const read = readerFor(st);
  switch (name) {
    case 'ls':
      return ls(st, args, tty);
    case 'cat':
      return cat(st, args, stdin, tty);
    case 'cd':
      return cd(st, args);
    case 'pwd':
      return ok(st.cwd + '\n');
    case 'echo': {
      const noNewline = args[0] === '-n';
      return ok(args.slice(noNewline ? 1 : 0).join(' ') + (noNewline ? '' : '\n'));
    }
    case 'hostname':
      return ok(st.ctx.node.name + '\n');
    case 'whoami':
      return ok('www-data\n');
    case 'date':
      return ok(dateLine(st.now) + '\n');
    case 'clear':
      st.clear = true;
      return ok('');
    case 'help':
      return ok(HELP_TEXT + '\n');
    case 'true':
      return ok('');
    case 'false':
      return fail('');
    case 'exit':
    case 'logout':
      st.notes.push('This shell stays open: switch nodes with the tabs above it.');
      return ok('');
    case 'wc':
      return wc(args, stdin, read);
    case 'head':
    case 'tail':
      return headTail(name, args, stdin, read);
    case 'grep':
      return grep(args, stdin, read);
    case 'php':
      return runArtisan(st.ctx.settings, args, (n) => st.notes.push(n), (a) => st.actions.push(a));
    default:
      if (NOT_MODELLED.has(name)) {
        st.notes.push(`${name} is a real command on a server; this simulated shell is read-only and does not run it (type help).`);
        return fail('', 127);
      }
      return fail(`bash: ${name}: command not found\n`, 127);
  }
}

/** Tab completion: the completed line, and the candidates to list when the word is ambiguous. */
export function completeNodeShell(ctx: NodeShellContext, line: string): { line: string; candidates: string[] } {
  // Scanned back by hand: `/[^\s;|&]*$/` and `/\s*$/` retry from every character of a long run (a pasted line froze the tab on Tab).
  let from = line.length;
  while (from > 0 && !/[\s;|&]/.test(line[from - 1] as string)) from--;
  const word = line.slice(from);
  const before = line.slice(0, from);
  let k = from;
  while (k > 0 && /\s/.test(line[k - 1] as string)) k--;
  const isCommand = k === 0 || ';|&'.includes(line[k - 1] as string);
  let names: { name: string; dir: boolean }[];
  let dirPart = '';
  let prefix = word;
  if (isCommand && !word.includes('/')) {
    names = COMMANDS.map((name) => ({ name, dir: false }));
  } else {
    const slash = word.lastIndexOf('/');
    dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
    prefix = word.slice(slash + 1);
    const entries = shellFs(ctx).list(resolvePath(ctx.cwd ?? APP_DIR, dirPart || '.')) ?? [];
    names = entries.map((e) => ({ name: e.name, dir: e.kind === 'dir' }));
  }
  const hits = names.filter((n) => n.name.startsWith(prefix) && (prefix.startsWith('.') || !n.name.startsWith('.')));
  const only = hits[0];
  if (hits.length === 0 || !only) return { line, candidates: [] };
  if (hits.length === 1) return { line: before + dirPart + only.name + (only.dir ? '/' : ' '), candidates: [] };
  let common = only.name;
  for (const h of hits) while (!h.name.startsWith(common)) common = common.slice(0, -1);
  if (common.length > prefix.length) return { line: before + dirPart + common, candidates: [] };
  return { line, candidates: hits.map((h) => h.name + (h.dir ? '/' : '')) };
}
