/**
 * Each lesson's first step rendered ahead, one lesson per idle moment: the markdown lexer and the
 * sanitiser run cold the first time (~60 ms of a lesson's start on this machine, inside the click
 * that opens it). renderNarration remembers what it rendered, so the click finds it done.
 *
 * The first narration is rendered within a second even if the page never idles (it warms the
 * lexer and the sanitiser: one task, once); the others only in real idle time. While a big run
 * plays the page has no idle moment, and forcing every render then made 49–167 ms tasks in the
 * middle of play; a narration not rendered ahead is rendered warm when its lesson opens.
 */
import { renderNarration } from '../../lessons/markdown';

/** An idle period shorter than this is left alone: a render would run past the next frame. */
export const MIN_IDLE_MS = 10;
/** Real ms the browser may wait for an idle moment before the warm-up render runs anyway. */
const WARM_UP_TIMEOUT_MS = 1000;

export interface IdleDeadline {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}
/** Call `f` in an idle moment, or after `timeoutMs` at the latest when given. */
export type Later = (f: (deadline: IdleDeadline) => void, timeoutMs?: number) => void;

/** The browser's idle callback; elsewhere (tests, old browsers) a timer that claims a whole idle period. */
const whenIdle: Later = (f, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f, timeoutMs === undefined ? {} : { timeout: timeoutMs });
  else setTimeout(() => f({ timeRemaining: () => 50, didTimeout: false }), 50);
};

/** Render `narrations` one per idle moment; returns a function that stops what is left. */
export function prerenderNarrations(narrations: readonly string[], later: Later = whenIdle): () => void {
  const left = [...narrations];
  let stopped = false;
  let warm = false;
  const next = (deadline: IdleDeadline) => {
    if (stopped || left.length === 0) return;
    if (!warm || deadline.timeRemaining() >= MIN_IDLE_MS) {
      renderNarration(left.shift()!);
      warm = true;
    }
    later(next);
  };
  later(next, WARM_UP_TIMEOUT_MS);
  return () => { stopped = true; };
}
