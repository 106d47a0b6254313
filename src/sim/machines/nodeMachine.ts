/**
 * An app node's lifecycle, and its link to Redis. The machine decides which faults apply:
 * `faults.ts` asks `snapshot.can(event)` and reports {@link nodeRefusal} when it says no.
 * Time never passes inside the machine: the engine schedules BOOTED/DRAINED on its virtual
 * clock (STYLE.md §2) and every event carries its time and initiator ({@link Cause}).
 *
 * Two parallel regions:
 * - `process`: booting → up → draining → down; crash from any running state; restart and replace
 *   from any state but booting;
 * - `link`: connected ⇄ partitioned (its packets to Redis dropped).
 *
 * `epoch` counts PHP-FPM process lifetimes: a request started in an older epoch died with it,
 * and a BOOTED scheduled for an older epoch is refused (the node was restarted again meanwhile).
 * `generation` counts instances: a replaced node has a new, empty disk.
 */
import { assign, not, setup, stateIn, type SnapshotFrom } from 'xstate';
import { recordEntry, startTimeline, type Cause, type Entered, type Timeline } from './cause';

export interface NodeContext extends Timeline {
  name: string;
  epoch: number;
  generation: number;
}

export type NodeEvent = (
  | { type: 'CRASH' }
  | { type: 'RESTART' }
  | { type: 'REPLACE' }
  | { type: 'DRAIN' }
  | { type: 'DRAINED' }
  | { type: 'BOOTED'; epoch: number }
  | { type: 'PARTITION' }
  | { type: 'HEAL' }
) & Cause;

export type NodeState = 'up' | 'draining' | 'down' | 'booting';
export type LinkState = 'connected' | 'partitioned';

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    events: {} as NodeEvent,
    input: {} as { name: string },
  },
  guards: {
    /** A boot finishes only for the process lifetime it was scheduled for. */
    currentEpoch: ({ context, event }) => event.type === 'BOOTED' && event.epoch === context.epoch,
    notBooting: not(stateIn({ process: 'booting' })),
  },
  actions: {
    killProcess: assign({ epoch: ({ context }) => context.epoch + 1 }),
    newInstance: assign({ generation: ({ context }) => context.generation + 1 }),
    entered: assign(({ context, event }, p: Entered) => recordEntry(context, event, p.region, p.state)),
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ name: input.name, epoch: 1, generation: 1, ...startTimeline() }),
  type: 'parallel',
  states: {
    process: {
      initial: 'up',
      // From any state but booting: a restart keeps the disk, a replacement is a new instance.
      on: {
        RESTART: { target: '.booting', guard: 'notBooting', actions: 'killProcess' },
        REPLACE: { target: '.booting', guard: 'notBooting', actions: ['killProcess', 'newInstance'] },
      },
      states: {
        booting: {
          entry: { type: 'entered', params: { region: 'process', state: 'booting' } },
          on: {
            BOOTED: { target: 'up', guard: 'currentEpoch' },
            CRASH: { target: 'down', actions: 'killProcess' },
          },
        },
        up: {
          entry: { type: 'entered', params: { region: 'process', state: 'up' } },
          on: {
            DRAIN: 'draining',
            CRASH: { target: 'down', actions: 'killProcess' },
          },
        },
        draining: {
          entry: { type: 'entered', params: { region: 'process', state: 'draining' } },
          on: {
            DRAINED: 'down',
            CRASH: { target: 'down', actions: 'killProcess' },
          },
        },
        down: {
          entry: { type: 'entered', params: { region: 'process', state: 'down' } },
        },
      },
    },
    link: {
      initial: 'connected',
      states: {
        connected: {
          entry: { type: 'entered', params: { region: 'link', state: 'connected' } },
          on: { PARTITION: 'partitioned' },
        },
        partitioned: {
          entry: { type: 'entered', params: { region: 'link', state: 'partitioned' } },
          on: { HEAL: 'connected' },
        },
      },
    },
  },
});

export type NodeSnapshot = SnapshotFrom<typeof nodeMachine>;

export function processState(s: NodeSnapshot): NodeState {
  return (s.value as { process: NodeState }).process;
}

export function linkState(s: NodeSnapshot): LinkState {
  return (s.value as { link: LinkState }).link;
}

/** Whether a node in this state accepts new connections (a draining node finishes what it has). */
export function acceptsConnections(state: NodeState): boolean {
  return state === 'up' || state === 'draining';
}

/**
 * Why the machine refuses a fault, in words (null: it accepts). The decision is the machine's
 * (`can`); this only explains it from the state it is in.
 */
export function nodeRefusal(s: NodeSnapshot, event: NodeEvent): string | null {
  if (s.can(event)) return null;
  const name = s.context.name;
  const state = processState(s);
  switch (event.type) {
    case 'CRASH': return `${name} is already down`;
    case 'DRAIN': return `${name} is ${state}: only a node that is up can be drained`;
    case 'RESTART':
    case 'REPLACE': return `${name} is already booting: wait until it is up, or crash it`;
    case 'PARTITION': return `${name} is already cut off from Redis`;
    case 'HEAL': return `${name} is already connected to Redis`;
    case 'DRAINED': return `${name} is ${state}, not draining`;
    case 'BOOTED': return state === 'booting' ? `${name} was restarted again: this boot is stale` : `${name} is ${state}, not booting`;
  }
}
