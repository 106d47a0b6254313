/**
 * ioredis-mock as the simulated server uses it: a new instance of its own, its keyspace, and
 * the keyspace saved as data and loaded back (a checkpoint's). Internal to src/sim/redis.
 */
import type { Redis } from 'ioredis';
import type { VirtualNow } from './virtualTime';

/**
 * ioredis-mock's keyspace as each instance holds it (`data`, `expires`; ioredis-mock 8). The
 * hot commands (SETEX, DEL) write it directly and synchronously: the same store the mock's own
 * command functions use, without their argument copying and the promise each returns (GET
 * answers from the key table, which holds the same strings). Its `get`/`has`/`keys`
 * read `Date.now()` for expiry, so those calls stay inside a virtual-time bracket; `set` and
 * `delete` do not.
 */
export interface MockKeyspace {
  readonly data: { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void; keys(): string[] };
  readonly expires: { get(key: string): number | undefined; set(key: string, at: number): void; delete(key: string): void };
}

export function keyspaceOf(mock: Redis): MockKeyspace {
  const m = mock as unknown as Partial<MockKeyspace>;
  if (typeof m.data?.get !== 'function' || typeof m.data.keys !== 'function' || typeof m.expires?.get !== 'function') {
    throw new Error('ioredis-mock instances no longer expose data/expires: update keyspaceOf in src/sim/redis/mockKeyspace.ts');
  }
  return m as MockKeyspace;
}

/** Every instance gets its own port: ioredis-mock shares data between instances with the same host:port/db. */
let nextPort = 20_000;

/** The options of a new, unshared ioredis-mock instance. */
function mockAddress(): { host: string; port: number; lazyConnect: false } {
  const port = nextPort++;
  return { host: `sim-${port}`, port, lazyConnect: false };
}

/** ioredis-mock's class, kept by the first {@link newMock} (it is loaded lazily). */
let Mock: (new (options: ReturnType<typeof mockAddress>) => Redis) | null = null;

/** A new, unshared instance. `Redis` is ioredis-mock's class (loaded by the caller). */
export function newMock(Redis: new (options: ReturnType<typeof mockAddress>) => Redis): Redis {
  Mock = Redis;
  return new Redis(mockAddress());
}

/**
 * A keyspace as data: what a checkpoint holds instead of an ioredis-mock instance (an empty one
 * takes 150 KB of heap and a port). Keys in the instance's order (SCAN walks it), each with its
 * value and the deadline the mock was given, if any.
 */
export interface SavedKeyspace {
  keys: string[];
  values: unknown[];
  deadlines: (number | undefined)[];
}

/**
 * The whole keyspace of `mock`, read at virtual instant 0 where no deadline has passed, so keys
 * past their deadline but not yet removed are saved too, exactly as they are held.
 */
export function saveKeyspace(mock: Redis, vt: VirtualNow): SavedKeyspace {
  const from = keyspaceOf(mock);
  return vt.run(0, () => {
    const keys = from.data.keys();
    // The mock copies lists, sets and hashes on get (and again on set): values are never shared.
    return { keys, values: keys.map((k) => from.data.get(k)), deadlines: keys.map((k) => from.expires.get(k)) };
  });
}

/** A new instance holding a saved keyspace, in the same order. */
export function loadKeyspace(saved: SavedKeyspace, vt: VirtualNow): Redis {
  if (Mock === null) throw new Error('ioredis-mock is not loaded: a saved keyspace comes from a running SimRedis');
  const mock = newMock(Mock);
  const to = keyspaceOf(mock);
  vt.run(0, () => {
    for (let i = 0; i < saved.keys.length; i++) {
      const key = saved.keys[i]!;
      to.data.set(key, saved.values[i]);
      const at = saved.deadlines[i];
      if (at !== undefined) to.expires.set(key, at);
    }
  });
  return mock;
}
