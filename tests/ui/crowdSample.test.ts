import { describe, expect, it } from 'vitest';
import { cellAt, cellCenter, cellUser, crowdGrid, groupCell, MIN_CELL, sampledCrowd, userCell } from '../../src/ui/stage/crowd';
import { cellLook, changedCells } from '../../src/ui/stage/crowdPaint';
import { pickLabels } from '../../src/ui/state/marks';
import { buildView } from '../../src/ui/state/view';
import { RunningTotals } from '../../src/ui/metrics/chartData';
import { Simulation } from '../../src/sim/simulation';
import { defaultSettings } from '../../src/sim/settings';

describe('a crowd of thousands is sampled, never squeezed below readable cells', () => {
  // The stage's crowd area at 1366×768 and 1920×1080 with the lessons column open.
  const areas = [{ x: 12, y: 30, w: 212, h: 300 }, { x: 14, y: 32, w: 318, h: 430 }];

  for (const area of areas) {
    for (const users of [100, 1000, 2000, 5000, 10_000]) {
      it(`${users} users in ${area.w}×${area.h}`, () => {
        const g = sampledCrowd(users, area);
        expect(g.cell).toBeGreaterThanOrEqual(MIN_CELL);
        expect(g.n).toBe(Math.ceil(users / g.every));
        expect(g.cols * g.cell).toBeLessThanOrEqual(area.w + 1e-6);
        expect(g.rows * g.cell).toBeLessThanOrEqual(area.h + 1e-6);
        // The smallest sampling that keeps cells readable: one user fewer per cell would not fit.
        if (g.every > 1) expect(crowdGrid(Math.ceil(users / (g.every - 1)), area).cell).toBeLessThan(MIN_CELL);
        else expect(g).toEqual(crowdGrid(users, area));
      });
    }
  }

  it('shows everyone while cells are big enough', () => {
    expect(sampledCrowd(1000, areas[1]!).every).toBe(1);
    expect(sampledCrowd(10_000, areas[0]!).every).toBeGreaterThan(5);
  });

  it('maps users to cells and back: shown users have their own, the others their group\'s', () => {
    const g = sampledCrowd(10_000, areas[0]!);
    const k = g.every;
    expect(userCell(g, 0)).toBe(0);
    expect(userCell(g, 3 * k)).toBe(3);
    expect(userCell(g, 3 * k + 1)).toBe(-1);
    expect(groupCell(g, 3 * k + 1)).toBe(3);
    expect(groupCell(g, 9_999)).toBe(g.n - 1);
    expect(cellUser(g, 3)).toBe(3 * k);
    // A click on a cell finds the user it shows.
    const c = cellCenter(g, 17);
    expect(cellUser(g, cellAt(g, c.x, c.y))).toBe(17 * k);
  });
});

describe('the crowd repaints only what changed', () => {
  it('lists the cells whose look differs from what is drawn, up to a limit', () => {
    const drawn = new Uint8Array([0, 2, 2, 4, 1]);
    const want = [0, 2, 4, 4, 0];
    const out = new Int32Array(5);
    expect(changedCells(5, (i) => want[i]!, drawn, out, Infinity)).toBe(2);
    expect([...out.slice(0, 2)]).toEqual([2, 4]);
    expect(changedCells(5, (i) => want[i]!, drawn, out, 1)).toBe(1);
    expect(out[0]).toBe(2);
  });

  it('a departed user shows nothing; an active one their mark', () => {
    expect(cellLook(3, false)).toBe(0);
    expect(cellLook(0, true)).toBe(1);
    expect(cellLook(3, true)).toBe(4);
  });

  it('labels only logouts of users shown in a sampled crowd', () => {
    const logouts = [{ user: 8, at: 100 }, { user: 9, at: 200 }, { user: 16, at: 250 }];
    const shown = (u: number) => u % 8 === 0;
    expect(pickLabels([], logouts, 300, 3, shown).map((l) => l.user)).toEqual([16, 8]);
  });
});

describe('the counts under a sampled crowd cover everyone', () => {
  it('counts the marks of the users in the crowd', async () => {
    const s = defaultSettings();
    s.users = 50;
    const sim = await Simulation.create(s, { traceLimit: 0 });
    try {
      await sim.runUntil(20_000);
      const marks = new Uint8Array(50);
      marks[0] = 3;
      marks[1] = 3;
      marks[2] = 1;
      const v = buildView(sim, new RunningTotals(), { marks });
      const active = sim.world.users.filter((u) => u.active).length;
      expect(v.marks.reduce((a, b) => a + b, 0)).toBe(active);
      const activeAmongFirst = (n: number) => sim.world.users.slice(0, n).filter((u) => u.active).length;
      expect(v.marks[3]).toBe(activeAmongFirst(2));
      expect(buildView(sim, new RunningTotals()).marks).toEqual([]);
    } finally {
      sim.dispose();
    }
  });
});
