/**
 * Each lesson's first step rendered ahead, one lesson per idle moment: the markdown lexer and the
 * sanitiser run cold the first time (~60 ms of a lesson's start on this machine, inside the click
 * that opens it). renderNarration remembers what it rendered, so the click finds it done.
 */
import { renderNarration } from '../../lessons/markdown';

/** Real ms the browser may wait for an idle moment before a narration is rendered anyway. */
const IDLE_TIMEOUT_MS = 1000;

/** Render `narrations` one per idle callback; returns a function that stops what is left. */
export function prerenderNarrations(narrations: readonly string[]): () => void {
  const left = [...narrations];
  let stopped = false;
  const later = (f: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: IDLE_TIMEOUT_MS }) : setTimeout(f, 50));
  const next = () => {
    const md = left.shift();
    if (stopped || md === undefined) return;
    renderNarration(md);
    later(next);
  };
  later(next);
  return () => { stopped = true; };
}
