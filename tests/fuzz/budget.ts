/**
 * The per-input guard of the fuzz suites (issue 14): every input must be answered within a
 * generous wall-clock bound. This is not a performance claim — the inputs it exists for took
 * seconds to minutes (exponential regular expressions, doubling .env values, million-point hash
 * rings); 250 ms leaves a loaded two-core CI two orders of magnitude of slack over the few
 * milliseconds a parser needs, so it cannot flake, and still catches any blow-up.
 */
import { expect } from 'vitest';

export const PER_INPUT_BUDGET_MS = 250;

/** Runs `fn` once and fails when it took longer than {@link PER_INPUT_BUDGET_MS}. */
export function withinBudget<T>(what: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(PER_INPUT_BUDGET_MS);
  return out;
}

/** Same for an async step (a console line). */
export async function withinBudgetAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await fn();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(PER_INPUT_BUDGET_MS);
  return out;
}

/** fast-check run counts: a few hundred inputs per property keep each fuzz file around a second. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
