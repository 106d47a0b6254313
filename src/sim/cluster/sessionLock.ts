/**
 * Laravel's session blocking (`Route::post(...)->block(10, 10)`): before StartSession reads,
 * take the lock `session:<id>` (SET NX EX), polling every 50 ms for up to 10 s; a timeout throws
 * LockTimeoutException (500). The lock lives in `session.block_store`, else the default cache
 * store (`CACHE_STORE`, `database` in the 11/12 skeleton) — not necessarily the session's Redis.
 * A shared store (Redis, a MySQL database) locks across every node; a per-node one (the `file`
 * cache, SQLite on each server) locks each server on its own — useless in a cluster, and nothing
 * warns you (FACTS.md, docs/fidelity.md).
 */
import type { AppNode } from './appNode';
import { DatabaseDownError } from '../session/databaseStore';
import type { World } from '../world';

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
  const store = s.blockStore ?? (s.driver === 'redis' ? 'redis' : 'file');
  if (store === 'redis') return w.redis ? 'redis' : 'node';
  if (store === 'database') return (s.dbConnection ?? 'sqlite') === 'mysql' && w.db ? 'database' : 'node';
  return 'node';
}

/** The locks a request's node sees: the shared `cache_locks` table, or the node's own. */
function localLocks(w: World, node: AppNode): Map<string, { owner: string; expiresAt: number }> {
  if (lockScope(w) !== 'database' || !w.db) return node.locks;
  if (!w.db.server.up) throw new DatabaseDownError();
  return w.db.locks;
}

/** Try to take the lock once. Throws what the store throws (then the request fails with 500). */
export async function tryLock(w: World, node: AppNode, key: string, owner: string, client: string): Promise<boolean> {
  if (lockScope(w) === 'redis') {
    const r = await w.redis!.command('SET', [key, owner, 'EX', String(LOCK_SECONDS), 'NX'], client);
    return r !== null;
  }
  const locks = localLocks(w, node);
  const held = locks.get(key);
  if (held && held.expiresAt > w.now) return false;
  locks.set(key, { owner, expiresAt: w.now + LOCK_SECONDS * 1000 });
  return true;
}

/** Release the lock if we still own it (Laravel's Lua compare-and-delete). */
export async function releaseLock(w: World, node: AppNode, key: string, owner: string, client: string): Promise<void> {
  if (lockScope(w) === 'redis') {
    try {
      if ((await w.redis!.command('GET', [key], client)) === owner) await w.redis!.command('DEL', [key], client);
    } catch {
      // the lock expires by itself after LOCK_SECONDS
    }
    return;
  }
  let locks;
  try {
    locks = localLocks(w, node);
  } catch {
    return; // the database is down: the lock expires by itself
  }
  if (locks.get(key)?.owner === owner) locks.delete(key);
}
