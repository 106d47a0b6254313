/**
 * A view that covers the running cluster — the compare view (a modal dialog: nothing behind it
 * can be used) or side by side (it takes the first screen's place) — holds the run paused while
 * it is open, and the run plays on when it closes if it was playing. At 10,000 users a run at
 * 10× keeps the page's main thread ~70 % busy and makes young-generation collections of 50–160 ms
 * on a loaded machine; behind the compare view it also competed with the view's worker for the
 * two cores, and those frames were the view's long tasks (docs/side-by-side.md, README "Frame budget").
 */

/** What a view holds: the page's runner, or anything with its play/pause. */
export interface Playable {
  readonly playing: boolean;
  play(): void;
  pause(): void;
}

/**
 * Pause `run` now; the returned release plays it on if it was playing when held (once: a
 * second call does nothing).
 */
export function holdRun(run: Playable): () => void {
  const wasPlaying = run.playing;
  run.pause();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (wasPlaying) run.play();
  };
}
