/**
 * Why a machine moved: every event the engine sends carries the virtual time and who caused it,
 * and each machine keeps its last transition so a view can say "crashed by you at 09:01:12"
 * or "booted after 5 s". Time never passes inside a machine: `at` comes from the engine's clock.
 */
/** Who sent the event: the student (a button, a console), a scheduled fault (CLI --event, a lesson), the deploy, or the engine itself. */
export type Initiator = 'you' | 'schedule' | 'deploy' | 'engine';

/** What every machine event carries besides its type. */
export interface Cause {
  /** Virtual ms since the start. */
  at: number;
  by: Initiator;
}

/** The last transition a machine took. `after` is how long it had been in the state it left, ms. */
export interface LastTransition {
  event: string;
  /** The region that moved (`process`, `link`, `server`, `network`). */
  region: string;
  from: string;
  to: string;
  at: number;
  by: Initiator;
  after: number;
}

/** The part of a machine's context this module maintains, per parallel region. */
export interface Timeline {
  /** Each region's current state (kept by the entry actions, so the next move knows where it came from). */
  current: Record<string, string>;
  /** Virtual ms each region entered its current state. */
  since: Record<string, number>;
  last: LastTransition | null;
}

export function startTimeline(): Timeline {
  return { current: {}, since: {}, last: null };
}

/**
 * What the entry action of state `state` in region `region` assigns: where the region came
 * from, when, and why. On the machine's start (XState's init event) it only notes the state.
 */
export function recordEntry(context: Timeline, event: { type: string }, region: string, state: string): Timeline {
  const from = context.current[region];
  const current = { ...context.current, [region]: state };
  if (from === undefined || !isCaused(event)) return { current, since: { ...context.since, [region]: 0 }, last: context.last };
  return {
    current,
    since: { ...context.since, [region]: event.at },
    last: { event: event.type, region, from, to: state, at: event.at, by: event.by, after: event.at - (context.since[region] ?? 0) },
  };
}

/** The parameters of a machine's `entered` entry action. */
export interface Entered {
  region: string;
  state: string;
}

function isCaused(event: { type: string }): event is { type: string } & Cause {
  return typeof (event as Partial<Cause>).at === 'number' && typeof (event as Partial<Cause>).by === 'string';
}

/** A machine's state for a view: each region's current state and the last transition. */
export interface MachineView {
  value: Readonly<Record<string, string>>;
  last: LastTransition | null;
}
