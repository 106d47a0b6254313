/**
 * The per-input guard of the fuzz suites (issue 14): every input must be answered within a
 * generous time bound. This is not a performance claim — the inputs it exists for took seconds
 * to minutes (exponential regular expressions, doubling .env values, million-point hash rings).
 * It measures this process's CPU time (`process.cpuUsage`; vitest runs each file in its own
 * forked process by default), not the wall clock, so other work on
 * a loaded two-core machine cannot make it flake; 250 ms is two orders of magnitude above what a
 * fuzz input needs, and far below any blow-up.
 */
import { expect } from 'vitest';

export const PER_INPUT_BUDGET_MS = 250;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function check(what: string, ms: number): void {
  expect(ms, `${what} took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(PER_INPUT_BUDGET_MS);
}

/** Runs `fn` once and fails when it used more than {@link PER_INPUT_BUDGET_MS} of CPU. */
export function withinBudget<T>(what: string, fn: () => T): T {
  const start = cpuMs();
  const out = fn();
  check(what, cpuMs() - start);
  return out;
}

/** Same for an async step (a console line). */
export async function withinBudgetAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const start = cpuMs();
  const out = await fn();
  check(what, cpuMs() - start);
  return out;
}

/** fast-check run counts: 200 inputs per property keep the whole fuzz suite to a few seconds (FUZZ_RUNS=5000 for a long hunt). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
