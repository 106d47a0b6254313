/**
 * Laravel's session blocking (`Route::post(...)->block(10, 10)`): before StartSession reads,
 * take the lock `session:<id>` in the cache store (SET NX EX), polling every 50 ms for up to
 * 10 s; a timeout throws LockTimeoutException (500). With Redis the lock is shared by every
 * node; the file/array stores lock per node — useless in a cluster (FACTS.md).
 */
import type { AppNode } from './appNode';
import type { World } from '../world';

export const LOCK_SECONDS = 10;
export const LOCK_WAIT_MS = 10_000;
export const LOCK_POLL_MS = 50;

export function lockKey(w: World, sessionId: string): string {
  return `${w.names.redisPrefix}${w.names.cachePrefix}session:${sessionId}`;
}

/** Try to take the lock once. Throws what Redis throws (then the request fails with 500). */
export async function tryLock(w: World, node: AppNode, key: string, owner: string, client: string): Promise<boolean> {
  if (w.settings.session.driver === 'redis' && w.redis) {
    const r = await w.redis.command('SET', [key, owner, 'EX', String(LOCK_SECONDS), 'NX'], client);
    return r !== null;
  }
  const held = node.locks.get(key);
  if (held && held.expiresAt > w.now) return false;
  node.locks.set(key, { owner, expiresAt: w.now + LOCK_SECONDS * 1000 });
  return true;
}

/** Release the lock if we still own it (Laravel's Lua compare-and-delete). */
export async function releaseLock(w: World, node: AppNode, key: string, owner: string, client: string): Promise<void> {
  if (w.settings.session.driver === 'redis' && w.redis) {
    try {
      if ((await w.redis.command('GET', [key], client)) === owner) await w.redis.command('DEL', [key], client);
    } catch {
      // the lock expires by itself after LOCK_SECONDS
    }
    return;
  }
  if (node.locks.get(key)?.owner === owner) node.locks.delete(key);
}
