/**
 * Node-only: read lesson files from disk (`lessons/*.ts`, `lessons/*.json`) for the CLI and
 * the tests. `.ts` files are imported (they are part of the repository, type-checked and
 * linted); `.json` files are parsed, never evaluated.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatJsonError, parseJsonText } from './jsonText';
import { lessonsFromSources, type LessonSource, type LoadedLessons } from './loader';

/** The lessons directory, relative to the working directory (the repository root). */
export const LESSONS_DIR = 'lessons';

/** Lesson files in a directory: `*.ts` and `*.json`, not `*.d.ts` nor names starting with `_` or `.`. */
export async function lessonFiles(dir = LESSONS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => (n.endsWith('.ts') && !n.endsWith('.d.ts')) || n.endsWith('.json'))
    .filter((n) => !n.startsWith('_') && !n.startsWith('.'))
    .sort()
    .map((n) => `${dir}/${n}`);
}

/** Show paths relative to the working directory, with `/`. */
function shown(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel.split(sep).join('/');
}

/** Read one lesson file; problems reading it become a source with an error. */
export async function readLessonFile(file: string): Promise<LessonSource | string> {
  const source = shown(file);
  const ext = extname(file);
  if (ext === '.json') {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      return `${source}: (file): cannot read: ${(e as Error).message}`;
    }
    const parsed = parseJsonText(text);
    return 'value' in parsed ? { source, json: parsed.value } : formatJsonError(source, parsed.error);
  }
  if (ext === '.ts') {
    try {
      return { source, module: (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown> };
    } catch (e) {
      return `${source}: (module): cannot load: ${(e as Error).message.split('\n')[0]}`;
    }
  }
  return `${source}: (file): a lesson is a .ts or .json file`;
}

/**
 * Load and validate lesson files (default: every lesson in `lessons/`). Given some files, their
 * ids are also checked against every other lesson in `lessons/` (a lesson checked on its own
 * must not take an id the course already uses); those others are not reported on otherwise.
 */
export async function loadLessonFiles(files?: readonly string[]): Promise<LoadedLessons> {
  const all = await lessonFiles().catch(() => [] as string[]);
  const list = files && files.length ? files : all;
  const sources: LessonSource[] = [];
  const errors: string[] = [];
  for (const f of list) {
    const r = await readLessonFile(f);
    if (typeof r === 'string') errors.push(r);
    else sources.push(r);
  }
  const given = new Set(list.map((f) => resolve(f)));
  const others: LessonSource[] = [];
  for (const f of all.filter((f) => !given.has(resolve(f)))) {
    const r = await readLessonFile(f);
    if (typeof r !== 'string') others.push(r);
  }
  const loaded = lessonsFromSources(sources, others);
  return { lessons: loaded.lessons, errors: [...errors, ...loaded.errors] };
}
