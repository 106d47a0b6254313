/**
 * The goal language: a declarative predicate over what the simulation measured. Plain data,
 * validated field by field, never code and never eval — a lesson may come from an untrusted
 * JSON file. Reference: docs/writing-lessons.md "Goals".
 *
 *   { metric: 'logouts', op: '==', value: 0, window: { after: 'crash:node-2', forSec: 60 } }
 *   { metric: 'logouts', per: 'requests', op: '<', value: 0.01 }
 *   { all: [goal, …] }   { any: [goal, …] }
 */
import { closest } from '../config/suggest';
import { METRIC_NAMES, metricInfo } from './goalMetrics';
import { parseActionRef } from './actions';

export const OPS = ['<', '<=', '==', '!=', '>=', '>'] as const;
export type Op = (typeof OPS)[number];

/**
 * The seconds of the step's timeline a metric is measured over. Without a window: the whole
 * run, `[0, runSec)`. `fromSec` shifts the start (from 0, or from the `after` action);
 * `forSec` sets the length (default: up to `runSec`; required with `after`).
 */
export interface GoalWindow {
  /** Start when this action first happens in the step, e.g. `crash:node-2`, `redis-down`. */
  after?: string;
  fromSec?: number;
  forSec?: number;
}

/** One comparison: `metric [per per] op value` over the window. */
export interface MetricGoal {
  metric: string;
  /**
   * Divide by this count metric over the same window: a ratio, e.g. logouts per request, or
   * a Redis counter per request (`redis.commands` per `requests`).
   */
  per?: string;
  op: Op;
  value: number;
  window?: GoalWindow;
  /** How the player words this goal; default generated from the metric. */
  label?: string;
}

export type Goal = MetricGoal | { all: Goal[] } | { any: Goal[] };

/** A problem found in a goal, with the path below the goal (joined with dots by the caller). */
export interface GoalIssue {
  path: (string | number)[];
  message: string;
}

/** `all`/`any` levels a goal may nest (lessons use 1) and the goals one list may hold (lessons use ≤ 3). */
export const MAX_GOAL_DEPTH = 4;
export const MAX_GOAL_LIST = 20;
/** Characters in a goal's `label` and an action name; a metric name is shorter still. */
const MAX_LABEL = 200;

const LEAF_KEYS = ['metric', 'per', 'op', 'value', 'window', 'label'];
const WINDOW_KEYS = ['after', 'fromSec', 'forSec'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function unknownKeys(o: Record<string, unknown>, known: string[], path: (string | number)[], out: GoalIssue[]): void {
  for (const k of Object.keys(o)) {
    if (known.includes(k)) continue;
    const near = closest(k, known);
    out.push({ path: [...path, k], message: `unknown field${near ? ` (did you mean '${near}'?)` : ''}` });
  }
}

/**
 * Check a goal; returns every problem found (empty = valid). Total: nesting and list sizes are
 * bounded ({@link MAX_GOAL_DEPTH}, {@link MAX_GOAL_LIST}) before anything below them is looked at.
 */
export function validateGoal(g: unknown, path: (string | number)[] = []): GoalIssue[] {
  const out: GoalIssue[] = [];
  checkGoal(g, path, 0, out);
  return out;
}

function checkGoal(g: unknown, path: (string | number)[], depth: number, out: GoalIssue[]): void {
  if (!isRecord(g)) {
    out.push({ path, message: 'a goal is an object: { metric, op, value }, { all: [...] } or { any: [...] }' });
    return;
  }
  for (const combo of ['all', 'any'] as const) {
    if (!Object.hasOwn(g, combo)) continue;
    unknownKeys(g, [combo], path, out);
    const list = g[combo];
    if (!Array.isArray(list) || list.length === 0) out.push({ path: [...path, combo], message: 'expected a non-empty list of goals' });
    else if (depth >= MAX_GOAL_DEPTH) out.push({ path: [...path, combo], message: `goals nest at most ${MAX_GOAL_DEPTH} levels of all/any` });
    else if (list.length > MAX_GOAL_LIST) out.push({ path: [...path, combo], message: `${list.length} goals in one list; at most ${MAX_GOAL_LIST}` });
    else list.forEach((sub, i) => checkGoal(sub, [...path, combo, i], depth + 1, out));
    return;
  }
  unknownKeys(g, LEAF_KEYS, path, out);
  checkMetric(g.metric, [...path, 'metric'], out, true);
  if (g.per !== undefined) {
    checkMetric(g.per, [...path, 'per'], out, false);
    const kind = typeof g.metric === 'string' ? metricInfo(g.metric)?.kind : undefined;
    if (kind !== undefined && kind !== 'count' && kind !== 'counter') {
      out.push({ path: [...path, 'per'], message: `only a count or a Redis counter can be divided (metric '${String(g.metric)}' is a ${kind})` });
    }
  }
  if (g.window !== undefined && typeof g.metric === 'string' && metricInfo(g.metric)?.wholeRun) {
    out.push({ path: [...path, 'window'], message: `'${g.metric}' is measured since the cluster started: it takes no window` });
  }
  if (!(OPS as readonly unknown[]).includes(g.op)) out.push({ path: [...path, 'op'], message: `expected one of ${OPS.map((o) => `'${o}'`).join(', ')}` });
  if (typeof g.value !== 'number' || !Number.isFinite(g.value)) out.push({ path: [...path, 'value'], message: 'expected a number' });
  if (g.label !== undefined && (typeof g.label !== 'string' || g.label.trim() === '' || g.label.length > MAX_LABEL)) {
    out.push({ path: [...path, 'label'], message: `expected a non-empty string of at most ${MAX_LABEL} characters` });
  }
  if (g.window !== undefined) checkWindow(g.window, [...path, 'window'], out);
}

function checkMetric(m: unknown, path: (string | number)[], out: GoalIssue[], anyKind: boolean): void {
  if (typeof m !== 'string') {
    out.push({ path, message: 'expected a metric name, e.g. \'logouts\'' });
    return;
  }
  if (m.length > MAX_LABEL) {
    out.push({ path, message: `unknown metric (a name of ${m.length} characters)` });
    return;
  }
  const info = metricInfo(m);
  if (!info) {
    const near = closest(m, METRIC_NAMES);
    out.push({ path, message: `unknown metric '${m}'${near ? ` (did you mean '${near}'?)` : ''}` });
  } else if (!anyKind && info.kind !== 'count') {
    out.push({ path, message: `'${m}' is not a count metric: only counts can be divided by` });
  }
}

function checkWindow(w: unknown, path: (string | number)[], out: GoalIssue[]): void {
  if (!isRecord(w)) {
    out.push({ path, message: 'expected { after?, fromSec?, forSec? }' });
    return;
  }
  unknownKeys(w, WINDOW_KEYS, path, out);
  if (w.after !== undefined) {
    const ref = typeof w.after === 'string' && w.after.length <= MAX_LABEL ? parseActionRef(w.after) : 'expected an action such as \'crash:node-2\' or \'redis-down\'';
    if (typeof ref === 'string') out.push({ path: [...path, 'after'], message: ref });
    if (w.forSec === undefined) out.push({ path: [...path, 'forSec'], message: 'a window that starts after an action needs a length (forSec)' });
  }
  if (w.fromSec !== undefined && (typeof w.fromSec !== 'number' || !Number.isInteger(w.fromSec) || w.fromSec < 0)) {
    out.push({ path: [...path, 'fromSec'], message: 'expected a whole number of seconds ≥ 0' });
  }
  if (w.forSec !== undefined && (typeof w.forSec !== 'number' || !Number.isInteger(w.forSec) || w.forSec < 1)) {
    out.push({ path: [...path, 'forSec'], message: 'expected a whole number of seconds ≥ 1' });
  }
}

/** Every comparison in a goal, depth first, with its path below the goal. */
export function goalLeaves(g: Goal, path: (string | number)[] = []): { leaf: MetricGoal; path: (string | number)[] }[] {
  if ('all' in g) return g.all.flatMap((s, i) => goalLeaves(s, [...path, 'all', i]));
  if ('any' in g) return g.any.flatMap((s, i) => goalLeaves(s, [...path, 'any', i]));
  return [{ leaf: g, path }];
}

/** `a op b`. */
export function compare(a: number, op: Op, b: number): boolean {
  switch (op) {
    case '<': return a < b;
    case '<=': return a <= b;
    case '==': return a === b;
    case '!=': return a !== b;
    case '>=': return a >= b;
    case '>': return a > b;
  }
}

/** How an op reads in a sentence. */
export const OP_WORDS: Record<Op, string> = { '<': '<', '<=': '≤', '==': '=', '!=': '≠', '>=': '≥', '>': '>' };
