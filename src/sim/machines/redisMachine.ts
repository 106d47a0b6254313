/**
 * The sessions Redis as the cluster sees it: the one source of the Redis gate. Two parallel
 * regions and one number:
 * - `server`: up → down → up; with Sentinel a dead primary is `failingOver` until the replica
 *   is promoted (after `down-after-milliseconds`);
 * - `network`: reachable ⇄ blackHoled (packets dropped: calls hang);
 * - `latencyMs` (context): extra time on every command.
 *
 * The engine reads the gate from here ({@link gateOf}); the transitions' actions (`stopServer`,
 * `startServer`, `dropPackets`, `passPackets`, `applyLatency`) are no-ops in the bare machine and
 * are provided by the engine (`redisActor.ts`) to make the Redis server itself refuse or drop commands.
 */
import { assign, not, setup, stateIn, type SnapshotFrom } from 'xstate';
import { recordEntry, startTimeline, type Cause, type Entered, type Timeline } from './cause';

export type RedisEvent = (
  | { type: 'DOWN' }
  | { type: 'UP' }
  | { type: 'FAILOVER' }
  | { type: 'PROMOTED' }
  | { type: 'BLACKHOLE' }
  | { type: 'LATENCY'; ms: number }
) & Cause;

export type RedisState = 'up' | 'down' | 'failingOver';
export type RedisNetworkState = 'reachable' | 'blackHoled';

export interface RedisContext extends Timeline {
  latencyMs: number;
}

/** What a command meets: it runs, it is refused (connection refused), or it vanishes (black hole: it hangs). */
export type RedisGate = 'open' | 'refused' | 'blackholed';

export const redisMachine = setup({
  types: { context: {} as RedisContext, events: {} as RedisEvent },
  guards: {
    failingOver: stateIn({ server: 'failingOver' }),
    notFailingOver: not(stateIn({ server: 'failingOver' })),
  },
  actions: {
    // Effects on the Redis server the engine drives; provided by `createRedisActor`.
    stopServer: () => {},
    startServer: () => {},
    dropPackets: () => {},
    passPackets: () => {},
    applyLatency: (_, _p: { ms: number }) => {},
    setLatency: assign({ latencyMs: ({ event }) => (event.type === 'LATENCY' ? event.ms : 0) }),
    entered: assign(({ context, event }, p: Entered) => recordEntry(context, event, p.region, p.state)),
  },
}).createMachine({
  id: 'redis',
  context: () => ({ latencyMs: 0, ...startTimeline() }),
  type: 'parallel',
  on: {
    LATENCY: { actions: ['setLatency', { type: 'applyLatency', params: ({ event }) => ({ ms: event.ms }) }] },
  },
  states: {
    server: {
      initial: 'up',
      states: {
        up: {
          entry: { type: 'entered', params: { region: 'server', state: 'up' } },
          on: {
            DOWN: { target: 'down', actions: 'stopServer' },
            FAILOVER: { target: 'failingOver', actions: 'stopServer' },
          },
        },
        down: {
          entry: { type: 'entered', params: { region: 'server', state: 'down' } },
          on: { UP: { target: 'up', actions: 'startServer' } },
        },
        failingOver: {
          entry: { type: 'entered', params: { region: 'server', state: 'failingOver' } },
          // The engine has already made the replica the primary: nothing to start.
          on: { PROMOTED: 'up' },
        },
      },
    },
    network: {
      initial: 'reachable',
      states: {
        reachable: {
          entry: { type: 'entered', params: { region: 'network', state: 'reachable' } },
          on: { BLACKHOLE: { target: 'blackHoled', actions: 'dropPackets' } },
        },
        blackHoled: {
          entry: { type: 'entered', params: { region: 'network', state: 'blackHoled' } },
          on: {
            // "Bring up" restores the network too, except while Sentinel is promoting the replica.
            UP: { target: 'reachable', guard: 'notFailingOver', actions: 'passPackets' },
            // The promoted replica is another host: its packets were never dropped.
            PROMOTED: { target: 'reachable', guard: 'failingOver' },
          },
        },
      },
    },
  },
});

export type RedisSnapshot = SnapshotFrom<typeof redisMachine>;

export function serverState(s: RedisSnapshot): RedisState {
  return (s.value as { server: RedisState }).server;
}

export function networkState(s: RedisSnapshot): RedisNetworkState {
  return (s.value as { network: RedisNetworkState }).network;
}

/** The gate every Redis call passes: a black hole swallows packets even to a server that is down. */
export function gateOf(s: RedisSnapshot): RedisGate {
  if (networkState(s) === 'blackHoled') return 'blackholed';
  return serverState(s) === 'up' ? 'open' : 'refused';
}

/** Why the machine refuses a Redis fault, in words (null: it accepts). */
export function redisRefusal(s: RedisSnapshot, event: RedisEvent): string | null {
  if (s.can(event)) return null;
  const server = serverState(s);
  if (server === 'failingOver') return 'Sentinel is failing over; the replica will be promoted';
  switch (event.type) {
    case 'DOWN': return 'Redis is already down';
    case 'UP': return 'Redis is already up';
    case 'FAILOVER': return 'the primary is not up';
    case 'BLACKHOLE': return 'Redis is already black-holed';
    case 'PROMOTED': return 'no failover in progress';
    case 'LATENCY': return null;
  }
}
