/**
 * Run files: *Save run* downloads one, *Open run…* (or a file dropped on the page) and the
 * CLI's `--run FILE` read one. The same JSON as a link's payload, readable, with a format tag.
 */
import { decodeRunText, toRunJson, type DecodeResult, type RunAt } from './link';
import { MAX_RUN_FILE_BYTES } from './runFormat';

export const RUN_FILE_FORMAT = 'session-cluster-lab/run';

export function runFileText(r: RunAt): string {
  return `${JSON.stringify({ format: RUN_FILE_FORMAT, ...toRunJson(r) }, null, 2)}\n`;
}

/** Read a run file's text (`name` is used in messages). */
export function parseRunFile(text: string, name: string): DecodeResult {
  if (text.length > MAX_RUN_FILE_BYTES) return { ok: false, error: `${name}: ${text.length} bytes; a run file is at most ${MAX_RUN_FILE_BYTES}` };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `${name}: not a run file: ${jsonErrorWhere(body, e)}` };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { format?: unknown }).format !== RUN_FILE_FORMAT) {
    return { ok: false, error: `${name}: not a run file (expected "format": "${RUN_FILE_FORMAT}")` };
  }
  const r = decodeRunText(body, 'file');
  return r.ok ? r : { ok: false, error: `${name}: ${r.error}` };
}

/** JSON.parse's message with a line:column instead of a character position. */
function jsonErrorWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${msg.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')} at line ${line}, column ${col}`;
}
