/**
 * The load balancer's health view: which upstream servers it currently routes around.
 * The per-request choice is plain data in `Upstream` (it runs for every request); this
 * machine records the transitions a student sees: all live, degraded, no live upstreams.
 */
import { assign, setup } from 'xstate';

export interface BalancerContext {
  peers: string[];
  unavailable: string[];
}

export type BalancerEvent =
  | { type: 'CONFIGURE'; peers: string[] }
  | { type: 'HEALTH'; unavailable: string[] };

export const balancerMachine = setup({
  types: {
    context: {} as BalancerContext,
    events: {} as BalancerEvent,
    input: {} as { peers: string[] },
  },
  guards: {
    noneLive: ({ context }) => context.peers.length > 0 && context.unavailable.length >= context.peers.length,
    someDown: ({ context }) => context.unavailable.length > 0,
  },
  actions: {
    configure: assign({ peers: ({ event }) => (event.type === 'CONFIGURE' ? event.peers : []), unavailable: [] }),
    health: assign({ unavailable: ({ event }) => (event.type === 'HEALTH' ? event.unavailable : []) }),
  },
}).createMachine({
  id: 'balancer',
  context: ({ input }) => ({ peers: input.peers, unavailable: [] }),
  initial: 'judge',
  on: {
    CONFIGURE: { target: '.judge', actions: 'configure' },
    HEALTH: { target: '.judge', actions: 'health' },
  },
  states: {
    judge: {
      always: [
        { guard: 'noneLive', target: 'noLiveUpstreams' },
        { guard: 'someDown', target: 'degraded' },
        { target: 'allLive' },
      ],
    },
    allLive: {},
    degraded: {},
    noLiveUpstreams: {},
  },
});
