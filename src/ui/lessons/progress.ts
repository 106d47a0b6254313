/**
 * The student's progress, kept in localStorage: the step last visited in each lesson and the
 * steps whose goal was met. Read defensively (the stored text may be old, edited or corrupt):
 * entry by entry — one lesson's broken record is dropped, the others are kept; nothing is
 * trusted. Lookups by lesson id read own properties only (`constructor` is a valid kebab-case
 * id). Pure functions over a Storage-like.
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

const EntrySchema = z.object({ step: z.number().int().min(0).max(999), met: z.array(z.string().max(64)).max(200) });
/** Lessons remembered at most (the course has 14). */
const MAX_LESSONS = 200;

export const emptyProgress = (): Progress => ({ lessons: {}, last: null });

/** The stored progress of one lesson, if any (own properties only). */
export function lessonProgress(p: Progress, lessonId: string): LessonProgress | undefined {
  return Object.hasOwn(p.lessons, lessonId) ? p.lessons[lessonId] : undefined;
}

/** Progress from parsed storage: each lesson's entry validated on its own, the valid ones kept. */
export function progressFrom(data: unknown): Progress {
  const out = emptyProgress();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  const lessons: unknown = Object.hasOwn(data, 'lessons') ? (data as { lessons: unknown }).lessons : undefined;
  if (typeof lessons === 'object' && lessons !== null && !Array.isArray(lessons)) {
    for (const [id, entry] of Object.entries(lessons).slice(0, MAX_LESSONS)) {
      if (id.length > 64) continue;
      const r = EntrySchema.safeParse(entry);
      if (r.success) Object.defineProperty(out.lessons, id, { value: r.data, enumerable: true, writable: true, configurable: true });
    }
  }
  const last: unknown = Object.hasOwn(data, 'last') ? (data as { last: unknown }).last : null;
  if (typeof last === 'string' && last.length <= 64) out.last = last;
  return out;
}

type Reader = Pick<Storage, 'getItem'>;
type Writer = Pick<Storage, 'setItem'>;

export function loadProgress(storage: Reader | null): Progress {
  try {
    const raw = storage?.getItem(PROGRESS_KEY);
    if (!raw) return emptyProgress();
    return progressFrom(JSON.parse(raw));
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
  const cur = lessonProgress(p, lessonId) ?? { step: 0, met: [] };
  return { lessons: withEntry(p.lessons, lessonId, { ...cur, step }), last: lessonId };
}

/** A copy of `lessons` with one entry set (defined as data: `__proto__` is a key, not a prototype). */
function withEntry(lessons: Record<string, LessonProgress>, id: string, entry: LessonProgress): Record<string, LessonProgress> {
  const out = { ...lessons };
  Object.defineProperty(out, id, { value: entry, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A step's goal was met. */
export function markMet(p: Progress, lessonId: string, stepId: string): Progress {
  const cur = lessonProgress(p, lessonId) ?? { step: 0, met: [] };
  if (cur.met.includes(stepId)) return p;
  return { ...p, lessons: withEntry(p.lessons, lessonId, { ...cur, met: [...cur.met, stepId] }) };
}

/** How many of a lesson's steps are done. */
export function doneCount(p: Progress, lesson: { id: string; steps: readonly { id: string }[] }): number {
  const met = new Set(lessonProgress(p, lesson.id)?.met ?? []);
  return lesson.steps.filter((s) => met.has(s.id)).length;
}

/** Where to resume a lesson: the step last visited, clamped to the lesson's length. */
export function resumeStep(p: Progress, lesson: { id: string; steps: readonly unknown[] }): number {
  const s = lessonProgress(p, lesson.id)?.step ?? 0;
  return Math.min(Math.max(0, s), lesson.steps.length - 1);
}
