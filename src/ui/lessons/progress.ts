/**
 * The student's progress, kept in localStorage: the step last visited in each lesson and the
 * steps whose goal was met. Read defensively (the stored text may be old, edited or corrupt):
 * anything that does not fit is dropped, never trusted. Pure functions over a Storage-like.
 */
import { z } from 'zod';

export const PROGRESS_KEY = 'session-cluster-lab:lessons:v1';

export interface LessonProgress {
  /** 0-based index of the step last visited. */
  step: number;
  /** Ids of the steps whose goal was met at least once. */
  met: string[];
}

export interface Progress {
  lessons: Record<string, LessonProgress>;
  /** The lesson last open, to resume from the lesson list. */
  last: string | null;
}

const ProgressSchema = z.object({
  lessons: z.record(z.string(), z.object({ step: z.number().int().min(0).max(999), met: z.array(z.string()).max(200) })),
  last: z.string().nullable(),
});

export const emptyProgress = (): Progress => ({ lessons: {}, last: null });

type Reader = Pick<Storage, 'getItem'>;
type Writer = Pick<Storage, 'setItem'>;

export function loadProgress(storage: Reader | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return emptyProgress();
    const parsed = ProgressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyProgress();
  } catch {
    return emptyProgress(); // storage disabled, quota, bad JSON: start afresh
  }
}

export function saveProgress(storage: Writer | null, p: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // private mode or quota: progress just isn't remembered
  }
}

/** The student opened step `step` of a lesson. */
export function visit(p: Progress, lessonId: string, step: number): Progress {
  const cur = p.lessons[lessonId] ?? { step: 0, met: [] };
  return { lessons: { ...p.lessons, [lessonId]: { ...cur, step } }, last: lessonId };
}

/** A step's goal was met. */
export function markMet(p: Progress, lessonId: string, stepId: string): Progress {
  const cur = p.lessons[lessonId] ?? { step: 0, met: [] };
  if (cur.met.includes(stepId)) return p;
  return { ...p, lessons: { ...p.lessons, [lessonId]: { ...cur, met: [...cur.met, stepId] } } };
}

/** How many of a lesson's steps are done. */
export function doneCount(p: Progress, lesson: { id: string; steps: readonly { id: string }[] }): number {
  const met = new Set(p.lessons[lesson.id]?.met ?? []);
  return lesson.steps.filter((s) => met.has(s.id)).length;
}

/** Where to resume a lesson: the step last visited, clamped to the lesson's length. */
export function resumeStep(p: Progress, lesson: { id: string; steps: readonly unknown[] }): number {
  const s = p.lessons[lesson.id]?.step ?? 0;
  return Math.min(Math.max(0, s), lesson.steps.length - 1);
}
