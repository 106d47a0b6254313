/**
 * `npm run sim -- [options]`: run a scenario headless and print a summary (see README "CLI").
 * Exit codes: 0 ran, 2 bad input (nothing was run).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { Simulation } from '../sim/simulation';
import { summarize } from '../sim/summary';
import { traceLine } from '../sim/trace';
import { parseCli, USAGE } from './args';
import { formatCompare, formatReport } from './report';
import { compareSetups } from '../sim/compare';
import { RealRedis } from './realRedis';

async function main(argv: string[]): Promise<number> {
  const opts = parseCli(argv, (path) => readFileSync(path, 'utf8'));
  if ('errors' in opts) {
    for (const e of opts.errors) process.stderr.write(`sim: ${e}\n`);
    process.stderr.write('Run `npm run sim -- --help` for the options.\n');
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  for (const w of opts.warnings) process.stderr.write(`sim: ${w}\n`);
  if (opts.compare) {
    const rows = await compareSetups(opts.settings, opts.compare);
    const s = opts.settings;
    process.stdout.write((opts.json ? JSON.stringify({ seed: s.seed, durationSec: s.durationSec, users: s.users, rows }) : formatCompare(s, rows)) + '\n');
    return 0;
  }
  const out = opts.tracePath ? createWriteStream(opts.tracePath) : null;
  let real: RealRedis | null = null;
  if (opts.redisUrl) {
    try {
      real = await RealRedis.open({ url: opts.redisUrl, allowRemote: opts.allowRemote });
    } catch (e) {
      process.stderr.write(`sim: ${(e as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`sim: sessions in the real Redis at ${opts.redisUrl}; running at 1× for ${opts.settings.durationSec} s (watch: redis-cli MONITOR)\n`);
  }
  const sim = await Simulation.create(opts.settings, {
    traceLimit: 0,
    listeners: out ? { onRecord: (r) => out.write(traceLine(r) + '\n') } : {},
    ...(real ? { sessionRedis: async () => real } : {}),
  });
  if (real) await runAtWallClock(sim, real);
  else await sim.run();
  if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  if (real) await real.refreshInfo();
  const summary = summarize(sim);
  real?.close();
  process.stdout.write((opts.json ? JSON.stringify(summary) : formatReport(opts.settings, summary)) + '\n');
  return 0;
}

/** Real-Redis mode: virtual time follows the wall clock at 1×, so the server's own TTLs agree. */
async function runAtWallClock(sim: Simulation, real: RealRedis): Promise<void> {
  const endMs = sim.settings.durationSec * 1000;
  const start = performance.now();
  for (;;) {
    const now = Math.min(endMs, performance.now() - start);
    await sim.runUntil(now);
    real.tick(now);
    if (now >= endMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`sim: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
