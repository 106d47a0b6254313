/**
 * Sentinel replication of the session writes: with a replica, each write the primary
 * acknowledged reaches the replica after the replication lag. Replication is asynchronous (FACTS.md): writes still
 * in the lag window when the primary dies are lost.
 */
import type { Maybe } from '../maybe';
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

/**
 * A write the primary acknowledged, on its way to the replica (with Sentinel): it lands after
 * the replication lag, unless the primary dies first. Every node connection calls this after a
 * session write, so the session handler always talks to the current primary (`w.redis`).
 */
export function replicate(w: World, op: Replication['op'], key: string, seconds: number, value: string): void {
  if (!w.replica) return;
  w.pendingReplication++;
  w.queue.push({ kind: 'replicate', t: w.now + REPLICATION_LAG_MS, seq: 0, r: { op, key, seconds, value, stream: w.replicationStream } });
}

/** Apply a propagated write on the replica (dropped if the primary died before sending it). */
export function applyReplication(w: World, r: Replication): Maybe<void> {
  const replica = w.replica;
  if (r.stream !== w.replicationStream || !replica) return;
  w.pendingReplication--;
  const now = replica.immediate;
  if (now) {
    if (r.op === 'setex') now.setexNow(r.key, r.seconds, r.value);
    else now.delNow(r.key);
    return;
  }
  return (r.op === 'setex' ? replica.setex(r.key, r.seconds, r.value) : replica.del(r.key)).then(() => undefined);
}
