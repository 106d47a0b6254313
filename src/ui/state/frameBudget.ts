/**
 * How much of a frame the engine gets (pure, so the pacing's rules are unit-tested; the frame
 * loop that applies them is pacing.svelte.ts).
 */

/**
 * Real ms of JavaScript per frame (simulation, and the DOM snapshot on the frames that take one)
 * while the run keeps up with the chosen speed.
 */
export const FRAME_BUDGET_MS = 9;
/** A 60 Hz display's frame: what the whole frame (JavaScript and rendering) should fit in. */
export const FRAME_MS = 1000 / 60;
/** Kept free in a 60 Hz frame when the engine is given the rest (the costs below are smoothed estimates). */
export const FRAME_MARGIN_MS = 2;
/** The engine's share of a frame never goes past this, however cheap the rest of the frame is. */
export const MAX_ENGINE_MS = 13;
/**
 * Virtual time a frame could not run is owed to the next frames, up to this many real ms of it
 * (× speed): a frame that takes a snapshot or meets a garbage collection no longer loses its
 * share, the next ones with room catch up. Past it the run falls behind the chosen speed.
 */
export const MAX_OWED_REAL_MS = 250;

/** What the frame loop knows when a frame starts (real ms, smoothed over the last frames). */
export interface FrameCosts {
  /** Virtual ms the previous frames could not run. */
  owed: number;
  /** This frame takes a DOM snapshot. */
  snapshot: boolean;
  /** A DOM snapshot and its render. */
  snapshotCost: number;
  /** The canvas layers. */
  canvasCost: number;
  /** The browser's work after the frame's JavaScript (style, layout, paint, commit). */
  renderCost: number;
}

/**
 * Real ms the engine may run in this frame. While the run keeps up, {@link FRAME_BUDGET_MS}
 * less the snapshot's share. While it owes virtual time, what a 60 Hz frame leaves once the
 * canvas, the snapshot and the browser's rendering have had theirs (at most
 * {@link MAX_ENGINE_MS}, never less than while keeping up): the engine gets the room the frames
 * have, and a frame still fits in 16.7 ms.
 */
export function engineBudget(c: FrameCosts): number {
  const steady = Math.max(2, FRAME_BUDGET_MS - (c.snapshot ? c.snapshotCost : 0));
  if (c.owed <= 0) return steady;
  const room = FRAME_MS - FRAME_MARGIN_MS - c.renderCost - c.canvasCost - (c.snapshot ? c.snapshotCost : 0);
  return Math.max(steady, Math.min(MAX_ENGINE_MS, room));
}

/** Virtual ms this frame should run: its own real ms × speed and what earlier frames owe, within {@link MAX_OWED_REAL_MS}. */
export function frameTarget(owed: number, dt: number, speed: number): number {
  return Math.min(owed + dt * speed, (dt + MAX_OWED_REAL_MS) * speed);
}
