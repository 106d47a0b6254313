/**
 * How `npm run sim` drives a run: in slices of virtual time, yielding to Node's event loop
 * between slices so that Ctrl+C (SIGINT) and SIGTERM are heard while a long run computes, a
 * failed trace write stops the run at once, and a progress line can be shown. Slicing does not
 * change the run: `runUntil` processes the same events in the same order (tested against one
 * `run()` call). In real-Redis mode virtual time follows the wall clock at 1× instead.
 */
import type { Simulation } from '../sim/simulation';
import type { RealRedis } from './realRedis';

/** Virtual ms per slice when running flat out. */
const SLICE_MS = 1000;
/** Wall ms between progress lines (on a terminal). */
const PROGRESS_MS = 1000;

export interface RunControl {
  /** Checked between slices: a reason to stop now (a signal, a trace write error), or null. */
  stop(): string | null;
  /** Called about once a second of wall time with the virtual time reached (ms). */
  progress?(nowMs: number, endMs: number): void;
}

/** Why a run ended early, with the virtual time it reached; null when it ran to the end. */
export type Stopped = { reason: string; atMs: number } | null;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Run to the configured duration as fast as possible, in slices. */
export async function runSliced(sim: Simulation, control: RunControl, runTo: (t: number) => Promise<void> = (t) => sim.runUntil(t)): Promise<Stopped> {
  const endMs = sim.settings.durationSec * 1000;
  let lastProgress = performance.now();
  for (let t = 0; ;) {
    t = Math.min(endMs, t + SLICE_MS);
    await runTo(t);
    const reason = control.stop();
    if (reason !== null) return { reason, atMs: sim.now };
    if (t >= endMs) return null;
    if (control.progress && performance.now() - lastProgress >= PROGRESS_MS) {
      lastProgress = performance.now();
      control.progress(t, endMs);
    }
    await yieldToEventLoop();
  }
}

/** Real-Redis mode: virtual time follows the wall clock at 1×, so the server's own TTLs agree. */
export async function runAtWallClock(sim: Simulation, real: RealRedis, control: RunControl): Promise<Stopped> {
  const endMs = sim.settings.durationSec * 1000;
  const start = performance.now();
  let lastProgress = start;
  for (;;) {
    const now = Math.min(endMs, performance.now() - start);
    await sim.runUntil(now);
    real.tick(now);
    const reason = control.stop();
    if (reason !== null) return { reason, atMs: sim.now };
    if (now >= endMs) return null;
    if (control.progress && performance.now() - lastProgress >= PROGRESS_MS) {
      lastProgress = performance.now();
      control.progress(now, endMs);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
