/**
 * The opt-in `fallback-file` mode: when Redis is unreachable, this node quietly uses its own
 * disk instead. Laravel has no such fallback (FACTS.md), and the simulator shows why the
 * course says to fail closed: sessions split between Redis and every node's disk, so users
 * flip between logged in and logged out as the balancer moves them.
 */
import { rescue, type Maybe } from '../maybe';
import { RedisConnectionError } from '../redis/errors';
import { placeOf, type SessionStore, type StoreRequest } from './store';

/**
 * Falls back on a refused connection only. A silent Redis (black hole, partition) still hangs
 * the request: the node would only fall back after its client's timeout, and the default has
 * none. Any other error (a reply error, a bug) propagates.
 */
const refused = (err: unknown): boolean => err instanceof RedisConnectionError;

export class FallbackStore implements SessionStore {
  constructor(private readonly primary: SessionStore, private readonly local: SessionStore) {}

  /** Mostly Redis: a read from the node's own disk is parsed (the codec checks the text). */
  get place(): object {
    return placeOf(this.primary);
  }

  read(id: string, req: StoreRequest): Maybe<string | null> {
    return rescue(() => this.primary.read(id, req), refused, () => this.local.read(id, req));
  }

  write(id: string, data: string, req: StoreRequest): Maybe<void> {
    return rescue(() => this.primary.write(id, data, req), refused, () => this.local.write(id, data, req));
  }

  destroy(id: string, req: StoreRequest): Maybe<void> {
    return rescue(() => this.primary.destroy(id, req), refused, () => this.local.destroy(id, req));
  }
}
