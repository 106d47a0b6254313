/**
 * The pacing's rules (src/ui/state/frameBudget.ts): while the run keeps up the engine gets its
 * steady share; while it owes virtual time it gets what a 60 Hz frame leaves, and what a frame
 * could not run is carried to the next ones, within a cap.
 */
import { describe, expect, it } from 'vitest';
import { engineBudget, FRAME_BUDGET_MS, FRAME_MARGIN_MS, FRAME_MS, frameTarget, MAX_ENGINE_MS, MAX_OWED_REAL_MS } from '../../src/ui/state/frameBudget';

const costs = { owed: 0, snapshot: false, snapshotCost: 3, canvasCost: 0.5, renderCost: 2 };

describe('the engine budget', () => {
  it('keeping up: the steady budget, less the snapshot on the frames that take one', () => {
    expect(engineBudget(costs)).toBe(FRAME_BUDGET_MS);
    expect(engineBudget({ ...costs, snapshot: true })).toBe(FRAME_BUDGET_MS - 3);
    expect(engineBudget({ ...costs, snapshot: true, snapshotCost: 40 })).toBe(2);
  });

  it('behind: what a 60 Hz frame leaves after the canvas, the snapshot and the rendering', () => {
    const room = FRAME_MS - FRAME_MARGIN_MS - 2 - 0.5;
    expect(engineBudget({ ...costs, owed: 500 })).toBeCloseTo(Math.min(MAX_ENGINE_MS, room));
    expect(engineBudget({ ...costs, owed: 500, renderCost: 4 })).toBeCloseTo(FRAME_MS - FRAME_MARGIN_MS - 4 - 0.5);
    expect(engineBudget({ ...costs, owed: 500, renderCost: 4, snapshot: true })).toBeCloseTo(FRAME_MS - FRAME_MARGIN_MS - 4 - 0.5 - 3);
  });

  it('behind on a cheap page: never past the cap; on a slow one: never below the steady budget', () => {
    expect(engineBudget({ ...costs, owed: 500, renderCost: 0, canvasCost: 0 })).toBe(MAX_ENGINE_MS);
    expect(engineBudget({ ...costs, owed: 500, renderCost: 30 })).toBe(FRAME_BUDGET_MS);
  });
});

describe('the virtual time a frame runs', () => {
  it("is its own real ms × speed plus what earlier frames could not run", () => {
    expect(frameTarget(0, 16, 10)).toBe(160);
    expect(frameTarget(300, 16, 10)).toBe(460);
  });

  it('owes at most a quarter second of real time: past it the run falls behind', () => {
    expect(frameTarget(1e9, 16, 10)).toBe((16 + MAX_OWED_REAL_MS) * 10);
    expect(frameTarget(1e9, 16, 1)).toBe(16 + MAX_OWED_REAL_MS);
  });
});
