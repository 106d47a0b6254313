/**
 * Everything a simulation holds, as comparable lines (`path = value`), for tests that two runs
 * are in the same state: every user, cookie, queued event, rng stream, node (its machine's
 * persisted state), peer, Redis key table, counter and keyspace (the mock's keys, values and
 * deadlines, in SCAN order), metric and feed line. Shared objects are written out wherever they
 * are reached (equal state, not equal identity); a cycle back to an object on the path is
 * written `<cycle>`. What is wiring, not state, is left out: listeners, functions, the
 * virtual-time bracket, the ioredis-mock instance's address.
 */
import type { Simulation } from '../../src/sim/simulation';

const SKIP = new Set(['listeners', 'vt']);

function isActor(v: object): v is { getPersistedSnapshot(): unknown; logic: unknown } {
  return 'getPersistedSnapshot' in v && 'logic' in v;
}

/** ioredis-mock's whole keyspace (read at instant 0, where nothing has expired), in its order. */
function mockKeyspace(mock: { data: { keys(): string[]; get(k: string): unknown }; expires: { get(k: string): unknown } }): unknown[] {
  const now = Date.now;
  Date.now = () => 0;
  try {
    return mock.data.keys().map((k) => [k, mock.data.get(k), mock.expires.get(k)]);
  } finally {
    Date.now = now;
  }
}

export function worldLines(sim: Simulation): string[] {
  const out: string[] = [];
  const onPath = new Set<unknown>();
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') {
      out.push(`${path} = ${typeof v === 'function' ? '[function]' : typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
      return;
    }
    if (onPath.has(v)) {
      out.push(`${path} = <cycle>`);
      return;
    }
    onPath.add(v);
    try {
      const name = (v as { constructor?: { name?: string } }).constructor?.name ?? 'null';
      if (isActor(v)) return walk(JSON.parse(JSON.stringify(v.getPersistedSnapshot())), `${path}<actor>`);
      if (name === '_RedisMock') return walk(mockKeyspace(v as never), `${path}<keyspace>`);
      if (v instanceof Map) {
        out.push(`${path} = Map(${v.size})`);
        for (const [k, x] of v) walk(x, `${path}<${typeof k === 'object' ? (k as { name?: string }).name ?? '?' : String(k)}>`);
        return;
      }
      if (v instanceof Set) {
        out.push(`${path} = Set(${v.size})`);
        let i = 0;
        for (const x of v) walk(x, `${path}{${i++}}`);
        return;
      }
      if (ArrayBuffer.isView(v)) {
        out.push(`${path} = ${name}[${Array.from(v as Uint8Array).join(',')}]`);
        return;
      }
      out.push(`${path} = ${Array.isArray(v) ? `Array(${v.length})` : name}`);
      for (const [k, x] of Object.entries(v)) if (!SKIP.has(k)) walk(x, `${path}.${k}`);
    } finally {
      onPath.delete(v);
    }
  };
  walk(sim.world, 'w');
  return out;
}
