import { MOCK_DEADLINE_SKEW_MS, type RedisCore } from './core';
import { NO_EXPIRY, type KeyMeta } from './keyTable';

/**
 * Key commands executed against the core: bookkeeping first, then the same command on
 * ioredis-mock inside a virtual-time bracket. Shared by SimRedis's typed hot path and the
 * generic `command()` path, so both behave identically. Callers have already passed the
 * gate, counted the command and called `core.begin()`.
 */

/** Redis's TTL rounding (`ttlGenericCommand`: `(ttl+500)/1000`), not ioredis-mock's ceil. */
export function ttlFromPttl(pttl: number): number {
  return pttl < 0 ? pttl : Math.floor((pttl + 500) / 1000);
}

/** `lookupKeyRead` with its keyspace hit/miss accounting: the key's metadata, if it exists. */
function lookup(core: RedisCore, key: string): KeyMeta | undefined {
  const meta = core.table.get(key);
  if (meta === undefined) core.stats.misses++;
  else core.stats.hit();
  return meta;
}

/**
 * GET, answered synchronously: the table and the mock agree on which keys exist, and the key's
 * metadata holds the very string the mock holds (tests compare every key's value with the mock's).
 * GET records an access; EXISTS and TTL do not.
 */
export function execGet(core: RedisCore, key: string, now: number): string | null {
  const meta = lookup(core, key);
  if (meta === undefined) return null;
  core.touch(meta, now);
  return meta.value;
}

/**
 * SETEX with a validated positive integer `seconds`, written synchronously: what the mock's
 * `setex` does (store the value, then a deadline of `Date.now() + seconds`), with the deadline
 * one skew later (see MOCK_DEADLINE_SKEW_MS).
 */
export function execSetex(core: RedisCore, key: string, seconds: number, value: string, now: number): void {
  core.recordWrite(key, value, now + seconds * 1000, now);
  // No virtual-time bracket: the mock's keyspace `set`s never read the clock (its `get`/`has`/`keys` do).
  const ks = core.keyspace;
  ks.data.set(key, value);
  ks.expires.set(key, now + MOCK_DEADLINE_SKEW_MS + seconds * 1000);
}

/** A string write with an absolute deadline (or NO_EXPIRY / keep the current one). */
export function writeString(core: RedisCore, key: string, value: string, expireAt: number, now: number, keepTtl: boolean): void {
  const meta = core.recordWrite(key, value, expireAt, now, keepTtl);
  const vt = core.vt;
  vt.enter(now);
  try {
    void core.mock.set(key, value); // a plain SET clears the mock's TTL; put back the one we keep or set
    if (meta.expireAt !== NO_EXPIRY) void core.mock.pexpireat(key, meta.expireAt + MOCK_DEADLINE_SKEW_MS);
  } finally {
    vt.exit();
  }
}

/** DEL one key (hot path: no array) or several, synchronously: how many existed. */
export function execDel(core: RedisCore, keys: string | readonly string[], now: number): number {
  if (typeof keys === 'string') return delOne(core, keys, now);
  let n = 0;
  for (const key of keys) n += delOne(core, key, now);
  return n;
}

function delOne(core: RedisCore, key: string, now: number): number {
  const meta = core.table.get(key);
  if (meta === undefined) return 0;
  core.dropKey(meta, now); // the table and the mock's keyspace both
  return 1;
}

export function execExists(core: RedisCore, keys: readonly string[], now: number): Promise<number> {
  for (const key of keys) lookup(core, key);
  const vt = core.vt;
  vt.enter(now);
  try {
    return core.mock.exists(...keys);
  } finally {
    vt.exit();
  }
}

/**
 * PTTL from the key table (the mock's deadlines are skewed, and it rounds up): `when - now`,
 * 0 at the deadline millisecond itself, -1 without a TTL, -2 missing.
 */
export function execPttl(core: RedisCore, key: string, now: number): Promise<number> {
  const meta = lookup(core, key);
  if (meta === undefined) return Promise.resolve(-2);
  return Promise.resolve(meta.expireAt === NO_EXPIRY ? -1 : Math.max(0, meta.expireAt - now));
}

/** EXPIRE/PEXPIRE condition flags (Redis 7). */
export interface ExpireFlags { nx: boolean; xx: boolean; gt: boolean; lt: boolean }
export const NO_FLAGS: ExpireFlags = Object.freeze({ nx: false, xx: false, gt: false, lt: false });

/**
 * `expireGenericCommand`: give `key` a deadline `ttlMs` from now. A deadline at or before now
 * deletes the key (a delete, not an expiry: Redis does not count it in expired_keys).
 */
export function execExpire(core: RedisCore, key: string, ttlMs: number, flags: ExpireFlags, now: number): Promise<number> {
  const meta = core.table.get(key);
  if (meta === undefined) return Promise.resolve(0);
  core.touch(meta, now);
  const at = now + ttlMs;
  const current = meta.expireAt === NO_EXPIRY ? Infinity : meta.expireAt; // no TTL counts as infinite
  if ((flags.nx && current !== Infinity) || (flags.xx && current === Infinity)
    || (flags.gt && at <= current) || (flags.lt && at >= current)) return Promise.resolve(0);
  if (at <= now) return Promise.resolve(execDel(core, key, now));
  core.recordExpire(meta, at);
  const vt = core.vt;
  vt.enter(now);
  try {
    return core.mock.pexpireat(key, at + MOCK_DEADLINE_SKEW_MS);
  } finally {
    vt.exit();
  }
}

export function execPersist(core: RedisCore, key: string, now: number): Promise<number> {
  const meta = core.table.get(key);
  if (meta === undefined || meta.expireAt === NO_EXPIRY) return Promise.resolve(0);
  core.touch(meta, now);
  core.recordExpire(meta, NO_EXPIRY);
  return core.vt.run(now, () => core.mock.persist(key));
}
