/**
 * The session handler's connection to Redis, as a port that survives a Sentinel failover:
 * it always talks to the current primary, and (with Sentinel) propagates each write to the
 * replica after the replication lag. Replication is asynchronous (FACTS.md): writes still
 * in the lag window when the primary dies are lost.
 */
import type { EngineRedis } from '../redis/engineRedis';
import type { SessionRedis } from '../session/redisStore';
import type { World } from '../world';

/** How far a busy replica trails the primary, virtual ms. */
export const REPLICATION_LAG_MS = 1_000;
/** Sentinel's `down-after-milliseconds` default, plus the few seconds a failover takes. */
export const SENTINEL_DOWN_AFTER_MS = 30_000;
export const SENTINEL_FAILOVER_MS = 2_000;

/** A write on its way to the replica. */
export interface Replication {
  op: 'setex' | 'del';
  key: string;
  seconds: number;
  value: string;
  /** Replication stream this write belongs to; a failover starts a new one. */
  stream: number;
}

export class SessionRedisPort implements SessionRedis {
  constructor(private readonly w: World) {}

  private primary(): EngineRedis {
    return this.w.redis!;
  }

  get(key: string, client?: string): Promise<string | null> {
    return this.primary().get(key, client);
  }

  async setex(key: string, seconds: number, value: string, client?: string): Promise<unknown> {
    const r = await this.primary().setex(key, seconds, value, client);
    this.replicate({ op: 'setex', key, seconds, value, stream: this.w.replicationStream });
    return r;
  }

  async del(key: string, client?: string): Promise<unknown> {
    const r = await this.primary().del(key, client);
    this.replicate({ op: 'del', key, seconds: 0, value: '', stream: this.w.replicationStream });
    return r;
  }

  private replicate(r: Replication): void {
    if (!this.w.replica) return;
    this.w.pendingReplication++;
    this.w.queue.push({ kind: 'replicate', t: this.w.now + REPLICATION_LAG_MS, seq: 0, r });
  }
}

/** Apply a propagated write on the replica (dropped if the primary died before sending it). */
export async function applyReplication(w: World, r: Replication): Promise<void> {
  if (r.stream !== w.replicationStream || !w.replica) return;
  w.pendingReplication--;
  if (r.op === 'setex') await w.replica.setex(r.key, r.seconds, r.value);
  else await w.replica.del(r.key);
}
