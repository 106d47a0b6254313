/**
 * Whether an app node can reach the sessions Redis right now: the one place the engine reads
 * Redis's up/down state and the network faults between a node and Redis. Everything a request
 * sends to Redis goes through a {@link RedisConnection}, which asks {@link redisReach}.
 */
import { redisGate } from '../machines/redisActor';
import type { World } from '../world';

/** Commands pass, are refused (connection refused), or vanish (no answer: a timeout). */
export type Reach = 'open' | 'refused' | 'silent';

/** What the answer depends on about the node. */
export interface NodeLink {
  /** The node's packets to Redis are dropped (a partition). */
  readonly partitioned: boolean;
  /** Its address (MONITOR shows a request's connection from it as `privateIp:number`). */
  readonly privateIp: string;
}

/**
 * Whether the sessions Redis server is up: the single reading of its up/down state. The Redis
 * machine decides for the simulated server; a real one (`--redis-url`) can also just stop.
 */
export function redisIsUp(w: Pick<World, 'redis' | 'redisActor'>): boolean {
  return w.redis !== null && redisGate(w as World) !== 'refused' && w.redis.isUp;
}

/**
 * The reachability of the sessions Redis from `node`. A black hole or a partition wins over a
 * stopped server: packets that never arrive get no "connection refused" either.
 */
export function redisReach(w: Pick<World, 'redis' | 'redisActor'>, node: NodeLink): Reach {
  if (w.redis === null) return 'refused';
  if (node.partitioned || redisGate(w as World) === 'blackholed') return 'silent';
  return redisIsUp(w) ? 'open' : 'refused';
}
