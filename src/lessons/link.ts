/**
 * Deep links into the lessons (docs/writing-lessons.md "Preview"):
 *
 *   ?lesson=two-nodes            the lesson, at the step the student last reached (else the first)
 *   ?lesson=two-nodes&step=2     its second step (1-based, as the player numbers them)
 *   ?lesson=two-nodes&step=more-nodes   a step by id (survives steps being inserted)
 *   ?sandbox                     the free simulator, outside the lessons
 *
 * Pure functions over the query string, so the player and the tests share them.
 */

export type LessonLink =
  | { kind: 'none' }
  | { kind: 'sandbox' }
  /** `badStep`: the `step=` value that named no step (the player says so, see {@link missingStepNotice}). */
  | { kind: 'lesson'; lessonId: string; step: number | null; badStep?: string };

/** The minimum the link parser needs to know about the lessons. */
export interface LinkTarget {
  id: string;
  steps: readonly { id: string }[];
}

/** A link value quoted in a notice: control characters dropped, cut at 40 characters. */
export function quoted(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

/**
 * Read a query string (`location.search`). Unknown lessons and steps fall back gracefully: an
 * unknown lesson → `none` with a message; an unknown step → the lesson's saved/first step, with
 * `badStep` set so the player can say which step it shows instead.
 */
export function parseLessonLink(search: string, lessons: readonly LinkTarget[]): LessonLink & { warning?: string } {
  const q = new URLSearchParams(search);
  if (q.has('sandbox')) return { kind: 'sandbox' };
  const id = q.get('lesson');
  if (id === null || id === '') return { kind: 'none' };
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) return { kind: 'none', warning: `There is no lesson "${quoted(id)}".` };
  const raw = q.get('step');
  if (raw === null || raw === '') return { kind: 'lesson', lessonId: id, step: null };
  const n = /^\d+$/.test(raw) ? Number(raw) - 1 : lesson.steps.findIndex((s) => s.id === raw);
  if (!(n >= 0 && n < lesson.steps.length)) return { kind: 'lesson', lessonId: id, step: null, badStep: raw };
  return { kind: 'lesson', lessonId: id, step: n };
}

/** "Step 99 does not exist; lesson two-nodes has 3 steps — showing step 1." */
export function missingStepNotice(lessonId: string, badStep: string, stepCount: number, shownIndex: number): string {
  const what = /^-?\d+$/.test(badStep) ? `Step ${quoted(badStep)}` : `Step "${quoted(badStep)}"`;
  return `${what} does not exist; lesson ${lessonId} has ${stepCount} step${stepCount === 1 ? '' : 's'} — showing step ${shownIndex + 1}.`;
}

/** The query string for a lesson step (0-based `stepIndex`), or for the sandbox. */
export function formatLessonLink(target: { lessonId: string; stepIndex: number } | 'sandbox'): string {
  if (target === 'sandbox') return '?sandbox';
  const q = new URLSearchParams({ lesson: target.lessonId, step: String(target.stepIndex + 1) });
  return `?${q.toString()}`;
}

/** The lesson part of a query (`beat`: a clicker demo's beat, src/lessons/beats.ts). */
const LINK_KEYS = ['lesson', 'step', 'beat', 'sandbox'];

/**
 * The page's query with the lesson part replaced by `link` (from {@link formatLessonLink}, or
 * '' for none) and every other parameter kept (`speed`, `paused`, …: other views read them).
 */
export function withLessonLink(current: string, link: string): string {
  const q = new URLSearchParams(current);
  for (const k of LINK_KEYS) q.delete(k);
  const add = new URLSearchParams(link);
  const parts = [...add.keys()].includes('sandbox') ? ['sandbox'] : [];
  for (const [k, v] of add) if (k !== 'sandbox') parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  // The page's other parameters as they were: a flag stays a flag (`present`, not `present=`).
  const rest = [...q].map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  const all = [...parts, ...rest].join('&');
  return all ? `?${all}` : '';
}
