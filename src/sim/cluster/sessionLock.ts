/**
 * Laravel's session blocking (`Route::post(...)->block(10, 10)`): before StartSession reads,
 * take the lock `session:<id>` in the cache store (SET NX EX), polling every 50 ms for up to
 * 10 s; a timeout throws LockTimeoutException (500). With Redis the lock is shared by every
 * node; the file/array stores lock per node — useless in a cluster (FACTS.md).
 */
import type { Maybe } from '../maybe';
import type { RedisConnection } from '../redis/connection';
import { isRedisError } from '../redis/errors';
import type { AppNode } from './appNode';
import type { World } from '../world';

export const LOCK_SECONDS = 10;
export const LOCK_WAIT_MS = 10_000;
export const LOCK_POLL_MS = 50;

export function lockKey(w: World, sessionId: string): string {
  return `${w.names.redisPrefix}${w.names.cachePrefix}session:${sessionId}`;
}

/**
 * Try to take the lock once. Rejects with what the node's Redis connection throws (the request
 * path maps that to a 500 or a hang).
 */
export function tryLock(w: World, node: AppNode, conn: RedisConnection | null, key: string, owner: string, client: string): Maybe<boolean> {
  if (conn !== null) return conn.command('SET', [key, owner, 'EX', String(LOCK_SECONDS), 'NX'], client).then((r) => r !== null);
  const held = node.locks.get(key);
  if (held && held.expiresAt > w.now) return false;
  node.locks.set(key, { owner, expiresAt: w.now + LOCK_SECONDS * 1000 });
  return true;
}

/** Release the lock if we still own it (Laravel's Lua compare-and-delete). */
export function releaseLock(w: World, node: AppNode, conn: RedisConnection | null, key: string, owner: string, client: string): Maybe<void> {
  if (conn !== null) {
    return conn.command('GET', [key], client)
      .then((held) => (held === owner ? conn.command('DEL', [key], client) : null))
      .then(
        () => undefined,
        (err: unknown) => {
          if (!isRedisError(err)) throw err; // a bug, not Redis
          // Redis failed: the lock expires by itself after LOCK_SECONDS.
        },
      );
  }
  if (node.locks.get(key)?.owner === owner) node.locks.delete(key);
}
