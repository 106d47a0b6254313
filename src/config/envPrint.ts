/**
 * Writing `.env` text: `printEnv` for a fresh fragment, `updateEnvText` to change only the lines
 * a UI control touched, keeping the student's comments, order and unknown keys.
 */
import type { RedisSettings, SessionSettings } from '../sim/types';
import { DiagnosticSink } from './diagnostic';
import { parseEnv } from './env';
import { ENV_FIELDS, type EnvField } from './envKeys';
import { lexEnv } from './envLexer';

/** Settings to write; absent fields are left alone. */
export interface EnvChanges {
  session?: Partial<SessionSettings>;
  redis?: Partial<RedisSettings>;
}

type EnvScalar = string | number | boolean | null;

/**
 * A value as phpdotenv reads it back: bare when it is plain, else double-quoted with
 * `\\ \" \$ \n \r \t` escaped (a bare value may not hold whitespace, `#`, quotes or `${`).
 */
export function formatEnvValue(v: EnvScalar): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (/^[A-Za-z0-9_.,:/@+\-=%^*!?~[\]()&|<>;]*$/.test(v) && !/^['"]/.test(v)) return v;
  const esc = v.replace(/[\\"$\n\r\t\f\v]/g, (c) => ESC[c] ?? c);
  return `"${esc}"`;
}

const ESC: Record<string, string> = { '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f', '\v': '\\v' };

function fieldValue(f: EnvField, changes: EnvChanges): EnvScalar | undefined {
  const group = f.group === 'session' ? changes.session : changes.redis;
  if (!group) return undefined;
  const v = (group as Record<string, unknown>)[f.field];
  return v === undefined ? undefined : (v as EnvScalar);
}

/** A realistic .env fragment (Laravel 12 skeleton order) for the given settings. */
export function printEnv(session: Partial<SessionSettings>, redis: Partial<RedisSettings>): string {
  const changes: EnvChanges = { session, redis };
  const blocks: string[][] = [[], [], []];
  for (const f of ENV_FIELDS) {
    const v = fieldValue(f, changes);
    if (v === undefined) continue;
    const block = f.key === 'APP_NAME' ? 0 : f.group === 'session' ? 1 : 2;
    blocks[block]?.push(`${f.key}=${formatEnvValue(v)}`);
  }
  return blocks.filter((b) => b.length > 0).map((b) => b.join('\n') + '\n').join('\n');
}

/**
 * Rewrites only the affected values of an existing .env text. The line that wins (the last one
 * for a key) is changed in place, keeping `export`, trailing comments and the rest of the file;
 * a missing key is added after the last key of its group (APP_, SESSION_, REDIS_) or at the end.
 * Values that already read as the requested one are left exactly as the student wrote them.
 */
export function updateEnvText(text: string, changes: EnvChanges): string {
  const current = parseEnv(text).value ?? { session: {}, redis: {} };
  const entries = lexEnv(text, new DiagnosticSink(text));
  const edits: { at: number; to: number; insert: string }[] = [];
  const appended = new Map<number, string[]>();
  for (const f of ENV_FIELDS) {
    const v = fieldValue(f, changes);
    if (v === undefined) continue;
    const now = (f.group === 'session' ? current.session : current.redis) as Record<string, unknown>;
    const entry = [...entries].reverse().find((e) => e.key === f.key);
    if (entry && now[f.field] === v) continue;
    if (entry) {
      edits.push({ at: entry.rawFrom, to: entry.rawTo, insert: formatEnvValue(v) });
      continue;
    }
    const prefix = f.key.slice(0, f.key.indexOf('_') + 1);
    const anchor = [...entries].reverse().find((e) => e.key.startsWith(prefix));
    const at = anchor ? anchor.lineTo : -1;
    const list = appended.get(at) ?? [];
    list.push(`${f.key}=${formatEnvValue(v)}`);
    appended.set(at, list);
  }
  for (const [at, lines] of appended) {
    if (at >= 0) edits.push({ at, to: at, insert: lines.map((l) => '\n' + l).join('') });
    else {
      const sep = text === '' || text.endsWith('\n') ? '' : '\n';
      edits.push({ at: text.length, to: text.length, insert: sep + lines.join('\n') + '\n' });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.to);
  return out;
}
