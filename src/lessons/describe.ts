/**
 * A goal in plain English, for the player's Goal box before anything has run:
 * "No unexpected logouts in the 60 s after node-2 crashes." (not "logouts = 0 for 60 s
 * after crash:node-2"). A lesson's own `label` wins; everything else is generated here.
 */
import type { Goal, MetricGoal, Op } from './goal';
import { metricInfo } from './goalMetrics';

export function isPercent(g: MetricGoal): boolean {
  const info = metricInfo(g.metric);
  // Shares and count ratios are percentages; a Redis counter per request is a plain number.
  return info?.percent === true || (g.per !== undefined && info?.kind === 'count');
}

function value(g: MetricGoal): string {
  return isPercent(g) ? `${Math.round(g.value * 1000) / 10}%` : g.value.toLocaleString('en-US');
}

/** "node-2 crashes", "Redis goes down": an action reference (`crash:node-2`) as a clause. */
export function actionClause(ref: string): string {
  const [kind = '', target] = ref.split(':');
  const node = target ?? 'a node';
  switch (kind) {
    case 'crash': return `${node} crashes`;
    case 'restart': return `${node} restarts`;
    case 'replace': return `${node} is replaced`;
    case 'drain': return `${node} is drained`;
    case 'partition': return `${node} loses its link to Redis`;
    case 'heal': return 'the network heals';
    case 'redis-down': return 'Redis goes down';
    case 'redis-up': return 'Redis comes back';
    case 'redis-failover': return 'the Redis failover starts';
    case 'redis-latency': return 'Redis slows down';
    case 'redis-blackhole': return 'Redis is black-holed';
    case 'deploy': return 'the rolling deploy starts';
    default: return ref;
  }
}

/** Options: `brief` leaves out "over the whole step" (where the step's timeline is shown anyway). */
export interface DescribeOptions {
  brief?: boolean;
}

function windowWords(g: MetricGoal, o: DescribeOptions = {}): string {
  if (metricInfo(g.metric)?.wholeRun) return 'since the cluster started';
  const w = g.window;
  if (!w || (w.after === undefined && !w.fromSec && w.forSec === undefined)) return o.brief ? '' : 'over the whole step';
  if (w.after !== undefined) {
    const start = w.fromSec ? `${w.fromSec} s after ${actionClause(w.after)}` : actionClause(w.after);
    if (w.forSec === undefined) return w.fromSec ? `from ${start} on` : `once ${start}`;
    return w.fromSec ? `for ${w.forSec} s from ${start}` : `in the ${w.forSec} s after ${start}`;
  }
  if (w.fromSec) return w.forSec === undefined ? `from ${w.fromSec} s on` : `between ${w.fromSec} s and ${w.fromSec + w.forSec} s`;
  return w.forSec === undefined ? 'over the whole step' : `in the first ${w.forSec} s`;
}

/** How a count reads with a comparison: "no", "at most 5", "more than 100". */
const COUNT_OP: Record<Op, (v: string) => string> = {
  '<': (v) => `fewer than ${v}`,
  '<=': (v) => (v === '0' ? 'no' : `at most ${v}`),
  '==': (v) => (v === '0' ? 'no' : `exactly ${v}`),
  '!=': (v) => `not exactly ${v}`,
  '>=': (v) => `at least ${v}`,
  '>': (v) => (v === '0' ? 'some' : `more than ${v}`),
};

/** How a level reads with a comparison: "is at most 60%". */
const LEVEL_OP: Record<Op, string> = {
  '<': 'stays below', '<=': 'is at most', '==': 'is exactly', '!=': 'is not', '>=': 'is at least', '>': 'is above',
};

/** A comparison in two halves: what is compared, and over which window. */
function comparison(g: MetricGoal, o: DescribeOptions = {}): { what: string; when: string } {
  if (g.label !== undefined) return { what: labelled(g, g.label), when: '' };
  const info = metricInfo(g.metric);
  const label = info?.label ?? g.metric;
  const when = windowWords(g, o);
  if (g.per !== undefined) {
    const per = metricInfo(g.per)?.label ?? g.per;
    return { what: `${label} per ${per.replace(/s$/, '')} ${LEVEL_OP[g.op]} ${value(g)}`, when };
  }
  if (info && (info.kind === 'count' || info.kind === 'counter') && !isPercent(g)) return { what: `${COUNT_OP[g.op](value(g))} ${label}`, when };
  return { what: `${label} ${LEVEL_OP[g.op]} ${value(g)}`, when };
}

/** Lowercase a label's first word inside a sentence ("The busiest…" → "the busiest…"), but not "Redis" or "POSTs". */
function inner(s: string): string {
  const first = /^[A-Z][a-z]+\b/.exec(s)?.[0];
  return first && !PROPER.has(first) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

const PROPER = new Set(['Redis', 'Sentinel', 'Laravel', 'nginx', 'HAProxy']);

/**
 * A lesson's label, with the target added when the label only names what is measured
 * ("Average TTL of the session keys (s)" → "… is at most 1,800 s"); a label that is a whole
 * statement ("Nobody is logged out") stands as written.
 */
function labelled(g: MetricGoal, label: string): string {
  const unit = /\s*\((s|ms)\)$/.exec(label);
  if (unit) return `${label.slice(0, unit.index)} ${LEVEL_OP[g.op]} ${value(g)} ${unit[1]}`;
  if (/\b(share|per)\b/i.test(label)) return `${label} ${LEVEL_OP[g.op]} ${value(g)}`;
  return label;
}

function join(parts: string[], word: 'and' | 'or'): string {
  if (parts.length <= 1) return parts.join('');
  const [head, ...rest] = parts.map((p, i) => (i === 0 ? p : inner(p)));
  if (rest.length === 1) return `${head} ${word} ${rest[0]}`;
  return `${[head, ...rest.slice(0, -1)].join(', ')}, ${word} ${rest.at(-1)}`;
}

const full = (c: { what: string; when: string }) => (c.when ? `${c.what} ${c.when}` : c.what);

function clause(g: Goal, o: DescribeOptions = {}): string {
  if (!('all' in g) && !('any' in g)) return full(comparison(g, o));
  const parts = 'all' in g ? g.all : g.any;
  const word = 'all' in g ? 'and' : 'or';
  const leaves = parts.every((p) => !('all' in p) && !('any' in p)) ? parts.map((p) => comparison(p as MetricGoal)) : null;
  // One window for every part: say it once, at the end ("no logouts and no 419s over the whole step").
  const shared = leaves && leaves.length > 1 && leaves.every((c) => c.when !== '' && c.when === leaves[0]!.when) ? leaves[0]!.when : null;
  const words = shared ? join(leaves!.map((c) => c.what), word) + ` ${shared}` : join(parts.map((p) => ('metric' in p ? clause(p) : `(${clause(p)})`)), word);
  return word === 'or' ? `either ${words}` : words;
}

/** The whole goal as one sentence, capitalised, with a full stop. */
export function describeGoal(g: Goal, o: DescribeOptions = {}): string {
  const s = clause(g, o);
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
}
