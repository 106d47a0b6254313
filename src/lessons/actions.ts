/**
 * Actions on a step's timeline — scripted faults (`events`) and the student's own moves in a
 * solution — in the engine's vocabulary: `parseEventSpec` decides what is valid, so a fault the
 * engine learns is a fault lessons can use, with the same error messages as the CLI.
 */
import { actionLabel, MAX_NODES, parseEventSpec } from '../sim/settings';
import type { FaultAction, ScheduledFault } from '../sim/types';

/**
 * A fault at a time on the step's timeline, as a lesson writes it: `"60:crash:node-2"`
 * (the CLI's `--event` syntax) or `{ atSec: 60, action: 'crash', node: 'node-2' }`
 * (`ms` for `redis-latency`).
 */
export type TimedAction = string | { atSec: number; action: FaultAction['kind']; node?: string; ms?: number };

/** A redis-cli line the solution types into the console at a time, e.g. `SCAN 0 MATCH laravel_* COUNT 100`. */
export interface ConsoleLine {
  atSec: number;
  /** May contain `{{key PATTERN}}`: the first key SCAN finds for PATTERN (the id is not known in advance). */
  line: string;
}

/** The `--event` spelling of a timed action. */
export function timedActionSpec(a: TimedAction): string {
  if (typeof a === 'string') return a;
  return `${a.atSec}:${actionSpec(a)}`;
}

/** `crash:node-2`, `redis-latency:200`, `redis-down` from an action name and its target. */
export function actionSpec(a: { action: string; node?: string; ms?: number }): string {
  const target = a.node ?? a.ms;
  return target === undefined ? a.action : `${a.action}:${target}`;
}

/** Parse a timed action for a cluster of `nodeCount` nodes; an error message instead of throwing. */
export function parseTimedAction(a: TimedAction, nodeCount: number): ScheduledFault | string {
  return parseEventSpec(timedActionSpec(a), nodeCount);
}

/** Parse an action reference without a time (`crash:node-2`, `redis-down`), as goal windows and asks name them. */
export function parseActionRef(ref: string, nodeCount = MAX_NODES): FaultAction | string {
  const parsed = parseEventSpec(`0:${ref}`, nodeCount);
  // The engine's message names the spec with its time ("0:crash": …): show the reference as written.
  if (typeof parsed === 'string') return parsed.replace(`"0:${ref}"`, `'${ref}'`);
  return parsed.action;
}

/** `crash:node-2` / `redis-down`. */
export function actionRef(a: FaultAction): string {
  return actionLabel(a);
}
