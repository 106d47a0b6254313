/**
 * `npm run bench:ui -- [--users N] [--speed S] [--port P] [--seconds T] [--side SPEC] [--size-only]`: flags → options,
 * or what is wrong with them. Pure, so the contract is unit-tested; benchUi.ts does the I/O.
 */
import { parseArgs } from 'node:util';
import { MAX_USERS } from '../sim/settings';
import { SPEEDS } from '../ui/state/config';
import { formatSide, parseSide } from '../ui/side/sideLink';
import { INITIAL_JS_BUDGET_KB } from './initialJs';

export interface BenchUiOptions {
  users: number;
  speed: number;
  /** The preview server's port (parallel runs on one machine need different ones). */
  port: number;
  /** Wall seconds of the measured sample (after a warm-up). */
  seconds: number;
  /** Also time a few actions (settings change, compare view, lesson start) by their longest task. */
  actions: boolean;
  /** Measure the side-by-side view with this `side=` value (two simulations per frame), or null. */
  side: string | null;
  /** Build, print the first screen's JavaScript size against its budget, and stop (no browser). */
  sizeOnly: boolean;
  help: boolean;
}

export const BENCH_UI_USAGE = `Usage: npm run bench:ui -- [options]

Builds the app, prints the first screen's JavaScript size (exit code 1 when it is over the
${INITIAL_JS_BUDGET_KB} KB gzip budget), then measures the page in headless Chromium (software
rendering, frame rate uncapped).

  --users N      simulated users, 1–${MAX_USERS} (default 1000)
  --speed S      simulation speed, one of ${SPEEDS.join(', ')} (default 10)
  --port P       the preview server's port, 1024–65535 (default 4174)
  --seconds T    length of the measured sample, 2–120 wall seconds (default 10)
  --no-actions   skip timing the actions (users changed live, a cluster restart, the compare
                 view, a lesson start) by their longest task
  --side SPEC    measure the side-by-side view instead (?side=SPEC, e.g. driver:redis): two
                 simulations per frame; the actions are skipped
  --size-only    stop after the size (no browser)
  --help         this text`;

const OPTIONS = {
  users: { type: 'string' }, speed: { type: 'string' }, port: { type: 'string' }, seconds: { type: 'string' },
  'no-actions': { type: 'boolean' }, side: { type: 'string' }, 'size-only': { type: 'boolean' }, help: { type: 'boolean' },
} as const;

function whole(flag: string, value: string | undefined, min: number, max: number, fallback: number, errors: string[]): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    errors.push(`--${flag}: expected a whole number from ${min} to ${max}, got "${value}"`);
    return fallback;
  }
  return n;
}

/** Parse argv (without node and script): options, or every error found. */
export function parseBenchUiArgs(argv: string[]): BenchUiOptions | { errors: string[] } {
  let flags;
  try {
    flags = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return { errors: [(e as Error).message.split('\n')[0]!] };
  }
  const errors: string[] = [];
  const users = whole('users', flags.users, 1, MAX_USERS, 1000, errors);
  const port = whole('port', flags.port, 1024, 65535, 4174, errors);
  const seconds = whole('seconds', flags.seconds, 2, 120, 10, errors);
  let speed = 10;
  if (flags.speed !== undefined) {
    const s = Number(flags.speed);
    if (flags.speed.trim() === '' || !(SPEEDS as readonly number[]).includes(s)) errors.push(`--speed: expected one of ${SPEEDS.join(', ')}, got "${flags.speed}"`);
    else speed = s;
  }
  let side: string | null = null;
  if (flags.side !== undefined) {
    const p = parseSide(flags.side);
    if (p.problems.length || formatSide(p.change) === '') errors.push(`--side: ${p.problems[0]?.replace(/^link: side: /, '').replace(/ \(ignored\)$/, '') ?? 'expected KEY:VALUE such as driver:redis'}`);
    else side = formatSide(p.change);
  }
  if (errors.length) return { errors };
  return { users, speed, port, seconds, actions: flags['no-actions'] !== true && side === null, side, sizeOnly: flags['size-only'] === true, help: flags.help === true };
}
