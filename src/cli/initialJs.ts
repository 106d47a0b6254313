/**
 * The first screen's JavaScript, as `npm run bench:ui` measures it: the entry chunk and every
 * chunk it imports statically (what index.html loads and modulepreloads), gzip level 9, against
 * the budget in README.md. Lazily loaded chunks (the Redis mock, lessons, editors, consoles, the
 * link codec…) are not counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** README.md's budget for the first screen's JavaScript, KB gzip. */
export const INITIAL_JS_BUDGET_KB = 150;

/** A chunk of Vite's build manifest (`build.manifest: true`, `<outDir>/.vite/manifest.json`). */
export interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }

/** The entry chunk and everything it imports statically: what the browser must load before the first screen. */
export function initialChunks(manifest: Record<string, ManifestChunk>): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  for (const [key, c] of Object.entries(manifest)) if (c.isEntry) visit(key);
  return [...seen].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
}

/** Size in KB, gzip level 9, of built files. */
export function gzipKb(outDir: string, files: readonly string[]): number {
  return files.reduce((a, f) => a + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0) / 1024;
}

/** The line bench:ui prints under the size: within the budget, or over it by how much. */
export function budgetVerdict(kb: number, budgetKb = INITIAL_JS_BUDGET_KB): { ok: boolean; text: string } {
  const over = kb - budgetKb;
  return over > 0
    ? { ok: false, text: `initial JS budget: ${budgetKb} KB gzip — OVER by ${over.toFixed(1)} KB` }
    : { ok: true, text: `initial JS budget: ${budgetKb} KB gzip — within it (${(-over).toFixed(1)} KB to spare)` };
}
