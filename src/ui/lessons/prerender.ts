/**
 * Each lesson's first step rendered ahead, one lesson per idle moment: the markdown lexer and the
 * sanitiser run cold the first time (~60 ms of a lesson's start on this machine, inside the click
 * that opens it). renderNarration remembers what it rendered, so the click finds it done.
 *
 * Only in real idle time, never forced: while a big run plays the page has no idle moment, and a
 * render forced by a timeout then was a 49–167 ms task in the middle of play. A page that never
 * idles renders the narration when the lesson is opened instead (well under 100 ms).
 */
import { renderNarration } from '../../lessons/markdown';

/** An idle period shorter than this is left alone: a render would run past the next frame. */
export const MIN_IDLE_MS = 10;

type Later = (f: (deadline: { timeRemaining(): number }) => void) => void;

/** The browser's idle callback; elsewhere (tests, old browsers) a timer that claims a whole idle period. */
const whenIdle: Later = (f) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(f);
  else setTimeout(() => f({ timeRemaining: () => 50 }), 50);
};

/** Render `narrations` one per idle moment; returns a function that stops what is left. */
export function prerenderNarrations(narrations: readonly string[], later: Later = whenIdle): () => void {
  const left = [...narrations];
  let stopped = false;
  const next = (deadline: { timeRemaining(): number }) => {
    if (stopped || left.length === 0) return;
    if (deadline.timeRemaining() >= MIN_IDLE_MS) renderNarration(left.shift()!);
    later(next);
  };
  later(next);
  return () => { stopped = true; };
}
