/**
 * The `redis` driver: Laravel's CacheBasedSessionHandler over the Redis cache store.
 * Each request reads with GET and ends with `SETEX <prefix><id> <lifetime*60> <payload>`,
 * the payload serialized twice (session, then cache): FACTS.md.
 */
import { unwrapFromCache, wrapForCache } from '../laravel/payload';
import type { SessionStore, StoreRequest } from './store';

/** The part of the simulated Redis the session handler uses. */
export interface SessionRedis {
  get(key: string, client?: string): Promise<string | null>;
  setex(key: string, seconds: number, value: string, client?: string): Promise<unknown>;
  del(key: string, client?: string): Promise<unknown>;
}

export class RedisSessionStore implements SessionStore {
  /**
   * @param keyPrefix redis prefix + cache prefix, e.g. `laravel_database_laravel_cache_`
   * @param lifetimeMin `SESSION_LIFETIME`
   */
  constructor(private readonly redis: SessionRedis, private readonly keyPrefix: string, private readonly lifetimeMin: number) {}

  async read(id: string, req: StoreRequest): Promise<string | null> {
    const value = await this.redis.get(this.keyPrefix + id, req.client);
    return value === null ? null : unwrapFromCache(value);
  }

  async write(id: string, data: string, req: StoreRequest): Promise<void> {
    await this.redis.setex(this.keyPrefix + id, this.lifetimeMin * 60, wrapForCache(data), req.client);
  }

  async destroy(id: string, req: StoreRequest): Promise<void> {
    await this.redis.del(this.keyPrefix + id, req.client);
  }
}
