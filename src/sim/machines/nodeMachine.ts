/**
 * An app node's lifecycle. Time never passes inside the machine: the engine schedules
 * BOOTED/DRAINED on its virtual clock (STYLE.md §2), so the machine stays a pure transition
 * table that tests can drive with `transition()`.
 *
 * `epoch` counts PHP-FPM process lifetimes: a request started in an older epoch died with it.
 * `generation` counts instances: a replaced node has a new, empty disk.
 */
import { assign, setup } from 'xstate';

export interface NodeContext {
  name: string;
  epoch: number;
  generation: number;
}

export type NodeEvent =
  | { type: 'CRASH' }
  | { type: 'RESTART' }
  | { type: 'REPLACE' }
  | { type: 'DRAIN' }
  | { type: 'DRAINED' }
  | { type: 'BOOTED' };

export type NodeState = 'booting' | 'up' | 'draining' | 'down';

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    events: {} as NodeEvent,
    input: {} as { name: string },
  },
  actions: {
    killProcess: assign({ epoch: ({ context }) => context.epoch + 1 }),
    newInstance: assign({ generation: ({ context }) => context.generation + 1 }),
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ name: input.name, epoch: 1, generation: 1 }),
  initial: 'up',
  on: {
    RESTART: { target: '.booting', actions: 'killProcess' },
    REPLACE: { target: '.booting', actions: ['killProcess', 'newInstance'] },
  },
  states: {
    booting: {
      on: { BOOTED: 'up', CRASH: { target: 'down', actions: 'killProcess' } },
    },
    up: {
      on: { CRASH: { target: 'down', actions: 'killProcess' }, DRAIN: 'draining' },
    },
    draining: {
      on: { DRAINED: 'down', CRASH: { target: 'down', actions: 'killProcess' } },
    },
    down: {},
  },
});

/** Whether a node in this state accepts new connections (a draining node finishes what it has). */
export function acceptsConnections(state: NodeState): boolean {
  return state === 'up' || state === 'draining';
}
