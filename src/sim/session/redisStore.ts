/**
 * The `redis` driver: Laravel's CacheBasedSessionHandler over the Redis cache store.
 * Each request reads with GET and ends with `SETEX <prefix><id> <lifetime*60> <payload>`,
 * the payload serialized twice (session, then cache): FACTS.md.
 */
import { CLONE, type Cloner } from '../graphClone';
import { unwrapFromCache, wrapForCache } from '../laravel/payload';
import { andThen, type Maybe } from '../maybe';
import type { SessionStore, StoreRequest } from './store';
import type { RedisCaller } from '../redis/connection';

/** The part of a node's Redis connection the session handler uses (see RedisConnection). */
export interface SessionRedis {
  get(key: string, client?: RedisCaller): Maybe<string | null>;
  setex(key: string, seconds: number, value: string, client?: RedisCaller): Maybe<unknown>;
  del(key: string, client?: RedisCaller): Maybe<unknown>;
}

/** How many session ids {@link SessionKeys} remembers before it starts afresh (it is only a cache). */
const KEYS_LIMIT = 20_000;

/** What the handler remembers about one session id. */
class SessionEntry {
  /** The last value this handler wrote, and the payload inside it. */
  wrapped: string | null = null;
  plain: string | null = null;

  constructor(readonly id: string, readonly key: string) {}

  /** The payload inside a value read back: known at once when it is the very string last written. */
  unwrap(value: string | null): string | null {
    if (value === null) return null;
    return value === this.wrapped ? this.plain : unwrapFromCache(value);
  }
}

/**
 * Per session id, its Redis key built once (so the string is hashed once, not on every
 * request) and the last value written with the payload inside it (so reading it back skips
 * the unwrap). Shared by every node's handler; bounded, cleared when full.
 */
export class SessionKeys {
  private readonly entries = new Map<string, SessionEntry>();

  constructor(private readonly prefix: string) {}

  /** A checkpoint's copy: every entry copied (a thousand a checkpoint: directly). */
  [CLONE](c: Cloner): SessionKeys {
    const keys = new SessionKeys(this.prefix);
    for (const [id, e] of this.entries) {
      const copy = new SessionEntry(id, e.key);
      copy.wrapped = e.wrapped;
      copy.plain = e.plain;
      keys.entries.set(id, copy);
    }
    c.built(2 + keys.entries.size, 6 * keys.entries.size);
    return keys;
  }

  entry(id: string): SessionEntry {
    let e = this.entries.get(id);
    if (e === undefined) {
      if (this.entries.size >= KEYS_LIMIT) this.entries.clear();
      e = new SessionEntry(id, this.prefix + id);
      this.entries.set(id, e);
    }
    return e;
  }

  /** The key of a session being destroyed; forgets the id. */
  take(id: string): string {
    const e = this.entries.get(id);
    if (e === undefined) return this.prefix + id;
    this.entries.delete(id);
    return e.key;
  }
}

export class RedisSessionStore implements SessionStore {
  /**
   * @param redis the node's connection
   * @param keys ids → keys with the redis prefix + cache prefix, e.g. `laravel_database_laravel_cache_<id>`
   * @param lifetimeMin `SESSION_LIFETIME`
   */
  constructor(private readonly redis: SessionRedis, private readonly keys: SessionKeys, private readonly lifetimeMin: number) {}

  /** Every node's store reads the same keys. */
  get place(): object {
    return this.keys;
  }

  /** The session's entry: the one this request's read looked up, or from the shared table (one lookup per request, not two). */
  private entry(id: string, req: StoreRequest): SessionEntry {
    const held = req.slot;
    if (held instanceof SessionEntry && held.id === id) return held;
    const e = this.keys.entry(id);
    req.slot = e;
    return e;
  }

  read(id: string, req: StoreRequest): Maybe<string | null> {
    const e = this.entry(id, req);
    const value = this.redis.get(e.key, req.client);
    return value instanceof Promise ? value.then((v) => e.unwrap(v)) : e.unwrap(value);
  }

  write(id: string, data: string, req: StoreRequest): Maybe<void> {
    const e = this.entry(id, req);
    if (data !== e.plain || e.wrapped === null) {
      e.wrapped = wrapForCache(data);
      e.plain = data;
    }
    return andThen(this.redis.setex(e.key, this.lifetimeMin * 60, e.wrapped, req.client), nothing);
  }

  destroy(id: string, req: StoreRequest): Maybe<void> {
    return andThen(this.redis.del(this.keys.take(id), req.client), nothing);
  }
}

const nothing = (): void => undefined;
