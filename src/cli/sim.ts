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
  const sim = await Simulation.create(opts.settings, {
    traceLimit: 0,
    listeners: out ? { onRecord: (r) => out.write(traceLine(r) + '\n') } : {},
  });
  await sim.run();
  if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const summary = summarize(sim);
  process.stdout.write((opts.json ? JSON.stringify(summary) : formatReport(opts.settings, summary)) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`sim: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
