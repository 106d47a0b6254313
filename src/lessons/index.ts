/**
 * The lesson engine: schema and `defineLesson`, validation and loading, the goal language and
 * its live evaluator, and the headless runner. No UI imports (STYLE.md §1); the player lives in
 * `src/ui/lessons/`. Node-only file loading is in `loadFiles.ts` (not re-exported here).
 */
export { defineLesson, LessonSchema, SETTING_KEYS } from './schema';
export type { Ask, Lesson, LessonDef, Quiz, QuizChoice, SettingChanges, SettingKey, Solution, StartScenario, Step, StepDef } from './types';
export type { ConsoleLine, TimedAction } from './actions';
export { actionRef, parseActionRef, parseTimedAction } from './actions';
export type { Goal, GoalWindow, MetricGoal, Op } from './goal';
export { goalLeaves, OPS, validateGoal } from './goal';
export { FIXED_METRICS, metricInfo, type MetricInfo, type MetricKind } from './goalMetrics';
export { GoalEvaluator, type EvaluatorOptions, type GoalStatus, type SimView } from './evaluator';
export { describeGoal } from './describe';
export { validateLesson, type ValidationResult } from './validate';
export { lessonsFromSources, type LessonSource, type LoadedLessons } from './loader';
export { askSettingDone, buildSettings, nodeCount, scenarioOf, stepScenario } from './scenario';
export { checkLesson, checkStep, fillKeys, hasSolution, runStep, statusText, type RunFigures, type StepCheck } from './runner';
export { formatLessonLink, parseLessonLink, withLessonLink, type LessonLink, type LinkTarget } from './link';
