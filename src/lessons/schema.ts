/**
 * The lesson schema (zod), checked when a lesson is loaded, and `defineLesson`, the identity
 * function that types a lesson file (the pattern of svelte's `tests/suite.ts`). The schema
 * checks shapes; `validate.ts` then checks what needs the whole lesson (node names against the
 * cluster of each step, the solution against the ask, the goal's anchors against the timeline).
 */
import { z } from 'zod';
import { ScenarioSchema } from '../sim/scenario';
import { closest } from '../config/suggest';
import { validateGoal, type Goal } from './goal';
import type { LessonDef, SettingKey } from './types';

/** Type a lesson file: `export default defineLesson({ ... })`. Returns its argument unchanged. */
export function defineLesson<const L extends LessonDef>(lesson: L): L {
  return lesson;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * Size limits (generous: the largest lesson has 5 steps, 3 quiz choices and 1,014 characters of
 * narration). `bounds.ts` bounds nesting and the lesson's total size before this schema runs.
 */
export const LIMITS = { id: 64, text: 1_000, narration: 10_000, steps: 30, list: 20, events: 50 } as const;
const kebab = z.string().max(LIMITS.id, { message: `at most ${LIMITS.id} characters` }).regex(KEBAB, { message: "expected kebab-case, e.g. 'two-nodes'" });
const sized = (max: number) => z.string().trim().min(1, { message: 'expected a non-empty string' }).max(max, { message: `at most ${max.toLocaleString('en')} characters` });
const text = sized(LIMITS.text);
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.list) => z.array(item).max(max, { message: `at most ${max} entries` });

/** The starting cluster: ScenarioSchema's keys, without a timeline (steps carry their own). */
export const StartSchema = ScenarioSchema.omit({ events: true, durationSec: true });
/** Settings a solution may change. */
export const ChangesSchema = ScenarioSchema.omit({ events: true, durationSec: true, seed: true });
export const SETTING_KEYS = Object.keys(ChangesSchema.shape) as SettingKey[];

const TimedActionObject = z.strictObject({
  atSec: z.number().min(0),
  action: z.string().max(LIMITS.id),
  node: z.string().max(LIMITS.id).optional(),
  ms: z.number().int().min(0).optional(),
});

/** `"60:crash:node-2"` or `{ atSec, action, node? }`; whether the action exists is checked per step. */
const TimedActionSchema = z.unknown().superRefine((v, ctx) => {
  if (typeof v === 'string') {
    if (v.length > LIMITS.text) ctx.addIssue({ code: 'custom', message: `at most ${LIMITS.text} characters` });
    return;
  }
  if (typeof v !== 'object' || v === null) {
    ctx.addIssue({ code: 'custom', message: 'expected "T:ACTION[:NODE]" (e.g. "60:crash:node-2") or { atSec, action, node? }' });
    return;
  }
  const r = TimedActionObject.safeParse(v);
  if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: issueMessage(i), path: issuePath(i) });
});

const ConsoleLineSchema = z.strictObject({ atSec: z.number().min(0), line: text });

const AskSchema = z.strictObject({
  text,
  setting: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]).optional(),
  to: z.unknown().optional(),
  action: z.string().max(LIMITS.id).optional(),
  node: z.string().max(LIMITS.id).optional(),
  ms: z.number().int().min(0).optional(),
  console: text.optional(),
}).superRefine((a, ctx) => {
  const kinds = (['setting', 'action', 'console'] as const).filter((k) => a[k] !== undefined);
  if (kinds.length > 1) ctx.addIssue({ code: 'custom', message: `ask for one thing: ${kinds.join(' and ')} given`, path: [kinds[1]!] });
  if (a.setting !== undefined) {
    if (a.to === undefined) ctx.addIssue({ code: 'custom', message: `what should ${a.setting} be changed to?`, path: ['to'] });
    else {
      const r = ChangesSchema.shape[a.setting].safeParse(a.to);
      if (!r.success || a.to === undefined) ctx.addIssue({ code: 'custom', message: r.success ? 'expected a value' : issueMessage(r.error.issues[0]!, a.to), path: ['to'] });
    }
  } else if (a.to !== undefined) ctx.addIssue({ code: 'custom', message: "'to' goes with 'setting'", path: ['to'] });
  for (const k of ['node', 'ms'] as const) {
    if (a[k] !== undefined && a.action === undefined) ctx.addIssue({ code: 'custom', message: `'${k}' goes with 'action'`, path: [k] });
  }
});

const GoalSchema = z.unknown().superRefine((g, ctx) => {
  for (const i of validateGoal(g)) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
}) as unknown as z.ZodType<Goal>;

const QuizSchema = z.strictObject({
  question: text,
  choices: list(z.strictObject({ text, correct: z.boolean(), explanation: text })).min(2, { message: 'a quiz needs at least two choices' }),
}).refine((q) => q.choices.some((c) => c.correct), { message: 'no choice is marked correct', path: ['choices'] });

const SolutionSchema = z.strictObject({
  settings: ChangesSchema.optional(),
  actions: list(TimedActionSchema).optional(),
  console: list(ConsoleLineSchema).optional(),
});

export const StepSchema = z.strictObject({
  id: kebab,
  title: text,
  narration: sized(LIMITS.narration),
  events: list(TimedActionSchema, LIMITS.events).optional(),
  ask: AskSchema,
  goal: GoalSchema,
  startsMet: z.boolean().optional(),
  hints: list(text).optional(),
  quiz: QuizSchema.optional(),
  solution: SolutionSchema,
  runSec: z.number().int().min(10, { message: 'at least 10 virtual seconds' }).max(3600, { message: 'at most 3600 virtual seconds (keep checks fast)' }),
});

export const LessonSchema = z.strictObject({
  id: kebab,
  title: text,
  summary: text,
  objectives: list(text).min(1, { message: 'name at least one objective' }),
  start: StartSchema,
  steps: list(StepSchema, LIMITS.steps).min(1, { message: 'a lesson needs at least one step' }),
});

type Issue = z.core.$ZodIssue;

/** The allowed value a mistyped one means: `least_conn`, `Least-Conn`, `leastconn` → `least-conn`. */
export function suggestValue(given: string, allowed: readonly string[]): string | null {
  const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
  const same = allowed.find((a) => squash(a) === squash(given));
  return same ?? closest(given, allowed);
}

/** Path of an issue as lessons' error messages print it (`steps.1.goal.metric`). */
export function issuePath(i: Issue): (string | number)[] {
  return i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

/**
 * A friendlier text for zod's issues. With the value that was given (`given`), an enum value
 * spelled the way nginx or the UI spells it gets a suggestion: `least_conn` → did you mean 'least-conn'?
 */
export function issueMessage(i: Issue, given?: unknown): string {
  if (i.code === 'invalid_value' && 'values' in i) {
    const allowed = i.values.filter((v): v is string => typeof v === 'string');
    const near = typeof given === 'string' ? suggestValue(given, allowed) : null;
    return `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}${near ? ` (did you mean '${near}'?)` : ''}`;
  }
  if (i.code === 'invalid_type' && 'expected' in i) return `expected ${i.expected}${i.message.includes('received undefined') ? ' (missing)' : ''}`;
  return i.message;
}
