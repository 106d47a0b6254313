/**
 * Tab completion for the redis-cli console: the command name first, then key names from
 * the keys the student can know of (the sessions the browsers hold, keys SCAN or KEYS
 * printed). Like a shell: a unique match completes with a space after it; several complete
 * to their longest common prefix and are listed. Pure functions, no Redis call (completing
 * must not show up in INFO commandstats as a KEYS the student never typed).
 */

/** Commands offered for completion: the ones the lessons and the console's tip use, and their neighbours. */
export const REDIS_COMMANDS: readonly string[] = [
  'APPEND', 'CONFIG', 'DBSIZE', 'DEL', 'ECHO', 'EXISTS', 'EXPIRE', 'FLUSHALL', 'FLUSHDB', 'GET', 'INCR', 'INFO', 'KEYS',
  'MEMORY', 'MGET', 'MONITOR', 'OBJECT', 'PERSIST', 'PEXPIRE', 'PING', 'PTTL', 'SCAN', 'SET', 'SETEX', 'STRLEN', 'TIME',
  'TTL', 'TYPE', 'UNLINK',
];

/** Commands whose arguments are not key names (their words complete to nothing). */
const NO_KEY_ARGS = new Set(['CONFIG', 'DBSIZE', 'ECHO', 'FLUSHALL', 'FLUSHDB', 'INFO', 'MONITOR', 'PING', 'TIME']);

export interface Completion {
  /** The input line after Tab. */
  line: string;
  /** What matched, when more than one did (to list under the prompt); empty otherwise. */
  candidates: string[];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Complete the last word of `line` (a command name, or a key name from `keys`). */
export function completeRedisLine(line: string, keys: Iterable<string>): Completion {
  const words = line.trimStart().split(/\s+/);
  const onCommand = words.length === 1 && !/\s$/.test(line);
  if (onCommand) {
    const typed = words[0]!;
    const hits = REDIS_COMMANDS.filter((c) => c.startsWith(typed.toUpperCase()));
    if (hits.length === 0) return { line, candidates: [] };
    const lower = typed !== '' && typed === typed.toLowerCase();
    const fix = (s: string) => (lower ? s.toLowerCase() : s);
    const lead = line.slice(0, line.length - typed.length);
    if (hits.length === 1) return { line: `${lead}${fix(hits[0]!)} `, candidates: [] };
    return { line: `${lead}${fix(commonPrefix(hits))}`, candidates: hits.map(fix) };
  }
  if (NO_KEY_ARGS.has((words[0] ?? '').toUpperCase())) return { line, candidates: [] };
  const typed = /\s$/.test(line) ? '' : words.at(-1)!;
  const lead = line.slice(0, line.length - typed.length);
  const hits = [...new Set(keys)].filter((k) => k.startsWith(typed)).sort();
  if (hits.length === 0) return { line, candidates: [] };
  if (hits.length === 1) return { line: `${lead}${hits[0]} `, candidates: [] };
  const prefix = commonPrefix(hits);
  return { line: `${lead}${prefix.length > typed.length ? prefix : typed}`, candidates: hits };
}

/** Key names in redis-cli output: the quoted items of an array reply (`1) "laravel_…"`). */
export function keysInOutput(output: string): string[] {
  const out: string[] = [];
  for (const m of output.matchAll(/^\s*\d+\)\s+(?:\d+\)\s+)?"([^"\s\\]{6,})"$/gm)) out.push(m[1]!);
  return out;
}

/** A line of output cut into plain text and key names a click can copy. */
export type OutputPart = { text: string; key?: undefined } | { text: string; key: string };

/** Split an output line around the quoted key names it holds (`1) "laravel_…"`). */
export function splitKeys(line: string): OutputPart[] {
  const parts: OutputPart[] = [];
  let at = 0;
  for (const m of line.matchAll(/"([A-Za-z0-9_:.\-{}]{6,})"/g)) {
    if (m.index > at) parts.push({ text: line.slice(at, m.index) });
    parts.push({ text: m[0], key: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < line.length) parts.push({ text: line.slice(at) });
  return parts;
}
