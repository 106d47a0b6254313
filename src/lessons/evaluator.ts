/**
 * Evaluates a goal against a running simulation, cheaply enough to call every animation frame:
 * each comparison keeps running sums over the engine's per-second series and only reads the
 * seconds closed since the last call. The same code judges a headless check (`runner.ts`) and
 * the live player, so what the CLI prints is what the student sees.
 *
 * Verdicts: a comparison is *decided* when its window is complete, or earlier when counting on
 * cannot change it (a count that already passed `> 0`, or already broke `== 0`). `met` means
 * decided and true, so "0 logouts" is not celebrated after 3 seconds of a 60-second window.
 */
import type { SecondBucket } from '../sim/metrics';
import type { FaultAction, ScheduledFault } from '../sim/types';
import { actionRef } from './actions';
import { compare, OP_WORDS, type Goal, type MetricGoal } from './goal';
import { isTypedMetric, LATENCY_QUANTILES, metricInfo, type MetricInfo } from './goalMetrics';

/** The live verdict on a goal (or one comparison of it). */
export interface GoalStatus {
  /** Decided and true. */
  met: boolean;
  /** The verdict can no longer change. */
  decided: boolean;
  /** How much of the window has been observed, 0..1. */
  progress: number;
  /** For people: "0 unexpected logouts in 42 s of the 60 s after crash:node-2 (goal: = 0)". */
  text: string;
  /** The measured value (comparisons only; NaN before anything was measured). */
  value?: number;
  /** The parts of an `all` / `any`. */
  parts?: GoalStatus[];
}

/** What the evaluator reads from a simulation (a `Simulation` fits; tests may pass less). */
export interface SimView {
  readonly now: number;
  readonly world: {
    readonly metrics: {
      readonly series: readonly SecondBucket[];
      /** The q-quantile (0..1) of response times since the start, ms (for `latencyMs.*`; absent: 0). */
      latencyQuantile?(q: number): number;
    };
    readonly settings: { readonly nodes: readonly { readonly name: string }[] };
    readonly redis: { info(section?: string): string; commandCalls(): Record<string, number>; commandHits?(): Record<string, number> } | null;
  };
}

export interface EvaluatorOptions {
  /** The step's run length: windows without `forSec` end here. */
  runSec: number;
  /** The step's scripted faults: windows may start after them. */
  events?: readonly ScheduledFault[];
}

type RedisField = keyof NonNullable<SecondBucket['redis']>;

/** Evaluates one goal over one simulation run. Make a new one when the simulation is rebuilt. */
export class GoalEvaluator {
  private readonly anchors = new Map<string, number>();
  private readonly root: Node;

  constructor(readonly goal: Goal, private readonly opts: EvaluatorOptions) {
    for (const e of opts.events ?? []) this.noteAction(e.action, e.atSec * 1000);
    this.root = build(goal);
  }

  /** An action happened (or is scheduled) at virtual `atMs`; windows `after` it start then. First occurrence wins. */
  noteAction(action: FaultAction, atMs: number): void {
    const ref = actionRef(action);
    const known = this.anchors.get(ref);
    if (known === undefined || atMs < known) this.anchors.set(ref, atMs);
  }

  /** Read what the simulation measured since the last call and judge the goal. */
  update(sim: SimView): GoalStatus {
    return this.root.evaluate(sim, { anchors: this.anchors, runSec: this.opts.runSec });
  }
}

interface Ctx {
  anchors: ReadonlyMap<string, number>;
  runSec: number;
}

interface Node {
  evaluate(sim: SimView, ctx: Ctx): GoalStatus;
}

function build(g: Goal): Node {
  if ('all' in g) return new Combo('all', g.all.map(build));
  if ('any' in g) return new Combo('any', g.any.map(build));
  return new Comparison(g);
}

class Combo implements Node {
  constructor(private readonly kind: 'all' | 'any', private readonly parts: Node[]) {}

  evaluate(sim: SimView, ctx: Ctx): GoalStatus {
    const parts = this.parts.map((p) => p.evaluate(sim, ctx));
    const metCount = parts.filter((p) => p.met).length;
    const failed = parts.filter((p) => p.decided && !p.met).length;
    const all = this.kind === 'all';
    const met = all ? metCount === parts.length : metCount > 0;
    const decided = all ? met || failed > 0 : met || failed === parts.length;
    const progress = Math.min(...parts.map((p) => p.progress));
    const text = all ? `${metCount} of ${parts.length} conditions met` : `${metCount > 0 ? 'one' : 'none'} of ${parts.length} alternatives met`;
    return { met, decided, progress, text, parts };
  }
}

/** Running sums over the window, rebuilt only when the window moves (an anchor appears). */
interface Acc {
  start: number;
  /** Next second to read. */
  next: number;
  num: number;
  den: number;
  byNode: Map<string, number>;
  /** Redis figures of the last second read, and of the second before the window. */
  last: SecondBucket['redis'];
  base: SecondBucket['redis'];
  /** Whether {@link base} was read (the second before the window may not be closed yet). */
  baseRead: boolean;
  /** Last live sample. */
  live: number | null;
}

class Comparison implements Node {
  private readonly info: MetricInfo;
  private acc: Acc | null = null;

  constructor(private readonly g: MetricGoal) {
    this.info = metricInfo(g.metric) ?? { kind: 'count', label: g.metric };
  }

  evaluate(sim: SimView, ctx: Ctx): GoalStatus {
    const g = this.g;
    const w = g.window ?? {};
    let start = w.fromSec ?? 0;
    if (w.after !== undefined) {
      const at = ctx.anchors.get(w.after);
      if (at === undefined) return this.status(false, false, 0, NaN, `waiting for ${w.after}`);
      start += Math.floor(at / 1000);
    }
    const end = w.forSec === undefined ? ctx.runSec : start + w.forSec;
    const series = sim.world.metrics.series;
    const first = series[0]?.sec ?? 0;
    const closed = series.length === 0 ? 0 : series[series.length - 1]!.sec + 1;
    const acc = this.accumulate(sim, series, first, start, Math.min(end, closed));
    const kind = this.info.kind;
    // What the student typed counts whenever they typed it, even after the step's horizon.
    const typed = isTypedMetric(g.metric);
    if (kind === 'live' && (typed || sim.now <= end * 1000 || acc.live === null)) acc.live = this.sample(sim);

    const observed = Math.max(0, Math.min(end, closed) - start);
    const length = Math.max(1, end - start);
    const complete = closed >= end;
    const progress = Math.min(1, observed / length);
    if (observed === 0 && kind !== 'live' && !complete) {
      return this.status(false, false, 0, NaN, closed < start ? `the window opens at ${start} s` : 'measuring…');
    }
    const value = this.value(acc);
    const holds = Number.isFinite(value) && compare(value, g.op, g.value);
    // Counts only grow as the window fills: some verdicts are final early.
    const monotone = (kind === 'count' && g.per === undefined) || typed;
    let decided = complete && !(typed && (g.op === '>' || g.op === '>='));
    if (!decided && monotone) {
      if ((g.op === '>' || g.op === '>=') && holds) decided = true;
      if ((g.op === '<' || g.op === '<=' || g.op === '==') && !holds && value > g.value) decided = true;
    }
    return this.status(decided && holds, decided, complete ? 1 : progress, value, this.describe(value, start, end, observed, complete));
  }

  private status(met: boolean, decided: boolean, progress: number, value: number, detail: string): GoalStatus {
    const text = Number.isNaN(value) ? `${this.g.label ?? this.info.label}: ${detail} (goal: ${this.target()})` : detail;
    return { met, decided, progress, text, value };
  }

  /** Read the seconds `[acc.next, upTo)` into the sums (restarting if the window moved). */
  private accumulate(sim: SimView, series: readonly SecondBucket[], first: number, start: number, upTo: number): Acc {
    let acc = this.acc;
    if (acc === null || acc.start !== start) {
      acc = { start, next: start, num: 0, den: 0, byNode: new Map(), last: null, base: null, baseRead: start === 0, live: acc?.live ?? null };
      this.acc = acc;
    }
    if (!acc.baseRead) {
      const before = series[start - 1 - first];
      if (before !== undefined) {
        acc.base = before.redis;
        acc.baseRead = true;
      }
    }
    const g = this.g;
    const nodes = sim.world.settings.nodes;
    for (let sec = Math.max(acc.next, first); sec < upTo; sec++) {
      const b = series[sec - first];
      if (b === undefined) break;
      switch (this.info.kind) {
        case 'count':
          acc.num += countOf(b, g.metric);
          break;
        case 'share':
          for (const n of nodes) acc.byNode.set(n.name, (acc.byNode.get(n.name) ?? 0) + (b.perNode[n.name] ?? 0));
          break;
        default:
          acc.last = b.redis;
      }
      if (g.per !== undefined) acc.den += countOf(b, g.per);
      acc.next = sec + 1;
    }
    return acc;
  }

  private sample(sim: SimView): number {
    const q = LATENCY_QUANTILES[this.g.metric as keyof typeof LATENCY_QUANTILES];
    if (q !== undefined) return sim.world.metrics.latencyQuantile?.(q) ?? 0;
    const redis = sim.world.redis;
    if (redis === null) return 0;
    if (this.g.metric === 'redis.avgTtlSec') {
      // INFO keyspace `db0:keys=N,expires=N,avg_ttl=MS` — INFO is not counted as a command.
      const m = /avg_ttl=(\d+)/.exec(redis.info('keyspace'));
      return m ? Math.round(Number(m[1]) / 1000) : 0;
    }
    // Own keys only: `redis.calls.constructor` is a well-formed name, and must read 0, not Object's constructor.
    const hits = this.g.metric.startsWith('redis.hits.');
    const counts = hits ? (redis.commandHits?.() ?? {}) : redis.commandCalls();
    const name = this.g.metric.slice(hits ? 'redis.hits.'.length : 'redis.calls.'.length);
    return Object.hasOwn(counts, name) ? counts[name]! : 0;
  }

  private value(acc: Acc): number {
    switch (this.info.kind) {
      case 'count':
        return this.g.per === undefined ? acc.num : acc.den === 0 ? NaN : acc.num / acc.den;
      case 'share': {
        const counts = [...acc.byNode.values()];
        const total = counts.reduce((a, b) => a + b, 0);
        if (total === 0) return NaN;
        return (this.g.metric === 'busiestNodeShare' ? Math.max(...counts) : Math.min(...counts)) / total;
      }
      case 'counter': {
        const f = this.g.metric.slice('redis.'.length) as RedisField;
        const grew = (acc.last?.[f] ?? 0) - (acc.base?.[f] ?? 0);
        if (this.g.per === undefined) return grew;
        return acc.den === 0 ? NaN : grew / acc.den;
      }
      case 'gauge':
        return acc.last?.[this.g.metric.slice('redis.'.length) as RedisField] ?? 0;
      case 'live':
        return acc.live ?? 0;
    }
  }

  /** Shares, and counts divided by counts, read as percentages; a Redis counter per request reads as a plain number. */
  private percent(): boolean {
    return this.info.percent === true || (this.g.per !== undefined && this.info.kind === 'count');
  }

  private fmt(v: number): string {
    if (Number.isNaN(v)) return '–';
    if (this.percent()) return `${Math.round(v * 1000) / 10}%`;
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  }

  private target(): string {
    return `${OP_WORDS[this.g.op]} ${this.fmt(this.g.value)}`;
  }

  private describe(value: number, start: number, end: number, observed: number, complete: boolean): string {
    const g = this.g;
    const w = g.window ?? {};
    const len = end - start;
    let span: string;
    if (this.info.kind === 'live') span = isTypedMetric(g.metric) ? 'so far' : this.info.wholeRun ? `over ${start + observed} s` : 'now';
    else if (this.info.kind === 'gauge') span = `at ${start + observed} s`;
    else {
      const part = complete ? `the ${len} s` : `${observed} s of the ${len} s`;
      if (w.after !== undefined) span = `in ${part} after ${w.after}${w.fromSec ? ` + ${w.fromSec} s` : ''}`;
      else if (start > 0) span = `in ${part} from ${start} s`;
      else if (w.forSec !== undefined) span = complete ? `in the first ${len} s` : `in ${observed} s of the first ${len} s`;
      else span = complete ? `in ${len} s` : `in ${observed} s of ${len} s`;
    }
    const label = g.label ?? (g.per !== undefined ? `${this.info.label} per ${metricInfo(g.per)?.label ?? g.per}` : this.info.label);
    const counted = this.info.kind === 'count' && g.per === undefined || isTypedMetric(g.metric) || (this.info.kind === 'counter' && g.per === undefined);
    const head = counted && g.label === undefined ? `${this.fmt(value)} ${label}` : `${label}: ${this.fmt(value)}`;
    return `${head} ${span} (goal: ${this.target()})`;
  }
}

/** A count metric's value in one second. */
function countOf(b: SecondBucket, metric: string): number {
  if (metric === 'requests') return b.requests;
  if (metric === 'logouts') return b.logouts;
  if (metric.startsWith('outcomes.')) return b.outcomes[metric.slice(9) as keyof SecondBucket['outcomes']] ?? 0;
  if (metric.startsWith('perNode.')) return b.perNode[metric.slice(8)] ?? 0;
  return 0;
}
