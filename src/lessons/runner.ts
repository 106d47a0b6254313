/**
 * The headless lesson runner. For every step: run it as the student finds it — the goal must
 * not be met (the step really shows a problem), unless the step says `startsMet` — then run it
 * with the solution applied, and the goal must be met. Seeded, so every figure is reproducible.
 * This is how `npm run lessons:check` and the lesson test prove that each lesson's solution works.
 */
import { runRedisCli } from '../console/redisCli';
import type { EngineRedis } from '../sim/redis';
import { Simulation } from '../sim/simulation';
import type { ScheduledFault } from '../sim/types';
import { actionRef } from './actions';
import { GoalEvaluator, type GoalStatus } from './evaluator';
import { buildSettings, stepScenario } from './scenario';
import type { Lesson, Step } from './types';

/** One run of a step, as measured. */
export interface RunFigures {
  met: boolean;
  status: GoalStatus;
  /** The goal's figures in one line (all comparisons). */
  text: string;
  requests: number;
  logouts: number;
  /** What the solution's console lines printed. */
  console: { line: string; output: string }[];
  /** Things that went wrong applying the solution (a fault the engine refused, …). */
  problems: string[];
}

export interface StepCheck {
  lesson: string;
  step: string;
  /** 0-based. */
  index: number;
  title: string;
  startsMet: boolean;
  before: RunFigures;
  /** Null when the solution changes nothing (a `startsMet` step with an empty solution). */
  after: RunFigures | null;
  ok: boolean;
  problems: string[];
}

export interface RunOptions {
  /** Evaluate the goal every virtual second, as the live player does (default: once at the end). */
  everySecond?: boolean;
}

/** All comparison texts of a status, joined. */
export function statusText(s: GoalStatus): string {
  return s.parts ? s.parts.map(statusText).join('; ') : s.text;
}

export function hasSolution(step: Step): boolean {
  const s = step.solution;
  return Object.keys(s.settings).length + s.actions.length + s.console.length > 0;
}

type TimelineItem = { atSec: number; fault: ScheduledFault } | { atSec: number; line: string };

/** Run step `index` of a validated lesson, with or without its solution, for `runSec` virtual seconds. */
export async function runStep(lesson: Lesson, index: number, withSolution: boolean, opts: RunOptions = {}): Promise<RunFigures> {
  const step = lesson.steps[index];
  if (!step) throw new Error(`${lesson.id} has no step ${index}`);
  const settings = buildSettings(stepScenario(lesson, index, withSolution), step.runSec, step.events);
  const sim = await Simulation.create(settings, { traceLimit: 0 });
  const evaluator = new GoalEvaluator(step.goal, { runSec: step.runSec, events: step.events });
  const problems: string[] = [];
  const typed: RunFigures['console'] = [];
  const timeline: TimelineItem[] = withSolution
    ? [...step.solution.actions.map((fault) => ({ atSec: fault.atSec, fault })), ...step.solution.console.map((c) => ({ atSec: c.atSec, line: c.line }))]
    : [];
  timeline.sort((a, b) => a.atSec - b.atSec);
  try {
    const advance = async (toMs: number): Promise<void> => {
      if (!opts.everySecond) return sim.runUntil(toMs);
      for (let t = Math.floor(sim.now / 1000) * 1000 + 1000; t <= toMs; t += 1000) {
        await sim.runUntil(t);
        evaluator.update(sim);
      }
      await sim.runUntil(toMs);
    };
    for (const item of timeline) {
      await advance(item.atSec * 1000);
      if ('fault' in item) {
        const err = sim.fault(item.fault.action);
        if (err) problems.push(`${item.atSec}:${actionRef(item.fault.action)}: ${err}`);
        else evaluator.noteAction(item.fault.action, sim.now);
      } else {
        typed.push(await typeLine(sim, item.line, problems));
      }
    }
    await advance(step.runSec * 1000);
    const status = evaluator.update(sim);
    const m = sim.world.metrics;
    return { met: status.met, status, text: statusText(status), requests: m.requests, logouts: m.logouts, console: typed, problems };
  } finally {
    sim.world.redis?.dispose();
  }
}

/** Type a redis-cli line into the simulated Redis, filling `{{key PATTERN}}` from a SCAN. */
async function typeLine(sim: Simulation, line: string, problems: string[]): Promise<{ line: string; output: string }> {
  const redis = sim.world.redis;
  if (!redis) {
    problems.push(`console "${line}": Redis is not part of this cluster`);
    return { line, output: '' };
  }
  const filled = await fillKeys(redis, line);
  for (const p of filled.missing) problems.push(`console "${line}": no key matches ${p}`);
  const r = await runRedisCli(redis, filled.text);
  return { line: filled.text, output: r.output };
}

/** Replace each `{{key PATTERN}}` in a console line with the first key SCAN finds for PATTERN. */
export async function fillKeys(redis: EngineRedis, line: string): Promise<{ text: string; missing: string[] }> {
  let text = line;
  const missing: string[] = [];
  for (const m of line.matchAll(/\{\{key (\S+)\}\}/g)) {
    const key = await firstKey(redis, m[1]!);
    if (key === null) missing.push(m[1]!);
    text = text.replace(m[0], key ?? m[1]!);
  }
  return { text, missing };
}

/** The first key SCAN finds for a pattern (SCAN may return empty pages before the end). */
async function firstKey(redis: EngineRedis, pattern: string): Promise<string | null> {
  let cursor = '0';
  do {
    // SCAN through command(): the same on the simulated and on a real Redis.
    const reply = await redis.command('SCAN', [cursor, 'MATCH', pattern, 'COUNT', '100']);
    if (!Array.isArray(reply)) return null;
    const [next, keys] = reply as [string, string[]];
    if (keys[0] !== undefined) return keys[0];
    cursor = next;
  } while (cursor !== '0');
  return null;
}

/** Check one step: the problem shows without the solution, and the solution meets the goal. */
export async function checkStep(lesson: Lesson, index: number, opts: RunOptions = {}): Promise<StepCheck> {
  const step = lesson.steps[index]!;
  const problems: string[] = [];
  const before = await runStep(lesson, index, false, opts);
  if (step.startsMet && !before.met) problems.push(`the goal should hold from the start (startsMet), but: ${before.text}`);
  if (!step.startsMet && before.met) problems.push(`the goal is met before the solution, so the step shows no problem: ${before.text}`);
  let after: RunFigures | null = null;
  if (hasSolution(step)) {
    after = await runStep(lesson, index, true, opts);
    problems.push(...after.problems);
    if (!after.met) problems.push(`the solution does not meet the goal: ${after.text}`);
  }
  return { lesson: lesson.id, step: step.id, index, title: step.title, startsMet: step.startsMet, before, after, ok: problems.length === 0, problems };
}

/** Check every step of a lesson, in order. */
export async function checkLesson(lesson: Lesson, opts: RunOptions = {}): Promise<StepCheck[]> {
  const out: StepCheck[] = [];
  for (let i = 0; i < lesson.steps.length; i++) out.push(await checkStep(lesson, i, opts));
  return out;
}
