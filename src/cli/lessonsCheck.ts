/**
 * `npm run lessons:check [FILE...]`: validate lessons, then run every step headless — without
 * the solution the goal must not be met (unless the step `startsMet`), with it it must be.
 * Prints one line per step with the measured figures.
 * Exit codes: 0 all pass, 1 a step failed, 2 a lesson is malformed (nothing was run).
 */
import { checkStep, type RunFigures, type StepCheck } from '../lessons/runner';
import { loadLessonFiles } from '../lessons/loadFiles';
import { escapeControls as esc, printable } from './escape';

const USAGE = `Usage: npm run lessons:check -- [FILE...] [--verbose]

Validates lessons (default: every lessons/*.ts and lessons/*.json) and runs each step headless:
the goal must fail as the step starts (unless the step says startsMet) and hold once the
step's solution is applied. Exit 0 all pass, 1 a step failed, 2 a lesson is malformed.

  --verbose   also print what the solutions typed into the Redis console
  --help      this text`;

function figures(r: RunFigures): string {
  return `${r.text} [${r.requests} requests]`;
}

function line(c: StepCheck, total: number): string {
  const mark = c.ok ? '✓' : '✗';
  const head = `  ${mark} ${c.index + 1}/${total} ${esc(c.step)}`;
  if (c.startsMet) {
    const after = c.after ? `; with the solution: ${figures(c.after)}` : '';
    return `${head} (starts met): ${figures(c.before)}${after}`;
  }
  const after = c.after ? figures(c.after) : '(no solution)';
  return `${head}: before: ${figures(c.before)} → after: ${after}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const verbose = argv.includes('--verbose');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--verbose');
  if (unknown.length) {
    process.stderr.write(`lessons:check: unknown option ${unknown.map(esc).join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const files = argv.filter((a) => !a.startsWith('-'));
  const started = performance.now();
  const { lessons, errors } = await loadLessonFiles(files);
  if (errors.length) {
    for (const e of errors) process.stderr.write(`${esc(e)}\n`);
    process.stderr.write(`lessons:check: ${errors.length} problem${errors.length === 1 ? '' : 's'} in the lesson files; nothing was run.\n`);
    return 2;
  }
  if (lessons.length === 0) {
    process.stderr.write('lessons:check: no lessons found\n');
    return 2;
  }
  let failed = 0;
  let steps = 0;
  for (const lesson of lessons) {
    process.stdout.write(`${esc(lesson.source)} — ${lesson.id}: ${esc(lesson.title)}\n`);
    for (let i = 0; i < lesson.steps.length; i++) {
      const c = await checkStep(lesson, i);
      steps++;
      process.stdout.write(esc(line(c, lesson.steps.length)) + '\n');
      for (const p of c.problems) process.stdout.write(`      ✗ ${esc(p)}\n`);
      if (verbose) for (const t of c.after?.console ?? []) process.stdout.write(`      redis> ${esc(t.line)}\n${printable(t.output).replace(/^/gm, '      ')}\n`);
      if (!c.ok) failed++;
    }
  }
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  const summary = failed === 0 ? 'all pass' : `${failed} failed`;
  process.stdout.write(`${lessons.length} lesson${lessons.length === 1 ? '' : 's'}, ${steps} steps: ${summary} (${secs} s)\n`);
  return failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`lessons:check: internal error: ${printable(err instanceof Error ? err.stack ?? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
