/**
 * Turn loaded lesson files into validated lessons, in the students' order (file name order:
 * `01-one-server.ts`, `02-two-nodes.ts`, …). Environment-neutral: Node reads files
 * (`loadFiles.ts`), the browser hands over `import.meta.glob` modules. A `.ts` lesson is a
 * module whose default export is `defineLesson({...})`; a `.json` lesson is untrusted data,
 * parsed with `JSON.parse` and validated like any other — nothing is ever evaluated.
 */
import { validateLesson } from './validate';
import type { Lesson } from './types';

/** One lesson file's content: a module namespace (`.ts`) or parsed JSON (`.json`). */
export interface LessonSource {
  /** Path shown in errors, e.g. `lessons/02-two-nodes.ts`. */
  source: string;
  /** `{ default: lesson }` for a module, the lesson itself for JSON. */
  module?: Record<string, unknown>;
  json?: unknown;
}

export interface LoadedLessons {
  lessons: Lesson[];
  /** `file: field.path: message`, one per problem. Lessons with errors are left out. */
  errors: string[];
}

/** The students' order: by file name (numbered prefixes). */
export function byFileName(a: { source: string }, b: { source: string }): number {
  const name = (s: string): string => s.slice(s.lastIndexOf('/') + 1);
  return name(a.source) < name(b.source) ? -1 : name(a.source) > name(b.source) ? 1 : 0;
}

/** The lesson's id as its source spells it (a string), or null. Own properties only. */
function idOf(src: LessonSource): string | null {
  const value = src.module !== undefined ? (Object.hasOwn(src.module, 'default') ? src.module.default : undefined) : src.json;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'id')) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/**
 * Validate every source; ids must be unique across lessons, and must not be the id of one of
 * `others` (the rest of the course, when only some files are checked: read for their ids only).
 */
export function lessonsFromSources(sources: readonly LessonSource[], others: readonly LessonSource[] = []): LoadedLessons {
  const lessons: Lesson[] = [];
  const errors: string[] = [];
  const ids = new Map<string, string>();
  for (const o of others) {
    const id = idOf(o);
    if (id !== null && !ids.has(id)) ids.set(id, o.source);
  }
  for (const src of [...sources].sort(byFileName)) {
    let value: unknown;
    if (src.module !== undefined) {
      if (!Object.hasOwn(src.module, 'default')) {
        errors.push(`${src.source}: (module): no default export; write \`export default defineLesson({ ... })\``);
        continue;
      }
      value = src.module.default;
    } else value = src.json;
    const r = validateLesson(value, src.source);
    if ('errors' in r) {
      errors.push(...r.errors);
      continue;
    }
    const other = ids.get(r.lesson.id);
    if (other !== undefined) {
      errors.push(`${src.source}: id: '${r.lesson.id}' is already the id of ${other}`);
      continue;
    }
    ids.set(r.lesson.id, src.source);
    lessons.push(r.lesson);
  }
  return { lessons, errors };
}
