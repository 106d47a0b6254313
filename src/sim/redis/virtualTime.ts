/**
 * Virtual time for ioredis-mock, in one place.
 *
 * ioredis-mock has no timers: every command reads the global `Date.now()` while it runs
 * (expiry checks, `EXPIRE` deadlines, `PTTL`), and it runs synchronously inside the call
 * that returns its promise. So for the length of that one synchronous call we point
 * `Date.now` at the simulation clock and put the previous function back in `finally`,
 * before anything is awaited. Nothing else can run in between (JavaScript is single-
 * threaded), so no other code ever sees the virtual clock.
 *
 * The instant is frozen for the whole command, like Redis's own `commandTimeSnapshot()`:
 * every `Date.now()` the mock makes during one command returns the same integer ms.
 *
 * Hot path: `enter`/`exit` allocate nothing (the reader closure is created once).
 */

import { CLONE } from '../graphClone';

/** Swap the global `Date.now`, returning the function that was there (which may be a test's fake). */
function swapDateNow(next: () => number): () => number {
  // eslint-disable-next-line no-restricted-properties -- the single sanctioned place: ioredis-mock reads the global clock, so we must bracket it with the virtual one (see file comment).
  const previous = Date.now; Date.now = next; return previous;
}

/** Brackets synchronous ioredis-mock calls with a frozen virtual instant. */
export class VirtualNow {
  /** A checkpoint's copy: a bracket of its own, closed (checkpoints are taken between commands). */
  [CLONE](): VirtualNow {
    if (this.depth !== 0) throw new Error('a checkpoint was taken inside a Redis command');
    return new VirtualNow();
  }

  private instant = 0;
  /** Open brackets: nesting is harmless, only the outermost swaps the global. */
  private depth = 0;
  /** What `Date.now` returns while a bracket is open. */
  private readonly read = (): number => this.instant;
  /** The function `Date.now` held before the outermost bracket (set on entry). */
  private saved: () => number = this.read;

  /** Point `Date.now` at `ms` (integer epoch ms). Must be followed by {@link exit} in a `finally`. */
  enter(ms: number): void {
    this.instant = ms;
    if (this.depth++ === 0) this.saved = swapDateNow(this.read);
  }

  /** Restore whatever `Date.now` was before the outermost {@link enter}. */
  exit(): void {
    if (--this.depth === 0) swapDateNow(this.saved);
  }

  /** Run `fn` at virtual instant `ms` (convenience for cold paths; allocates the closure). */
  run<T>(ms: number, fn: () => T): T {
    this.enter(ms);
    try {
      return fn();
    } finally {
      this.exit();
    }
  }
}
