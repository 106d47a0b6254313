/**
 * `npm run sim -- [options]`: run a scenario headless and print a summary (see README "CLI").
 * Exit codes: 0 ran; 1 Redis unreachable (real-Redis mode) or an internal error; 2 bad input
 * (nothing was run), a `--trace` file that cannot be written, a real Redis refusing the
 * password or the database; 130/143 interrupted by SIGINT/SIGTERM (the trace so far is kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { advance as advanceRun } from '../run/replay';
import { runFileText } from '../run/runFile';
import { printLink } from './runFlags';
import { Simulation } from '../sim/simulation';
import { summarize } from '../sim/summary';
import { traceLine } from '../sim/trace';
import { parseCli, USAGE, type CliOptions } from './args';
import { formatCompare, formatReport } from './report';
import { compareSetups } from '../sim/compare';
import { RealRedis, RealRedisError } from './realRedis';
import { escapeControls, printable } from './escape';
import { runAtWallClock, runSliced, type RunControl } from './runLoop';
import { TraceFile } from './traceFile';

const say = (line: string): void => {
  process.stderr.write(`sim: ${escapeControls(line)}\n`);
};

/** SIGINT/SIGTERM while running: stop between slices (the handlers are removed afterwards). */
function watchSignals(): { received: () => NodeJS.Signals | null; dispose: () => void } {
  let got: NodeJS.Signals | null = null;
  const on = (s: NodeJS.Signals): void => {
    if (got !== null) process.exit(s === 'SIGINT' ? 130 : 143); // a second Ctrl+C: stop at once
    got = s;
  };
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    received: () => got,
    dispose: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}

/** A progress line on stderr, only when it is a terminal (rewritten in place). */
function progressLine(opts: CliOptions): RunControl['progress'] {
  if (!process.stderr.isTTY) return undefined;
  return (nowMs, endMs) => {
    const pct = ((100 * nowMs) / endMs).toFixed(0);
    process.stderr.write(`\rsim: ${Math.floor(nowMs / 1000)} of ${opts.settings.durationSec} virtual seconds (${pct}%)…`);
  };
}

async function main(argv: string[]): Promise<number> {
  const opts = parseCli(argv, (path) => readFileSync(path, 'utf8'));
  if ('errors' in opts) {
    for (const e of opts.errors) say(e);
    process.stderr.write('Run `npm run sim -- --help` for the options.\n');
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  for (const w of opts.warnings) say(w);
  // The run as data: a link's or file's own interventions, or none for a scenario from flags.
  const runLog = opts.run?.run ?? { settings: opts.settings, interventions: [] };
  if (opts.printLink) {
    const atMs = opts.atMs ?? opts.run?.atMs ?? 0;
    process.stdout.write(`${printLink(opts.baseUrl, { run: { ...runLog, settings: opts.settings }, atMs })}\n`);
    if (opts.saveRunPath === null) return 0;
  }
  if (opts.saveRunPath !== null) {
    const atMs = opts.atMs ?? opts.settings.durationSec * 1000;
    try {
      writeFileSync(opts.saveRunPath, runFileText({ run: { ...runLog, settings: opts.settings }, atMs }));
    } catch (e) {
      say(`--save-run: ${opts.saveRunPath}: ${(e as Error).message}`);
      return 2;
    }
    if (opts.printLink) return 0;
  }
  if (opts.compare) {
    const rows = await compareSetups(opts.settings, opts.compare);
    const s = opts.settings;
    process.stdout.write((opts.json ? JSON.stringify({ seed: s.seed, durationSec: s.durationSec, users: s.users, rows }) : formatCompare(s, rows)) + '\n');
    return 0;
  }
  // Open the trace before anything runs: a path that cannot be written is bad input.
  const trace = opts.tracePath === null ? null : TraceFile.open(opts.tracePath);
  if (typeof trace === 'string') {
    say(trace);
    return 2;
  }
  let real: RealRedis | null = null;
  const signals = watchSignals();
  try {
    if (opts.redisUrl) {
      try {
        real = await RealRedis.open({ url: opts.redisUrl, allowRemote: opts.allowRemote });
      } catch (e) {
        if (!(e instanceof RealRedisError)) throw e;
        say(e.message);
        return e.exitCode;
      }
      say(`sessions in the real Redis at ${real.address}; running at 1× for ${opts.settings.durationSec} s (watch: redis-cli MONITOR)`);
    }
    const sessionRedis = real;
    const sim = await Simulation.create(opts.settings, {
      traceLimit: 0,
      listeners: trace ? { onRecord: (r) => trace.write(traceLine(r)) } : {},
      ...(sessionRedis ? { sessionRedis: async () => sessionRedis } : {}),
    });
    const control: RunControl = {
      stop: () => {
        const s = signals.received();
        return s !== null ? `interrupted (${s})` : trace?.error ?? null;
      },
      progress: progressLine(opts),
    };
    const interventions = opts.run?.run;
    const stopped = real
      ? await runAtWallClock(sim, real, control)
      : await runSliced(sim, control, interventions ? (t) => advanceRun(sim, interventions, t).then(() => undefined) : undefined);
    if (control.progress) process.stderr.write('\r\x1b[K');
    const traceError = trace?.close() ?? null;
    if (traceError !== null) {
      say(`${traceError}; the run stopped at ${Math.floor(sim.now / 1000)} of ${opts.settings.durationSec} virtual seconds`);
      return 2;
    }
    if (stopped) {
      const kept = trace ? `; ${opts.tracePath} holds the ${trace.lines} requests finished so far` : '';
      say(`${stopped.reason} at ${Math.floor(stopped.atMs / 1000)} of ${opts.settings.durationSec} virtual seconds${kept}`);
      return signals.received() === 'SIGTERM' ? 143 : 130;
    }
    if (real) {
      try {
        await real.refreshInfo();
      } catch (e) {
        say(`the real Redis stopped answering (${(e as Error).message}): its figures below are from the last INFO it gave`);
      }
    }
    const summary = summarize(sim);
    process.stdout.write((opts.json ? JSON.stringify(summary) : printable(formatReport(opts.settings, summary))) + '\n');
    return 0;
  } finally {
    if (trace) trace.close();
    real?.close();
    signals.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`sim: internal error: ${printable(err instanceof Error ? err.stack ?? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
