import { describe, expect, it } from 'vitest';
import { crowdGrid, cellCenter } from '../../src/ui/stage/crowd';
import { labelBox, labelRoom } from '../../src/ui/stage/logoutLabels';
import { stageLayout, type Rect } from '../../src/ui/stage/layout';

/** "✕ user N logged out" labels must not cover the neighbours' cells nor leave the stage. */
describe('logout labels', () => {
  const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
  const apart = (a: Rect, b: Rect) => a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

  for (const [w, h, users] of [[880, 400, 30], [1300, 620, 100], [640, 300, 1000], [374, 500, 30]] as const) {
    it(`${users} users on a ${w}×${h} stage: beside the grid, clear of each other, inside`, () => {
      const l = stageLayout(w, h, 2);
      const g = crowdGrid(users, l.crowd);
      const gridBox: Rect = { x: g.x0, y: g.y0, w: g.cols * g.cell, h: g.rows * g.cell };
      const placed: Rect[] = [];
      const p = { x: 0, y: 0 };
      for (const user of [0, 1, 2, Math.floor(users / 2), users - 1]) {
        cellCenter(g, user, p);
        const box = labelBox(g, labelRoom(l), p, 150, 20, placed);
        if (!box) continue;
        const clear = box.x + box.w <= gridBox.x || box.x >= gridBox.x + gridBox.w || box.y + box.h <= gridBox.y || box.y >= gridBox.y + gridBox.h;
        expect(clear, 'not over the grid').toBe(true);
        expect(inside(box, w, h), 'inside the stage').toBe(true);
        expect(apart(box, l.balancer), 'clear of the balancer').toBe(true);
        for (const b of placed) expect(box.y + box.h <= b.y || b.y + b.h <= box.y || box.x + box.w <= b.x || b.x + b.w <= box.x).toBe(true);
        placed.push(box);
      }
      // The lessons' 30 users on a laptop's stage: room for every label.
      if (users === 30 && w === 880) expect(placed.length).toBe(5);
    });
  }

  it('on a phone\'s stage (the crowd as wide as the stage) labels go in the funnel below it, inside the stage', () => {
    const [w, h] = [382, 426];
    const l = stageLayout(w, h, 2);
    const g = crowdGrid(30, l.crowd);
    const gridBox: Rect = { x: g.x0, y: g.y0, w: g.cols * g.cell, h: g.rows * g.cell };
    const p = { x: 0, y: 0 };
    const placed: Rect[] = [];
    for (const user of [0, 9, 15, 29]) {
      cellCenter(g, user, p);
      const box = labelBox(g, labelRoom(l), p, 150, 20, placed);
      // One band fits under the grid: the first two labels (left and right columns) get it.
      if (placed.length < 2) expect(box, `room for user ${user + 1}`).not.toBeNull();
      if (!box) continue;
      expect(inside(box!, w, h), `user ${user + 1} inside the stage`).toBe(true);
      expect(apart(box!, gridBox), 'not over the grid').toBe(true);
      expect(apart(box!, l.balancer), 'clear of the balancer').toBe(true);
      for (const b of placed) expect(apart(box!, b)).toBe(true);
      placed.push(box!);
    }
  });
});
