/**
 * Validate a lesson: the schema first, then what needs the whole lesson — actions against the
 * cluster each step runs, the solution against the ask (it must do what the student is asked),
 * one change per step, goal anchors that really happen before the run ends. Every error names
 * the file and the field path: `lessons/02-two-nodes.ts: steps.1.goal.metric: unknown metric 'logout'`.
 */
import { closest } from '../config/suggest';
import { ScenarioSchema } from '../sim/scenario';
import type { ScheduledFault } from '../sim/types';
import { actionRef, actionSpec, parseActionRef, parseTimedAction, type TimedAction } from './actions';
import { goalLeaves } from './goal';
import { metricNode } from './goalMetrics';
import { effectiveSetting, nodeCount, stepScenario } from './scenario';
import { issueMessage, issuePath, LessonSchema } from './schema';
import { checkBounds } from './bounds';
import type { Lesson, LessonDef, SettingKey, Step, StepDef } from './types';

type Path = (string | number)[];
interface Problem { path: Path; message: string }

/** Every field name of the lesson format, for "did you mean" on unknown fields. */
const FIELD_NAMES = [
  'id', 'title', 'summary', 'objectives', 'start', 'steps', 'narration', 'events', 'ask', 'goal', 'startsMet', 'hints',
  'quiz', 'solution', 'runSec', 'text', 'setting', 'to', 'action', 'node', 'ms', 'console', 'question', 'choices',
  'correct', 'explanation', 'settings', 'actions', 'atSec', 'line', ...Object.keys(ScenarioSchema.shape),
];

export type ValidationResult = { lesson: Lesson } | { errors: string[] };

/** Errors reported per lesson file; the rest are counted in one last line. */
export const MAX_ERRORS = 30;

/**
 * Validate untrusted lesson data loaded from `source` (a path shown in errors). Never evaluates
 * anything; total: any input gives a lesson or errors (sizes are bounded first, see bounds.ts).
 */
export function validateLesson(input: unknown, source: string): ValidationResult {
  const fmt = (p: Problem): string => `${source}: ${p.path.length ? p.path.join('.') : '(root)'}: ${p.message}`;
  const report = (problems: Problem[]): { errors: string[] } => {
    const errors = problems.slice(0, MAX_ERRORS).map(fmt);
    if (problems.length > MAX_ERRORS) errors.push(`${source}: … and ${problems.length - MAX_ERRORS} more problems`);
    return { errors };
  };
  const tooBig = checkBounds(input);
  if (tooBig !== null) return report([tooBig]);
  const parsed = LessonSchema.safeParse(input);
  if (!parsed.success) {
    const problems: Problem[] = [];
    for (const i of parsed.error.issues) {
      if (i.code === 'unrecognized_keys') {
        for (const k of i.keys) {
          const near = closest(k, FIELD_NAMES);
          problems.push({ path: [...issuePath(i), k], message: `unknown field${near ? ` (did you mean '${near}'?)` : ''}` });
        }
      } else problems.push({ path: issuePath(i), message: issueMessage(i, valueAt(input, issuePath(i))) });
    }
    return report(problems);
  }
  const def = parsed.data as unknown as LessonDef;
  const problems: Problem[] = [];
  const steps = def.steps.map((s, i) => checkStep(def, s, i, problems));
  const seen = new Map<string, number>();
  def.steps.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined) problems.push({ path: ['steps', i, 'id'], message: `'${s.id}' is already the id of steps.${first}` });
    else seen.set(s.id, i);
  });
  if (problems.length) return report(problems);
  return { lesson: { ...def, steps, source } };
}

/** The input's value at an issue's path (own properties only), for "did you mean" on enum values. */
function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function checkStep(def: LessonDef, s: StepDef, i: number, out: Problem[]): Step {
  const at = (...p: Path): Path => ['steps', i, ...p];
  const before = stepScenario(def, i, false);
  const after = stepScenario(def, i, true);
  const nBefore = nodeCount(before);
  const nAfter = nodeCount(after);

  const events = parseAll(s.events ?? [], Math.min(nBefore, nAfter), at('events'), out);
  const actions = parseAll(s.solution.actions ?? [], nAfter, at('solution', 'actions'), out);
  const settings = s.solution.settings ?? {};
  const console = [...(s.solution.console ?? [])].sort((a, b) => a.atSec - b.atSec);

  // A step changes one thing, and really changes it.
  const changes = [
    ...Object.keys(settings).map((k) => `settings.${k}`),
    ...actions.map((_, j) => `actions.${j}`),
    ...console.map((_, j) => `console.${j}`),
  ];
  if (changes.length > 1) out.push({ path: at('solution'), message: `a step changes one thing; this solution changes ${changes.length}: ${changes.join(', ')}` });
  for (const [k, v] of Object.entries(settings)) {
    if (effectiveSetting(before, k as SettingKey) === v) out.push({ path: at('solution', 'settings', k), message: `${k} is already ${JSON.stringify(v)} when this step starts` });
  }
  if (!s.startsMet && changes.length === 0) out.push({ path: at('solution'), message: 'empty: a step whose goal starts unmet needs a solution that meets it' });

  checkAsk(s, i, nBefore, settings as Record<string, unknown>, actions, console.map((c) => c.line), out);
  checkGoal(s, i, Math.max(nBefore, nAfter), events, actions, out);

  return {
    ...s,
    events,
    hints: s.hints ?? [],
    startsMet: s.startsMet ?? false,
    solution: { settings, actions, console },
  };
}

function parseAll(list: readonly TimedAction[], nodes: number, path: Path, out: Problem[]): ScheduledFault[] {
  const parsed: ScheduledFault[] = [];
  list.forEach((a, j) => {
    const r = parseTimedAction(a, nodes);
    if (typeof r === 'string') out.push({ path: [...path, j], message: r });
    else parsed.push(r);
  });
  return parsed.sort((a, b) => a.atSec - b.atSec);
}

/** The solution must do what the ask asks (the player shows one, "show solution" applies the other). */
function checkAsk(s: StepDef, i: number, nodes: number, settings: Record<string, unknown>, actions: ScheduledFault[], lines: string[], out: Problem[]): void {
  const ask = s.ask;
  const at = (...p: Path): Path => ['steps', i, ...p];
  if (ask.setting !== undefined) {
    if (settings[ask.setting] !== ask.to) {
      out.push({ path: at('solution', 'settings', ask.setting), message: `the ask sets ${ask.setting} to ${JSON.stringify(ask.to)}; the solution must do the same` });
    }
  } else if (ask.action !== undefined) {
    const ref = parseActionRef(actionSpec(ask), nodes);
    if (typeof ref === 'string') out.push({ path: at('ask', 'action'), message: ref });
    else if (!actions.some((a) => actionRef(a.action) === actionRef(ref))) {
      out.push({ path: at('solution', 'actions'), message: `the ask is ${actionRef(ref)}; the solution must do it` });
    }
  } else if (ask.console !== undefined) {
    const cmd = commandName(ask.console);
    if (!lines.some((l) => commandName(l) === cmd)) out.push({ path: at('solution', 'console'), message: `the ask is a ${cmd.toUpperCase()} command; the solution must run one` });
  } else if (Object.keys(settings).length + actions.length + lines.length > 0) {
    out.push({ path: at('solution'), message: 'the ask changes nothing, but the solution does: say in the ask what to change' });
  }
}

function commandName(line: string): string {
  return line.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

/** Nodes named by metrics exist; windows lie inside the run and their anchors happen. */
function checkGoal(s: StepDef, i: number, nodes: number, events: ScheduledFault[], actions: ScheduledFault[], out: Problem[]): void {
  for (const { leaf, path } of goalLeaves(s.goal)) {
    const at = (...p: Path): Path => ['steps', i, 'goal', ...path, ...p];
    for (const m of [leaf.metric, leaf.per]) {
      const node = m === undefined ? null : metricNode(m);
      if (node !== null && Number(node.slice(5)) > nodes) out.push({ path: at(m === leaf.metric ? 'metric' : 'per'), message: `${node} does not exist in this step (${nodes} node${nodes === 1 ? '' : 's'})` });
    }
    const w = leaf.window;
    if (!w) continue;
    let start = w.fromSec ?? 0;
    if (w.after !== undefined) {
      const times = [...events, ...actions].filter((e) => actionRef(e.action) === w.after).map((e) => e.atSec);
      if (times.length === 0) {
        out.push({ path: at('window', 'after'), message: `'${w.after}' never happens in this step (add it to events or to the solution's actions)` });
        continue;
      }
      start += Math.floor(Math.min(...times));
    }
    const end = w.forSec === undefined ? s.runSec : start + w.forSec;
    if (start >= s.runSec) out.push({ path: at('window'), message: `the window starts at ${start} s, but the run lasts ${s.runSec} s (runSec)` });
    else if (end > s.runSec) out.push({ path: at('window', 'forSec'), message: `the window ends at ${end} s, after the run ends (runSec ${s.runSec})` });
  }
}
