/**
 * The engine's Redis actor: the Redis machine with its effects on the servers the world holds,
 * and the one function the request path reads the gate through.
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import { cloneVia } from '../graphClone';
import type { World } from '../world';
import { gateOf, redisMachine, type RedisGate } from './redisMachine';

/** Every distinct Redis server of the run (sessions, cache, replica). */
export function redisServers(w: World) {
  return [...new Set([w.redis, w.cacheRedis, w.replica])].filter((r) => r !== null);
}

/**
 * Start the machine for a world. `world` is read when a transition runs (the world literal
 * creating the actor is not finished yet): stopping and starting act on the current primary,
 * latency on every server. `snapshot` restores a persisted state (a checkpoint's).
 */
export function createRedisActor(world: () => World, snapshot?: Snapshot<unknown>): Actor<typeof redisMachine> {
  const actor = createActor(redisMachine.provide({
    actions: {
      stopServer: () => world().redis?.down(),
      startServer: () => world().redis?.up(),
      dropPackets: () => { const r = world().redis; if (r) r.blackhole = true; },
      passPackets: () => { const r = world().redis; if (r) r.blackhole = false; },
      applyLatency: (_, p) => { for (const r of redisServers(world())) r.setLatency(p.ms); },
    },
  }), snapshot ? { snapshot } : {}).start();
  // A checkpoint's copy: the same state (restoring runs no entry action), acting on the copied world.
  return cloneVia(actor, (c, a) => {
    const copy = c.clone(world());
    return createRedisActor(() => copy, a.getPersistedSnapshot());
  });
}

/** What a Redis call meets now, as the Redis machine decides it. */
export function redisGate(w: World): RedisGate {
  return gateOf(w.redisActor.getSnapshot());
}
