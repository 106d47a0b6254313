/**
 * Modules the page loads lazily but is likely to need, loaded ahead once it is up. The Redis
 * mock (src/sim/redis/simRedis.ts imports it on the first Redis server) is one large module:
 * evaluating it blocks the main thread for about 100 ms on a slow machine, which landed in the
 * middle of the first switch to the redis driver (or a lesson that uses it). Loaded while the
 * browser has a quiet moment after the first cluster is built, that switch no longer waits for it.
 */

/** Real ms the browser may wait for an idle moment before the module is loaded anyway. */
const IDLE_TIMEOUT_MS = 2000;

export function preloadLazyModules(): void {
  const load = () => void import('ioredis-mock').catch(() => {
    // Loaded again (and its error shown) when a simulation first needs Redis.
  });
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(load, 0);
}
