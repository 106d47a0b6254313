/**
 * The `array` driver keeps the session in PHP memory for one request only: nothing
 * survives to the next request, on any node (used by Laravel's tests).
 */
import type { SessionStore } from './store';

export const arrayStore: SessionStore = Object.freeze<SessionStore>({
  read: () => null,
  write: () => undefined,
  destroy: () => undefined,
});
