/**
 * `npm run bench:ui`: build the app, print the first screen's JavaScript size (gzip), then
 * serve it and measure frame times in headless Chromium with 1,000 users at 10× speed, the
 * frame rate uncapped (--disable-gpu-vsync --disable-frame-rate-limit), for about 10 s.
 *
 * Prints `initial JS gzip: N KB` (the entry chunk and its static imports; the lazily loaded
 * Redis mock is excluded) and `p95 frame ms: X`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';

const USERS = 1000;
const SPEED = 10;
const WARMUP_MS = 3_000;
const SAMPLE_MS = 10_000;
const PORT = 4174;

interface ManifestChunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }

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

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const outDir = 'dist';
  await build({ logLevel: 'warn', build: { outDir, manifest: true } });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = initialChunks(manifest);
  const gz = files.reduce((a, f) => a + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
  const lazy = Object.values(manifest).filter((c) => !files.includes(c.file) && c.file.endsWith('.js'));
  const lazyGz = lazy.reduce((a, c) => a + gzipSync(readFileSync(join(outDir, c.file)), { level: 9 }).length, 0);
  console.log(`initial JS: ${files.join(', ')}`);
  console.log(`lazily loaded JS gzip: ${(lazyGz / 1024).toFixed(1)} KB (${lazy.map((c) => c.file).join(', ')})`);
  console.log(`initial JS gzip: ${(gz / 1024).toFixed(1)} KB`);

  const server = await preview({ logLevel: 'warn', preview: { port: PORT, strictPort: true }, build: { outDir } });
  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://localhost:${PORT}/?users=${USERS}&speed=${SPEED}&bench`);
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForTimeout(WARMUP_MS);
    // Plain JavaScript in a string: tsx would otherwise inject its helpers into the page function.
    const r = (await page.evaluate(`(async (ms) => {
      const runner = window.__sclRunner;
      const deltas = [];
      const work0 = runner.frameWork.length;
      const req0 = runner.view ? runner.view.totals.requests : 0;
      await new Promise((done) => {
        let last = 0, end = 0;
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame((t) => { last = t; end = t + ms; requestAnimationFrame(tick); });
      });
      return {
        deltas,
        work: runner.frameWork.slice(work0),
        achieved: runner.achieved,
        requests: (runner.view ? runner.view.totals.requests : 0) - req0,
      };
    })(${SAMPLE_MS})`)) as { deltas: number[]; work: number[]; achieved: number; requests: number };
    const d = [...r.deltas].sort((a, b) => a - b);
    const w = [...r.work].sort((a, b) => a - b);
    console.log(`users: ${USERS}, speed: ${SPEED}× (achieved ${r.achieved.toFixed(1)}×), ${r.requests} simulated requests in ${SAMPLE_MS / 1000} s`);
    console.log(`frames: ${d.length} in ${SAMPLE_MS / 1000} s (${(d.length / (SAMPLE_MS / 1000)).toFixed(0)} fps uncapped)`);
    console.log(`frame ms: p50 ${quantile(d, 0.5).toFixed(2)}, p99 ${quantile(d, 0.99).toFixed(2)}, max ${d.at(-1)?.toFixed(2)}`);
    console.log(`JS work per frame (simulation + canvas), ms: p50 ${quantile(w, 0.5).toFixed(2)}, p95 ${quantile(w, 0.95).toFixed(2)}`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    console.log(`p95 frame ms: ${quantile(d, 0.95).toFixed(2)}`);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
