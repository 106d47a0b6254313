/**
 * ioredis-mock as the simulated server uses it: where a new instance lives, its keyspace, and a
 * copy of one (a checkpoint's). Internal to src/sim/redis.
 */
import type { Redis } from 'ioredis';
import type { VirtualNow } from './virtualTime';

/**
 * ioredis-mock's keyspace as each instance holds it (`data`, `expires`; ioredis-mock 8). The
 * hot commands (GET, SETEX, DEL) read and write it directly and synchronously: the same store
 * the mock's own command functions use, without their argument copying and the promise each
 * returns. Its `get`/`has`/`keys` read `Date.now()` for expiry, so calls stay inside a
 * virtual-time bracket like every other mock call.
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
export function mockAddress(): { host: string; port: number; lazyConnect: false } {
  const port = nextPort++;
  return { host: `sim-${port}`, port, lazyConnect: false };
}

/**
 * A new instance holding the same keys, values and deadlines, in the same order (SCAN walks
 * the keys in insertion order). Read at virtual instant 0, where no deadline has passed, so
 * keys past their deadline but not yet removed are copied too, exactly as they are held.
 */
export function copyMock(mock: Redis, vt: VirtualNow): Redis {
  const Mock = mock.constructor as new (options: ReturnType<typeof mockAddress>) => Redis;
  const copy = new Mock(mockAddress());
  const from = keyspaceOf(mock);
  const to = keyspaceOf(copy);
  vt.run(0, () => {
    for (const key of from.data.keys()) {
      to.data.set(key, from.data.get(key)); // the mock copies lists, sets and hashes on get and set
      const at = from.expires.get(key);
      if (at !== undefined) to.expires.set(key, at);
    }
  });
  return copy;
}
