/**
 * A goal in words, for the player's "Goal:" line before anything has run:
 * "unexpected logouts = 0 for 60 s after crash:node-2".
 */
import { OP_WORDS, type Goal, type MetricGoal } from './goal';
import { metricInfo } from './goalMetrics';

function value(g: MetricGoal): string {
  const info = metricInfo(g.metric);
  // Shares and count ratios are percentages; a Redis counter per request is a plain number.
  const percent = info?.percent === true || (g.per !== undefined && info?.kind === 'count');
  return percent ? `${Math.round(g.value * 1000) / 10}%` : String(g.value);
}

function windowWords(g: MetricGoal): string {
  if (metricInfo(g.metric)?.wholeRun) return 'since the cluster started';
  const w = g.window;
  if (!w) return 'over the run';
  const len = w.forSec === undefined ? '' : `for ${w.forSec} s `;
  if (w.after !== undefined) return `${len}after ${w.after}${w.fromSec ? ` + ${w.fromSec} s` : ''}`;
  if (w.fromSec) return `${len}from ${w.fromSec} s`;
  return w.forSec === undefined ? 'over the run' : `in the first ${w.forSec} s`;
}

/** One line per comparison, joined with "and" / "or". */
export function describeGoal(g: Goal): string {
  if ('all' in g) return g.all.map((p) => ('metric' in p ? describeGoal(p) : `(${describeGoal(p)})`)).join(', and ');
  if ('any' in g) return g.any.map((p) => ('metric' in p ? describeGoal(p) : `(${describeGoal(p)})`)).join(', or ');
  if (g.label !== undefined) return g.label;
  const info = metricInfo(g.metric);
  const per = g.per !== undefined ? ` per ${metricInfo(g.per)?.label ?? g.per}` : '';
  return `${info?.label ?? g.metric}${per} ${OP_WORDS[g.op]} ${value(g)} ${windowWords(g)}`;
}
