import { describe, expect, it } from 'vitest';
import { crowdGrid, cellCenter } from '../../src/ui/stage/crowd';
import { labelBox, LABEL_SPILL } from '../../src/ui/stage/logoutLabels';
import { stageLayout, type Rect } from '../../src/ui/stage/layout';

/** "✕ user N logged out" labels must not cover the neighbours' cells nor leave the stage. */
describe('logout labels', () => {
  const inside = (r: Rect, outer: Rect, stageW: number) => r.x >= 0 && r.y >= outer.y && r.x + r.w <= Math.min(outer.x + outer.w + LABEL_SPILL, stageW) && r.y + r.h <= outer.y + outer.h;

  for (const [w, h, users] of [[880, 400, 30], [1300, 620, 100], [640, 300, 1000], [374, 500, 30]] as const) {
    it(`${users} users on a ${w}×${h} stage: beside the grid, clear of each other, inside`, () => {
      const l = stageLayout(w, h, 2);
      const g = crowdGrid(users, l.crowd);
      const gridBox: Rect = { x: g.x0, y: g.y0, w: g.cols * g.cell, h: g.rows * g.cell };
      const placed: Rect[] = [];
      const p = { x: 0, y: 0 };
      for (const user of [0, 1, 2, Math.floor(users / 2), users - 1]) {
        cellCenter(g, user, p);
        const box = labelBox(g, l.crowd, w, p, 150, 20, placed);
        if (!box) continue;
        const clear = box.x + box.w <= gridBox.x || box.x >= gridBox.x + gridBox.w || box.y + box.h <= gridBox.y || box.y >= gridBox.y + gridBox.h;
        expect(clear, 'not over the grid').toBe(true);
        expect(inside(box, l.crowd, w), 'inside the stage').toBe(true);
        for (const b of placed) expect(box.y + box.h <= b.y || b.y + b.h <= box.y || box.x + box.w <= b.x || b.x + b.w <= box.x).toBe(true);
        placed.push(box);
      }
      // The lessons' 30 users on a laptop's stage: room for every label.
      if (users === 30 && w === 880) expect(placed.length).toBe(5);
    });
  }

  it('on a phone\'s stage (the crowd as wide as the stage) no label passes the right edge', () => {
    const [w, h] = [382, 426];
    const l = stageLayout(w, h, 2);
    const g = crowdGrid(30, l.crowd);
    const p = { x: 0, y: 0 };
    let drawn = 0;
    for (let user = 0; user < 30; user++) {
      cellCenter(g, user, p);
      const box = labelBox(g, l.crowd, w, p, 150, 20, []);
      if (!box) continue;
      drawn++;
      expect(box.x + box.w, `user ${user + 1}`).toBeLessThanOrEqual(w);
      expect(box.x, `user ${user + 1}`).toBeGreaterThanOrEqual(0);
    }
    expect(drawn).toBeGreaterThan(0); // the band below the grid has room (others fall back to the cell's flash)
  });
});
