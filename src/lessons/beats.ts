/**
 * A lesson walked as a clicker demo (issue 12): each step is two **beats** — its problem
 * running (the step's start), then its solution applied — and PageDown / PageUp move one beat
 * at a time. A step with nothing to apply (lesson 1's "it works") has one beat.
 *
 *   ?lesson=two-nodes&step=2                 step 2, its problem running
 *   ?lesson=two-nodes&step=2&beat=solution   step 2 with its solution applied
 *
 * Pure functions over a lesson's shape and the query string, so the page and the tests share them.
 */
import { formatLessonLink, quoted } from './link';
import type { Solution } from './types';

/** The query parameter that holds the beat (absent: the problem). */
export const BEAT_PARAM = 'beat';

export type BeatPhase = 'problem' | 'solution';

/** One beat: a step (0-based) and what is on the stage. */
export interface Beat {
  step: number;
  phase: BeatPhase;
}

/** What the beats need to know about a lesson. */
export interface BeatLesson {
  id: string;
  steps: ReadonlyArray<{ solution: Solution }>;
}

/** Whether a step's solution changes anything (settings, faults or console lines). */
export function hasSolution(step: { solution: Solution }): boolean {
  const s = step.solution;
  return Object.keys(s.settings).length > 0 || s.actions.length > 0 || s.console.length > 0;
}

/** Every beat of the lesson, in order. */
export function beatsOf(lesson: BeatLesson): Beat[] {
  return lesson.steps.flatMap((s, step): Beat[] => (hasSolution(s) ? [{ step, phase: 'problem' }, { step, phase: 'solution' }] : [{ step, phase: 'problem' }]));
}

export function sameBeat(a: Beat | null, b: Beat | null): boolean {
  return a === b || (!!a && !!b && a.step === b.step && a.phase === b.phase);
}

/** The beat after `from`, or null at the end of the lesson (or for a beat the lesson does not have). */
export function nextBeat(lesson: BeatLesson, from: Beat): Beat | null {
  return neighbour(lesson, from, 1);
}

/** The beat before `from`, or null at the start of the lesson. */
export function prevBeat(lesson: BeatLesson, from: Beat): Beat | null {
  return neighbour(lesson, from, -1);
}

function neighbour(lesson: BeatLesson, from: Beat, by: 1 | -1): Beat | null {
  const beats = beatsOf(lesson);
  const i = beats.findIndex((b) => sameBeat(b, from));
  return i < 0 ? null : (beats[i + by] ?? null);
}

/** "Step 2 of 4 · solution applied"; `applying` while the page is still putting it in place. */
export function beatLabel(lesson: BeatLesson, beat: Beat, applying = false): string {
  const where = `Step ${beat.step + 1} of ${lesson.steps.length}`;
  const step = lesson.steps[beat.step];
  if (beat.phase === 'solution') return `${where} · ${applying ? 'applying the solution…' : 'solution applied'}`;
  // Not "running": the presenter may have paused it.
  if (step && !hasSolution(step)) return `${where} · ${applying ? 'starting…' : 'the set-up'}`;
  return `${where} · ${applying ? 'starting the problem…' : 'the problem'}`;
}

/** The lesson link of a beat: `?lesson=ID&step=N`, plus `&beat=solution` for a solution. */
export function formatBeatLink(lessonId: string, beat: Beat): string {
  const link = formatLessonLink({ lessonId, stepIndex: beat.step });
  return beat.phase === 'solution' ? `${link}&${BEAT_PARAM}=solution` : link;
}

/**
 * The beat a link asks for at the step the page opened (`stepIndex`): `beat=solution` or
 * `beat=problem`, else the problem. A value that names no beat, or `solution` on a step with
 * nothing to apply, falls back to the problem with a notice that says so, like `?step=99`.
 */
export function parseBeat(search: string, lesson: BeatLesson, stepIndex: number): { beat: Beat; notice?: string } {
  const raw = new URLSearchParams(search).get(BEAT_PARAM);
  const problem: Beat = { step: stepIndex, phase: 'problem' };
  if (raw === null || raw === '' || raw === 'problem') return { beat: problem };
  if (raw !== 'solution') {
    return { beat: problem, notice: `Beat "${quoted(raw)}" does not exist (a step has "problem" and "solution") — showing step ${stepIndex + 1}'s problem.` };
  }
  const step = lesson.steps[stepIndex];
  if (!step || !hasSolution(step)) {
    return { beat: problem, notice: `Step ${stepIndex + 1} of lesson ${lesson.id} has no solution to apply — showing it running.` };
  }
  return { beat: { step: stepIndex, phase: 'solution' } };
}
