import { describe, expect, it } from 'vitest';
import { contains, overlaps, stageLayout, wirePoint, type Rect } from '../../src/ui/stage/layout';
import { cellAt, cellCenter, crowdGrid, moveCell, MAX_CELL } from '../../src/ui/stage/crowd';

const SIZES: Array<[number, number]> = [[880, 400], [930, 430], [1300, 620], [640, 300]];

function inside(outer: { width: number; height: number }, r: Rect): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= outer.width && r.y + r.h <= outer.height;
}

describe('stageLayout', () => {
  for (const [w, h] of SIZES) {
    for (let n = 1; n <= 8; n++) {
      it(`${w}×${h}, ${n} node(s): cards stay inside and never overlap`, () => {
        const l = stageLayout(w, h, n);
        const cards = [l.crowd, l.balancer, ...l.nodes, l.redis];
        for (const c of cards) expect(inside(l, c), JSON.stringify(c)).toBe(true);
        for (let i = 0; i < cards.length; i++) {
          for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i]!, cards[j]!), `${i} vs ${j}`).toBe(false);
        }
        expect(l.nodes).toHaveLength(n);
        expect(l.lbToNode).toHaveLength(n);
        // Node cards are tall enough for a line of text even with 8 nodes.
        for (const r of l.nodes) expect(r.h).toBeGreaterThanOrEqual(h >= 400 ? 40 : 30);
      });
    }
  }

  it('uses compact node cards only when they are short', () => {
    expect(stageLayout(930, 430, 2).compactNodes).toBe(false);
    expect(stageLayout(930, 430, 8).compactNodes).toBe(true);
  });

  it('wires run from the balancer to each node', () => {
    const l = stageLayout(900, 420, 3);
    const p = { x: 0, y: 0 };
    l.lbToNode.forEach((w, i) => {
      wirePoint(w, 0, p);
      expect(p.x).toBeCloseTo(l.balancer.x + l.balancer.w);
      wirePoint(w, 1, p);
      expect(p.x).toBeCloseTo(l.nodes[i]!.x);
      expect(contains(l.nodes[i]!, p.x, p.y)).toBe(true);
    });
  });
});

describe('crowdGrid', () => {
  const area = { x: 10, y: 20, w: 270, h: 360 };

  for (const n of [1, 10, 100, 1000, 5000, 10000]) {
    it(`${n} users fit in the area, one cell each`, () => {
      const g = crowdGrid(n, area);
      expect(g.cols * g.rows).toBeGreaterThanOrEqual(n);
      expect(g.cols * g.cell).toBeLessThanOrEqual(area.w + 1e-6);
      expect(g.rows * g.cell).toBeLessThanOrEqual(area.h + 1e-6);
      expect(g.cell).toBeLessThanOrEqual(MAX_CELL);
      expect(g.cell).toBeGreaterThan(n <= 1000 ? 8 : 2);
    });
  }

  it('hit-testing finds the user whose cell was clicked', () => {
    const g = crowdGrid(100, area);
    for (const i of [0, 7, 42, 99]) {
      const c = cellCenter(g, i);
      expect(cellAt(g, c.x, c.y)).toBe(i);
    }
    expect(cellAt(g, area.x - 5, area.y - 5)).toBe(-1);
  });

  it('arrow keys move through the grid and stop at its edges', () => {
    const g = crowdGrid(10, { x: 0, y: 0, w: 100, h: 40 });
    expect(moveCell(g, 0, 'ArrowLeft')).toBe(0);
    expect(moveCell(g, 0, 'ArrowRight')).toBe(1);
    expect(moveCell(g, 0, 'ArrowDown')).toBe(Math.min(9, g.cols));
    expect(moveCell(g, 9, 'ArrowRight')).toBe(9);
    expect(moveCell(g, 3, 'End')).toBe(9);
    expect(moveCell(g, 3, 'Home')).toBe(0);
  });
});

describe('the portrait stage (a phone held upright)', () => {
  for (const n of [1, 2, 3, 5, 8]) {
    for (const cacheRedis of [false, true]) {
      it(`${n} node(s)${cacheRedis ? ' and a cache Redis' : ''} at 374×500: top to bottom, inside, no overlaps, tappable`, () => {
        const l = stageLayout(374, 500, n, { cacheRedis });
        const cards = [l.balancer, ...l.nodes, l.redis, ...(l.cache ? [l.cache] : [])];
        for (const r of [l.crowd, ...cards]) {
          expect(r.x).toBeGreaterThanOrEqual(0);
          expect(r.y).toBeGreaterThanOrEqual(0);
          expect(r.x + r.w).toBeLessThanOrEqual(374);
          expect(r.y + r.h).toBeLessThanOrEqual(500);
        }
        for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i]!, cards[j]!)).toBe(false);
        for (const r of cards) expect(overlaps(r, l.crowd)).toBe(false);
        // Big enough for a finger (WCAG 2.5.8: 24 px at least).
        for (const r of l.nodes) expect(Math.min(r.w, r.h)).toBeGreaterThanOrEqual(24);
        expect(l.crowd.y + l.crowd.h).toBeLessThan(l.balancer.y);
        expect(l.balancer.y + l.balancer.h).toBeLessThan(Math.min(...l.nodes.map((r) => r.y)));
        expect(Math.max(...l.nodes.map((r) => r.y + r.h))).toBeLessThan(l.redis.y);
      });
    }
  }
});
