/**
 * A node-local session cache in front of Redis (what the seed lesson says sticky sessions
 * make possible): reads are served from the node's memory while the copy is fresh, writes go
 * to both. With sticky routing the copy is the truth and Redis reads drop; without it, a
 * node serves a stale copy after the user was elsewhere — and writes the stale copy back.
 */
import { andThen, type Maybe } from '../maybe';
import { placeOf, type SessionStore, type StoreRequest } from './store';

/** How long a node trusts its copy, virtual ms. */
export const LOCAL_CACHE_TTL_MS = 60_000;

export class LocalCacheStore implements SessionStore {
  private readonly copies = new Map<string, { text: string; at: number }>();

  constructor(private readonly shared: SessionStore) {}

  get place(): object {
    return placeOf(this.shared);
  }

  read(id: string, req: StoreRequest): Maybe<string | null> {
    const c = this.copies.get(id);
    if (c && req.now - c.at < LOCAL_CACHE_TTL_MS) return c.text;
    const at = req.now;
    return andThen(this.shared.read(id, req), (text) => {
      if (text === null) this.copies.delete(id);
      else this.copies.set(id, { text, at });
      return text;
    });
  }

  write(id: string, data: string, req: StoreRequest): Maybe<void> {
    const at = req.now;
    return andThen(this.shared.write(id, data, req), () => void this.copies.set(id, { text: data, at }));
  }

  destroy(id: string, req: StoreRequest): Maybe<void> {
    this.copies.delete(id);
    return this.shared.destroy(id, req);
  }
}
