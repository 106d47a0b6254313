/**
 * Links carry only the settings that differ from a fixed base, so a run with two changed
 * settings is a short URL. The base is frozen here (not `defaultSettings()`): if the defaults
 * change later, old links still mean what they meant. Nodes that are the default
 * `server nodeN.internal:80;` lines are written as their count.
 */
import { defaultNode } from '../sim/settings';
import type { SimSettings } from '../sim/types';

/** The settings run format 1 is relative to (the defaults when it was introduced). */
const BASE_V1: Readonly<Record<string, unknown>> = Object.freeze({
  seed: 1,
  durationSec: 600,
  users: 100,
  clients: 'unique',
  nodes: 2,
  balancer: {
    flavor: 'nginx', strategy: 'round-robin',
    stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: null, path: '/' },
    hashCookie: { name: 'laravel_session', consistent: true },
    redispatch: true,
  },
  session: { driver: 'file', lifetimeMin: 120, expireOnClose: false, encrypt: false, appName: 'Laravel', connection: null, onRedisFailure: 'fail-closed' },
  redis: { host: '127.0.0.1', port: 6379, password: null, db: 0, maxmemoryBytes: 0, policy: 'noeviction' },
  events: [],
});

export type SettingsDiff = Record<string, unknown>;

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff(value: Json, base: Json): Json | undefined {
  if (isRecord(value) && isRecord(base)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const d = Object.hasOwn(base, k) ? diff(v, base[k]) : v;
      if (d !== undefined) out[k] = d;
    }
    for (const k of Object.keys(base)) if (!Object.hasOwn(value, k) || value[k] === undefined) out[k] = null;
    return Object.keys(out).length ? out : undefined;
  }
  return same(value, base) ? undefined : value;
}

/** The settings as a diff from format 1's base (what links and run files store). */
export function settingsDiff(s: SimSettings): SettingsDiff {
  const nodes = s.nodes.every((n, i) => same(n, defaultNode(i + 1))) ? s.nodes.length : s.nodes;
  return (diff({ ...s, nodes }, BASE_V1) ?? {}) as SettingsDiff;
}

function merge(base: Json, d: Json): Json {
  if (isRecord(base) && isRecord(d)) {
    const out: Record<string, Json> = { ...base };
    for (const [k, v] of Object.entries(d)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') { out[`!${k}`] = v; continue; }
      if (v === null && Object.hasOwn(base, k) && base[k] !== null) delete out[k];
      else out[k] = Object.hasOwn(base, k) ? merge(base[k], v) : v;
    }
    return out;
  }
  return d;
}

/**
 * The full settings object a diff describes (unchecked: the caller validates it). Unknown or
 * dangerous keys are kept under a visible name so the validator reports them, never assigned.
 */
export function withDefaults(d: unknown): unknown {
  if (d === undefined) return structuredClone(BASE_V1);
  if (!isRecord(d)) return d;
  const full = merge(BASE_V1, d) as Record<string, Json>;
  if (typeof full.nodes === 'number' && Number.isInteger(full.nodes) && full.nodes >= 1 && full.nodes <= 8) {
    full.nodes = Array.from({ length: full.nodes }, (_, i) => defaultNode(i + 1));
  }
  return full;
}
