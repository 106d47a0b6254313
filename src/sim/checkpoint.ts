/**
 * A checkpoint: the whole simulated world at one moment, copied, so that a run can be shown
 * again from there instead of from 0 (ongardie/raftscope keeps deep-cloned checkpoints; STYLE.md
 * §5). The copy is {@link Cloner}'s: every user, request in flight, queue entry, rng stream,
 * node (its disk, locks and XState machine, restored from `getPersistedSnapshot()`), the
 * balancer's peers, each simulated Redis (key table, expiry index, counters, configuration,
 * clients, eviction pool, and a new ioredis-mock instance holding the same keyspace), Sentinel's
 * replica and the writes on their way to it, the session stores, metrics, trace and feed.
 *
 * A checkpoint is dormant: nothing ever runs on it. Restoring copies it again, so one checkpoint
 * can be restored any number of times, and a restored world run to T equals a fresh run to T
 * (tests/run/checkpoint.test.ts). Listeners (the page's) are not part of it: a restore is given
 * its own.
 */
import { Cloner } from './graphClone';
import { redisServers } from './machines/redisActor';
import type { Listeners, World } from './world';

const NO_LISTENERS: Listeners = Object.freeze({});

export class Checkpoint {
  private constructor(
    private readonly world: World,
    /** The moment copied, virtual ms. */
    readonly atMs: number,
    /** About how many bytes the copy allocated (objects and their fields; strings are shared). */
    readonly bytes: number,
  ) {}

  /** Copy `w` now. Only between events: the engine must not be inside a `runUntil`. */
  static take(w: World): Checkpoint {
    const c = new Cloner([[w.listeners, NO_LISTENERS]], true);
    const copy = c.clone(w);
    return new Checkpoint(copy, w.now, c.bytes);
  }

  /** A new live world, equal to the one copied; it reports to `listeners`. */
  restore(listeners: Listeners): World {
    return new Cloner([[this.world.listeners, listeners]]).clone(this.world);
  }

  /** Release what the copy holds outside itself (its ioredis-mock instances, its actors). */
  dispose(): void {
    releaseWorld(this.world);
  }
}

/** Free a world's Redis servers' slots in ioredis-mock and stop its actors. */
export function releaseWorld(w: World): void {
  for (const r of redisServers(w)) r.dispose();
  for (const node of w.nodes.values()) node.actor.stop();
  w.redisActor.stop();
}
