/**
 * The Redis service's lifecycle as the cluster sees it. The engine mirrors the state onto
 * the SimRedis gate (commands refused while down). With Sentinel, a dead primary is
 * `failingOver` until the replica is promoted (after `down-after-milliseconds`).
 */
import { setup } from 'xstate';

export type RedisEvent = { type: 'DOWN' } | { type: 'UP' } | { type: 'FAILOVER' } | { type: 'PROMOTED' };
export type RedisState = 'up' | 'down' | 'failingOver';

export const redisMachine = setup({
  types: { events: {} as RedisEvent },
}).createMachine({
  id: 'redis',
  initial: 'up',
  states: {
    up: { on: { DOWN: 'down', FAILOVER: 'failingOver' } },
    down: { on: { UP: 'up' } },
    failingOver: { on: { PROMOTED: 'up' } },
  },
});
