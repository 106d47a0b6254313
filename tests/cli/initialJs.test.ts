/**
 * What counts as the first screen's JavaScript (src/cli/initialJs.ts, printed by bench:ui): the
 * entry and its static imports, transitively; never a chunk only reached by a dynamic import,
 * nor CSS. The README's budget figure is measured this way.
 */
import { describe, expect, it } from 'vitest';
import { budgetVerdict, initialChunks, INITIAL_JS_BUDGET_KB, type ManifestChunk } from '../../src/cli/initialJs';

// The shape of this project's manifest: a shared chunk reached both ways, and a codec chunk reached only lazily.
const manifest: Record<string, ManifestChunk> = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_simulation-b.js', '_format-c.js'], dynamicImports: ['src/run/runFile.ts', '_link-d.js'] },
  '_simulation-b.js': { file: 'assets/simulation-b.js', imports: ['_types-e.js'] },
  '_format-c.js': { file: 'assets/format-c.js', imports: ['_simulation-b.js'] },
  '_types-e.js': { file: 'assets/types-e.js' },
  '_link-d.js': { file: 'assets/link-d.js', imports: ['_types-e.js', 'index.html'] },
  'src/run/runFile.ts': { file: 'assets/runFile-f.js', isDynamicEntry: true, imports: ['_link-d.js'] },
  'index.css': { file: 'assets/index-g.css' },
};

describe('initialChunks', () => {
  it('is the entry and its static imports, transitively, each once', () => {
    expect(initialChunks(manifest).sort()).toEqual(['assets/format-c.js', 'assets/index-a.js', 'assets/simulation-b.js', 'assets/types-e.js']);
  });

  it('counts a lazily loaded chunk once something imports it statically from the entry', () => {
    const eager = { ...manifest, 'index.html': { ...manifest['index.html']!, imports: [...manifest['index.html']!.imports!, '_link-d.js'] } };
    expect(initialChunks(eager)).toContain('assets/link-d.js');
    expect(initialChunks(eager)).not.toContain('assets/runFile-f.js');
  });
});

describe('budgetVerdict', () => {
  it('passes up to the budget and fails over it, saying by how much', () => {
    expect(budgetVerdict(139.5, 150)).toEqual({ ok: true, text: 'initial JS budget: 150 KB gzip — within it (10.5 KB to spare)' });
    expect(budgetVerdict(150, 150).ok).toBe(true);
    expect(budgetVerdict(172.2, 150)).toEqual({ ok: false, text: 'initial JS budget: 150 KB gzip — OVER by 22.2 KB' });
  });

  it("is README's budget unless told otherwise", () => {
    expect(budgetVerdict(INITIAL_JS_BUDGET_KB + 0.1).ok).toBe(false);
    expect(budgetVerdict(INITIAL_JS_BUDGET_KB).ok).toBe(true);
  });
});
