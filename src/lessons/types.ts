/**
 * A lesson as its author writes it (`LessonDef`, typed for `defineLesson`) and as the engine
 * uses it once validated (`Lesson`: actions parsed, defaults filled in). Plain data throughout.
 */
import type { Scenario } from '../sim/scenario';
import type { FaultAction, ScheduledFault } from '../sim/types';
import type { ConsoleLine, TimedAction } from './actions';
import type { Goal } from './goal';

/** The starting cluster: the CLI's scenario vocabulary (`ScenarioSchema`) without a timeline. */
export type StartScenario = Omit<Scenario, 'events' | 'durationSec'>;

/** Settings a student can change in a step (the seed stays the lesson's). */
export type SettingChanges = Omit<Scenario, 'events' | 'durationSec' | 'seed'>;
export type SettingKey = keyof SettingChanges;

/**
 * What the student is asked to do, as a sentence and as data the player can render and compare
 * with what the student did. At most one of `setting`, `action`, `console`; none = just watch.
 */
export type Ask =
  | ({ text: string } & NoAsk)
  | { [K in SettingKey]-?: Omit<NoAsk, 'setting' | 'to'> & { text: string; setting: K; to: NonNullable<SettingChanges[K]> } }[SettingKey]
  | (Omit<NoAsk, 'action' | 'node' | 'ms'> & { text: string; action: FaultAction['kind']; node?: string; ms?: number })
  | (Omit<NoAsk, 'console'> & { text: string; console: string });

/** The fields of every ask kind, absent (so each member of {@link Ask} can be read the same way). */
interface NoAsk {
  setting?: undefined;
  to?: undefined;
  action?: undefined;
  node?: undefined;
  ms?: undefined;
  console?: undefined;
}

export interface QuizChoice {
  text: string;
  correct: boolean;
  /** Shown once the student picked this choice (markdown). */
  explanation: string;
}

export interface Quiz {
  question: string;
  choices: QuizChoice[];
}

/** What meets the goal: one settings change, fault or console line (a step changes one thing). */
export interface SolutionDef {
  settings?: SettingChanges;
  actions?: TimedAction[];
  console?: ConsoleLine[];
}

export interface StepDef {
  /** kebab-case, unique in the lesson. */
  id: string;
  title: string;
  /** Markdown, rendered sanitised (no raw HTML). */
  narration: string;
  /** Scripted faults on this step's timeline (both with and without the solution). */
  events?: TimedAction[];
  ask: Ask;
  goal: Goal;
  /**
   * The goal already holds before the student changes anything (a step where nothing is
   * broken, like a single server). The check then requires it to be met from the start.
   */
  startsMet?: boolean;
  hints?: string[];
  quiz?: Quiz;
  solution: SolutionDef;
  /** Virtual seconds a run of this step lasts (the goal's horizon). */
  runSec: number;
}

export interface LessonDef {
  /** kebab-case, unique across lessons; the `?lesson=` of deep links. */
  id: string;
  title: string;
  summary: string;
  objectives: string[];
  start: StartScenario;
  steps: StepDef[];
}

/** A validated solution: faults parsed, console lines sorted by time. */
export interface Solution {
  settings: SettingChanges;
  actions: ScheduledFault[];
  console: ConsoleLine[];
}

export interface Step extends Omit<StepDef, 'events' | 'solution' | 'hints' | 'startsMet'> {
  events: ScheduledFault[];
  hints: string[];
  startsMet: boolean;
  solution: Solution;
}

export interface Lesson extends Omit<LessonDef, 'steps'> {
  steps: Step[];
  /** Where it was loaded from, e.g. `lessons/02-two-nodes.ts`. */
  source: string;
}
