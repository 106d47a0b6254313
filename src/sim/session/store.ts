/**
 * Laravel's SessionHandlerInterface as the simulated nodes use it. Stores hold the
 * serialized payload string, exactly what a real handler would write.
 */
import type { SetCookie } from '../laravel/cookieJar';
import type { RedisCaller } from '../redis/connection';

/** What a store may need from the request it serves. */
export interface StoreRequest {
  now: number;
  /** The request's cookie, decrypted (the cookie driver reads the payload from it). */
  cookie(name: string): string | undefined;
  /** Cookies queued on the response (the cookie driver writes the payload into one). */
  queueCookie(cookie: SetCookie): void;
  /** What a store looked up for this request's session, kept for its write (the store's own business). */
  slot?: object | null;
  /** Who sends its Redis commands: the request's own connection, or a label such as the node's address (MONITOR shows it). */
  client: RedisCaller;
}

export interface SessionStore {
  /** `read($id)`: the stored string, or null when the store does not know the id (or it expired). */
  read(id: string, req: StoreRequest): Promise<string | null> | string | null;
  /** `write($id, $data)`: store the whole payload (last write wins). */
  write(id: string, data: string, req: StoreRequest): Promise<void> | void;
  /** `destroy($id)`: `migrate(true)` and `invalidate()` call it for the old id. */
  destroy(id: string, req: StoreRequest): Promise<void> | void;
  /**
   * Where the data lives, when several store objects share it (every node's Redis store reads
   * the same keys): the payload codec remembers its last write per place. Absent: the store itself.
   */
  readonly place?: object;
}

/** The place a store's data lives (see {@link SessionStore.place}). */
export function placeOf(store: SessionStore): object {
  return store.place ?? store;
}
