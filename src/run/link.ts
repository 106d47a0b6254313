/**
 * Share links for runs: `?run=<payload>` reopens a run paused at a moment. The payload is the
 * run as JSON, deflated (fflate) and base64url-encoded, with a format version inside.
 *
 * Decoding never throws and never evaluates anything: the bytes are inflated (bounded), parsed
 * with JSON.parse and checked field by field against the engine's schemas. A tampered or
 * too-new link opens what it can; `ignored` says what was left out and why.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { balancerProblems, describeProblems } from '../sim/limits';
import { defaultSettings } from '../sim/settings';
import type { SimSettings } from '../sim/types';
import type { RunLog } from './runLog';
import { RUN_PARAM } from './runFormat';
import { settingsDiff, withDefaults, type SettingsDiff } from './settingsDiff';
import { firstIssue, salvage } from './salvage';
import { InterventionSchema, MAX_INTERVENTIONS, MAX_RUN_MS, SimSettingsSchema, type Intervention } from './schema';

/** The run format this version writes (links and run files share it). */
export const RUN_FORMAT_VERSION = 1;
/** Longer payloads are refused before inflating (a URL this long is not one we made). */
export const MAX_LINK_CHARS = 16_384;
/** Inflated JSON beyond this is refused (deflate expands at most ~1000×; this bounds the work). */
export const MAX_RUN_JSON = 4 * 1024 * 1024;

/** A run at a moment: what a link or a run file holds. */
export interface RunAt {
  run: RunLog;
  /** The moment to show, virtual ms. */
  atMs: number;
}

export interface DecodedRun extends RunAt {
  /** What could not be used (empty for a link this version made). */
  ignored: string[];
}

export type DecodeResult = { ok: true; value: DecodedRun } | { ok: false; error: string };

/** The JSON form (shared with run files): short keys, and only the settings that differ from the defaults. */
export function toRunJson(r: RunAt): { v: number; at: number; s: SettingsDiff; i: Intervention[] } {
  return { v: RUN_FORMAT_VERSION, at: r.atMs, s: settingsDiff(r.run.settings), i: r.run.interventions };
}

export function encodeRunPayload(r: RunAt): string {
  const bytes = deflateSync(strToU8(JSON.stringify(toRunJson(r))), { level: 9 });
  return base64url(bytes);
}

/** The query string (`?run=…`) that reopens `r`; other parameters (e.g. `present`) can be added. */
export function runLinkQuery(r: RunAt): string {
  return `?${RUN_PARAM}=${encodeRunPayload(r)}`;
}

/** A full URL: `base` is the page's address (`http://localhost:5173/`, or a sub-path). */
export function runLinkUrl(base: string, r: RunAt): string {
  const u = new URL(base);
  u.search = '';
  u.hash = '';
  return `${u.toString()}${runLinkQuery(r)}`;
}

/** Decode a `run=` payload. */
export function decodeRunPayload(payload: string): DecodeResult {
  if (payload.length === 0) return { ok: false, error: 'the link has an empty run= parameter' };
  if (payload.length > MAX_LINK_CHARS) return { ok: false, error: `the run in the link is ${payload.length} characters long; at most ${MAX_LINK_CHARS} are accepted` };
  if (!/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, error: 'the run in the link has characters a link of ours never has (was it cut or edited?)' };
  let json: string;
  try {
    const bytes = fromBase64url(payload);
    // A fixed output buffer bounds the work: fflate stops when it is full.
    const inflated = inflateSync(bytes, { out: new Uint8Array(MAX_RUN_JSON) });
    if (inflated.length >= MAX_RUN_JSON) return { ok: false, error: 'the run in the link is too large' };
    json = strFromU8(inflated);
  } catch {
    return { ok: false, error: 'the run in the link is damaged: it does not decompress (was it cut or edited?)' };
  }
  return decodeRunText(json, 'link');
}

/** Parse run JSON text (a link's inflated payload or a run file's content). */
export function decodeRunText(text: string, what: 'link' | 'file'): DecodeResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `the ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  return decodeRunJson(data, what);
}

/** Check parsed run JSON, keeping what is usable. */
export function decodeRunJson(data: unknown, what: 'link' | 'file'): DecodeResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: `the ${what} does not hold a run (expected a JSON object)` };
  const o = data as Record<string, unknown>;
  const ignored: string[] = [];
  const v = o.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, error: `the ${what} has no run format version ("v")` };
  if (v > RUN_FORMAT_VERSION) ignored.push(`made by a newer version of the lab (run format ${v}; this one reads ${RUN_FORMAT_VERSION}): opened what this version understands`);
  for (const key of Object.keys(o)) if (!['v', 'at', 's', 'i', 'format'].includes(key)) ignored.push(`${key}: not known to this version (ignored)`);

  const s = salvage(SimSettingsSchema, withDefaults(o.s), defaultSettings(), 'settings');
  ignored.push(...s.ignored);
  const settings = s.value as SimSettings;
  // The engine's own limits (one validation for every entry point: editors, CLI, links).
  const problems = describeProblems(balancerProblems(settings.balancer, settings.nodes), settings.nodes);
  if (problems) {
    const base = defaultSettings();
    settings.balancer = base.balancer;
    settings.nodes = base.nodes;
    ignored.push(`settings.nodes: ${problems} (the default cluster is used)`);
  }

  const interventions: Intervention[] = [];
  if (o.i !== undefined) {
    if (!Array.isArray(o.i)) ignored.push('interventions: expected a list (none used)');
    else {
      const list = o.i.slice(0, MAX_INTERVENTIONS);
      if (o.i.length > MAX_INTERVENTIONS) ignored.push(`interventions: only the first ${MAX_INTERVENTIONS} of ${o.i.length} used`);
      list.forEach((raw, n) => {
        const r = InterventionSchema.safeParse(raw);
        if (!r.success) return ignored.push(`${firstIssue(r.error, `interventions.${n}`)} (ignored)`);
        const last = interventions.at(-1);
        if (last && r.data.t < last.t) return ignored.push(`interventions.${n}: earlier than the one before it (ignored)`);
        if (r.data.kind === 'fault' && 'node' in r.data.action) {
          const node = r.data.action.node;
          if (!settings.nodes.some((x) => x.name === node)) return ignored.push(`interventions.${n}: the cluster has no ${node} (ignored)`);
        }
        interventions.push(r.data);
      });
    }
  }
  let atMs = 0;
  if (typeof o.at === 'number' && Number.isFinite(o.at) && o.at >= 0 && o.at <= MAX_RUN_MS) atMs = o.at;
  else if (o.at !== undefined) ignored.push(`at: expected a moment between 0 and ${MAX_RUN_MS} ms (opened at 0 s)`);
  return { ok: true, value: { run: { settings, interventions }, atMs, ignored } };
}

function base64url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
