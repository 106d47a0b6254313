/**
 * The opt-in `fallback-file` mode: when Redis is unreachable, this node quietly uses its own
 * disk instead. Laravel has no such fallback (FACTS.md), and the simulator shows why the
 * course says to fail closed: sessions split between Redis and every node's disk, so users
 * flip between logged in and logged out as the balancer moves them.
 */
import type { SessionStore, StoreRequest } from './store';

export class FallbackStore implements SessionStore {
  constructor(private readonly primary: SessionStore, private readonly local: SessionStore) {}

  async read(id: string, req: StoreRequest): Promise<string | null> {
    try {
      return await this.primary.read(id, req);
    } catch {
      return this.local.read(id, req);
    }
  }

  async write(id: string, data: string, req: StoreRequest): Promise<void> {
    try {
      await this.primary.write(id, data, req);
    } catch {
      await this.local.write(id, data, req);
    }
  }

  async destroy(id: string, req: StoreRequest): Promise<void> {
    try {
      await this.primary.destroy(id, req);
    } catch {
      await this.local.destroy(id, req);
    }
  }
}
