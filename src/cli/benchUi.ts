/**
 * `npm run bench:ui -- --users N --speed S`: build the app, print the first screen's JavaScript
 * size (gzip), then serve it and measure the page in headless Chromium with N users (default
 * 1,000) at S× (default 10), the frame rate uncapped (--disable-gpu-vsync
 * --disable-frame-rate-limit), for about 10 s after a warm-up.
 *
 * Prints `initial JS gzip: N KB` (the entry chunk and its static imports; the lazily loaded
 * Redis mock is excluded) and whether it is within the budget (over it, the exit code is 1;
 * `--size-only` stops there), `achieved speed: X×` (virtual seconds advanced ÷ wall seconds during
 * the sample), `longest task ms: Y` (PerformanceObserver 'longtask' entries during the sample)
 * and `p95 frame ms: Z`. Bad flags: a message and exit code 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';
import { BENCH_UI_USAGE, parseBenchUiArgs, type BenchUiOptions } from './benchUiArgs';
import { budgetVerdict, gzipKb, initialChunks, type ManifestChunk } from './initialJs';

const WARMUP_MS = 3_000;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface Sample {
  deltas: number[];
  work: number[];
  parts: { engine: number[]; canvas: number[]; snapshot: number[] };
  virtualMs: number;
  wallMs: number;
  requests: number;
  longTasks: number[];
}

async function main(o: BenchUiOptions): Promise<void> {
  const outDir = 'dist';
  await build({ logLevel: 'warn', build: { outDir, manifest: true } });
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = initialChunks(manifest);
  const kb = gzipKb(outDir, files);
  const lazy = Object.values(manifest).filter((c) => !files.includes(c.file) && c.file.endsWith('.js')).map((c) => c.file);
  console.log(`initial JS: ${files.map((f) => `${f} ${gzipKb(outDir, [f]).toFixed(1)} KB`).join(', ')}`);
  console.log(`lazily loaded JS gzip: ${gzipKb(outDir, lazy).toFixed(1)} KB (${lazy.join(', ')})`);
  console.log(`initial JS gzip: ${kb.toFixed(1)} KB`);
  const verdict = budgetVerdict(kb);
  console.log(verdict.text);
  if (!verdict.ok) process.exitCode = 1;
  if (o.sizeOnly) return;

  const server = await preview({ logLevel: 'warn', preview: { port: o.port, strictPort: true }, build: { outDir } });
  const executablePath = findChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [...CHROMIUM_ARGS, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    // Every long task from the first script on, with its start: the actions below are measured from it.
    await page.addInitScript(`window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://localhost:${o.port}/?users=${o.users}&speed=${o.speed}&bench${o.side ? `&side=${o.side}` : ''}`);
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await page.waitForTimeout(WARMUP_MS);
    const sampleMs = o.seconds * 1000;
    // Plain JavaScript in a string: tsx would otherwise inject its helpers into the page function.
    const r = (await page.evaluate(`(async (ms) => {
      // The side-by-side view when measured (--side): both simulations, one clock; sim and view are its left side's.
      const runner = window.__sclPair || window.__sclRunner;
      const deltas = [];
      const longTasks = [];
      const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      obs.observe({ type: 'longtask' });
      const work0 = runner.frameWork.length;
      const req0 = runner.view ? runner.view.totals.requests : 0;
      let v0 = 0, w0 = 0, v1 = 0, w1 = 0;
      await new Promise((done) => {
        let last = 0, end = 0;
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(tick);
          else { v1 = runner.sim.now; w1 = performance.now(); done(); }
        };
        requestAnimationFrame((t) => {
          last = t; end = t + ms;
          v0 = runner.sim.now; w0 = performance.now();
          requestAnimationFrame(tick);
        });
      });
      // Long tasks are reported after they end: give the observer a moment.
      await new Promise((done) => setTimeout(done, 50));
      obs.disconnect();
      const p = runner.frameParts;
      const n = runner.frameWork.length - work0;
      return {
        deltas,
        work: runner.frameWork.slice(work0),
        parts: { engine: p.engine.slice(-n), canvas: p.canvas.slice(-n), snapshot: p.snapshot.slice(-n) },
        virtualMs: v1 - v0,
        wallMs: w1 - w0,
        requests: (runner.view ? runner.view.totals.requests : 0) - req0,
        longTasks,
      };
    })(${sampleMs})`)) as Sample;
    const d = [...r.deltas].sort((a, b) => a - b);
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const w = sorted(r.work);
    const fmt = (xs: number[]) => { const s = sorted(xs); return `p50 ${quantile(s, 0.5).toFixed(2)}, p95 ${quantile(s, 0.95).toFixed(2)}, max ${(s.at(-1) ?? NaN).toFixed(2)}`; };
    const achieved = r.virtualMs / r.wallMs;
    if (o.side) console.log(`side by side: ?side=${o.side} (two simulations per frame; requests counted on the left side)`);
    console.log(`users: ${o.users}, speed: ${o.speed}×, ${r.requests} simulated requests in ${(r.wallMs / 1000).toFixed(1)} s`);
    console.log(`frames: ${d.length} in ${(r.wallMs / 1000).toFixed(1)} s (${(d.length / (r.wallMs / 1000)).toFixed(0)} fps uncapped)`);
    console.log(`frame ms: p50 ${quantile(d, 0.5).toFixed(2)}, p99 ${quantile(d, 0.99).toFixed(2)}, max ${d.at(-1)?.toFixed(2)}`);
    console.log(`JS work per frame (simulation + canvas + snapshot), ms: p50 ${quantile(w, 0.5).toFixed(2)}, p95 ${quantile(w, 0.95).toFixed(2)}`);
    console.log(`  engine ms: ${fmt(r.parts.engine)}`);
    console.log(`  canvas ms: ${fmt(r.parts.canvas)}`);
    console.log(`  DOM snapshot ms (when one is taken): ${fmt(r.parts.snapshot.filter((x) => x > 0))}`);
    console.log(`long tasks: ${r.longTasks.length}`);
    if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
    console.log(`achieved speed: ${achieved.toFixed(2)}×`);
    console.log(`longest task ms: ${r.longTasks.length ? Math.max(...r.longTasks).toFixed(0) : 0}`);
    console.log(`p95 frame ms: ${quantile(d, 0.95).toFixed(2)}`);
    if (o.actions) await measureActions(page, o);
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** The longest task (ms) that started while `act` ran, until `done` held (0: none over 50 ms). */
async function longestDuring(page: Page, act: () => Promise<void>): Promise<number> {
  const t0 = (await page.evaluate('performance.now()')) as number;
  await act();
  await page.waitForTimeout(150); // long tasks are reported after they end
  const t1 = (await page.evaluate('performance.now()')) as number;
  const tasks = (await page.evaluate('window.__longTasks')) as Array<[number, number]>;
  return tasks.filter(([start]) => start >= t0 && start <= t1).reduce((m, [, d]) => Math.max(m, d), 0);
}

/**
 * What a student does at this size, each timed by its longest task: the user count changed
 * live, a setting that restarts the cluster, the compare view (its first seconds: the runs take
 * minutes at 10,000 users), and opening a lesson.
 */
async function measureActions(page: Page, o: BenchUiOptions): Promise<void> {
  const runner = 'window.__sclRunner';
  const half = String(Math.max(1, Math.round(o.users / 2)));
  const results: Array<[string, number]> = [];
  results.push([`users ${o.users} → ${half} → ${o.users} (live)`, await longestDuring(page, async () => {
    await page.selectOption('#ctl-users', half);
    await page.waitForFunction(`${runner}.view.users === ${half}`);
    await page.selectOption('#ctl-users', String(o.users));
    await page.waitForFunction(`${runner}.view.users === ${o.users}`);
  })]);
  results.push(['settings change: SESSION_DRIVER=redis (cluster restart)', await longestDuring(page, async () => {
    await page.selectOption('#ctl-session-driver', 'redis');
    await page.waitForFunction(`!${runner}.loading && ${runner}.view.settings.session.driver === 'redis'`, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
  })]);
  results.push(['compare view (open, first 10 s of its runs)', await longestDuring(page, async () => {
    await page.click('#ctl-compare');
    await page.getByRole('dialog', { name: 'Compare set-ups' }).getByText(/Running/).waitFor();
    await page.waitForTimeout(10_000);
    await page.getByRole('button', { name: 'Close Compare set-ups' }).click();
  })]);
  results.push(['starting a lesson (lesson 2)', await longestDuring(page, async () => {
    await page.locator('button.item', { hasText: 'Two servers' }).click();
    await page.waitForFunction(`!${runner}.loading`, undefined, { timeout: 60_000 });
    await page.waitForTimeout(1000);
  })]);
  for (const [what, ms] of results) console.log(`longest task ms during ${what}: ${ms.toFixed(0)}`);
}

const opts = parseBenchUiArgs(process.argv.slice(2));
if ('errors' in opts) {
  for (const e of opts.errors) console.error(`bench:ui: ${e}`);
  console.error('Run `npm run bench:ui -- --help` for the options.');
  process.exit(2);
}
if (opts.help) {
  console.log(BENCH_UI_USAGE);
  process.exit(0);
}
main(opts).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
