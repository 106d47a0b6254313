/**
 * Laravel's session blocking (`Route::post(...)->block(10, 10)`): before StartSession reads,
 * take the lock `session:<id>` (SET NX EX), polling every 50 ms for up to 10 s; a timeout throws
 * LockTimeoutException (500). The lock lives in `session.block_store`, else the default cache
 * store (`CACHE_STORE`, `database` in the 11/12 skeleton) — not necessarily the session's Redis.
 * A shared store (Redis, a MySQL database) locks across every node; a per-node one (the `file`
 * cache, SQLite on each server) locks each server on its own — useless in a cluster, and nothing
 * warns you (FACTS.md, docs/fidelity.md).
 */
import type { Maybe } from '../maybe';
import type { RedisConnection } from '../redis/connection';
import { isRedisError } from '../redis/errors';
import type { AppNode } from './appNode';
import { DatabaseDownError } from '../session/databaseStore';
import type { World } from '../world';
import { blockStoreOf, dbConnectionOf } from '../settings';

export const LOCK_SECONDS = 10;
export const LOCK_WAIT_MS = 10_000;
export const LOCK_POLL_MS = 50;

export function lockKey(w: World, sessionId: string): string {
  return `${w.names.redisPrefix}${w.names.cachePrefix}session:${sessionId}`;
}

/** Where the locks of this run live: the Redis, one shared database table, or each node. */
export type LockScope = 'redis' | 'database' | 'node';

export function lockScope(w: World): LockScope {
  const s = w.settings.session;
  const store = blockStoreOf(s);
  if (store === 'redis') return w.redis ? 'redis' : 'node';
  if (store === 'database') return dbConnectionOf(s) === 'mysql' && w.db ? 'database' : 'node';
  return 'node';
}

/** The node's Redis connection when the locks live in Redis. */
function lockConnection(w: World, node: AppNode): RedisConnection | null {
  return lockScope(w) === 'redis' ? (w.connections.get(node.name) ?? null) : null;
}

/** The locks a request's node sees: the shared `cache_locks` table, or the node's own. Throws when the database is down. */
function localLocks(w: World, node: AppNode): Map<string, { owner: string; expiresAt: number }> {
  if (lockScope(w) !== 'database' || !w.db) return node.locks;
  if (!w.db.server.up) throw new DatabaseDownError();
  return w.db.locks;
}

/**
 * Try to take the lock once. Fails with what the store fails with — the node's Redis connection's
 * typed errors, or the database's — and the request path maps that to a 500 or a hang.
 */
export function tryLock(w: World, node: AppNode, key: string, owner: string, client: string): Maybe<boolean> {
  const conn = lockConnection(w, node);
  if (conn !== null) return conn.command('SET', [key, owner, 'EX', String(LOCK_SECONDS), 'NX'], client).then((r) => r !== null);
  const locks = localLocks(w, node);
  const held = locks.get(key);
  if (held && held.expiresAt > w.now) return false;
  locks.set(key, { owner, expiresAt: w.now + LOCK_SECONDS * 1000 });
  return true;
}

/** Release the lock if we still own it (Laravel's Lua compare-and-delete). */
export function releaseLock(w: World, node: AppNode, key: string, owner: string, client: string): Maybe<void> {
  const conn = lockConnection(w, node);
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
  let locks;
  try {
    locks = localLocks(w, node);
  } catch (err) {
    if (err instanceof DatabaseDownError) return; // the lock expires by itself
    throw err;
  }
  if (locks.get(key)?.owner === owner) locks.delete(key);
}
