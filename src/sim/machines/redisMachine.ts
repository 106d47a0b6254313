/**
 * The Redis server's lifecycle as the cluster sees it. The engine mirrors the state onto
 * the SimRedis gate (commands refused while down).
 */
import { setup } from 'xstate';

export type RedisEvent = { type: 'DOWN' } | { type: 'UP' };
export type RedisState = 'up' | 'down';

export const redisMachine = setup({
  types: { events: {} as RedisEvent },
}).createMachine({
  id: 'redis',
  initial: 'up',
  states: {
    up: { on: { DOWN: 'down' } },
    down: { on: { UP: 'up' } },
  },
});
