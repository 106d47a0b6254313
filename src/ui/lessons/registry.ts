/**
 * The lessons bundled with the page: every `lessons/*.ts` (default export) and `lessons/*.json`,
 * collected by Vite at build time and validated like `npm run lessons:check` does.
 */
import { lessonsFromSources, type LessonSource, type LoadedLessons } from '../../lessons/loader';

const modules = import.meta.glob<Record<string, unknown>>('../../../lessons/*.ts', { eager: true });
const json = import.meta.glob<unknown>('../../../lessons/*.json', { eager: true, import: 'default' });

const shown = (path: string): string => `lessons/${path.slice(path.lastIndexOf('/') + 1)}`;

let cached: LoadedLessons | null = null;

export function bundledLessons(): LoadedLessons {
  if (cached) return cached;
  const sources: LessonSource[] = [
    ...Object.entries(modules).filter(([p]) => !p.endsWith('.d.ts')).map(([p, module]) => ({ source: shown(p), module })),
    ...Object.entries(json).map(([p, value]) => ({ source: shown(p), json: value })),
  ];
  cached = lessonsFromSources(sources);
  return cached;
}
