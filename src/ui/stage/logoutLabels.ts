/**
 * Where a "✕ user 37 logged out" label goes: beside the crowd's grid — right of it (towards
 * the balancer), left of it, or in the free band above or below it — never over other users'
 * cells and never past the stage's edges; moved along to keep clear of labels already placed;
 * null when there is no room (the cell's flash still marks the user, and the feed counts the
 * logouts).
 */
import type { CrowdGrid } from './crowd';
import type { Point, Rect, StageLayout } from './layout';

/** How far right of the crowd's area a label may reach (the empty funnel before the balancer). */
export const LABEL_SPILL = 40;

/**
 * Where labels may go: the crowd's area, plus the empty funnel between it and the balancer —
 * to the right when the stage runs left to right, below it when it runs top to bottom (a
 * phone) — and never past the stage's edges.
 */
export function labelRoom(l: StageLayout): Rect {
  const c = l.crowd;
  const below = l.balancer.y >= c.y + c.h; // the portrait stage: the balancer under the crowd
  const right = below ? c.x + c.w : Math.min(c.x + c.w + LABEL_SPILL, l.balancer.x - 4);
  const bottom = below ? l.balancer.y - 4 : c.y + c.h;
  return { x: c.x, y: c.y, w: Math.min(right, l.width - 2) - c.x, h: Math.min(bottom, l.height - 2) - c.y };
}

export function labelBox(g: CrowdGrid, room: Rect, cell: Point, w: number, h: number, placed: readonly Rect[]): Rect | null {
  const grid = { x0: g.x0, x1: g.x0 + g.cols * g.cell, y0: g.y0, y1: g.y0 + g.rows * g.cell };
  const xMax = room.x + room.w;
  const top = room.y;
  const bottom = room.y + room.h - h;
  const free = (box: Rect) => !placed.some((b) => overlap(b, box));
  // Beside the grid: the label's row follows the user's, shifted up or down if taken.
  const sides: number[] = [];
  if (grid.x1 + 6 + w <= xMax) sides.push(grid.x1 + 6);
  if (grid.x0 - 6 - w >= 2) sides.push(grid.x0 - 6 - w);
  const y0 = Math.min(Math.max(cell.y - h / 2, top), bottom);
  for (const x of sides) {
    for (let i = 0; i < 9; i++) {
      const y = y0 + Math.ceil(i / 2) * (h + 3) * (i % 2 === 1 ? 1 : -1);
      if (y < top || y > bottom) continue;
      const box = { x, y, w, h };
      if (free(box)) return box;
    }
  }
  // Above or below the grid: the label's column follows the user's.
  const x = Math.min(Math.max(cell.x - w / 2, 2), xMax - w);
  if (x < 2) return null;
  const bands: number[] = [];
  for (let y = grid.y0 - 4 - h; y >= top; y -= h + 3) bands.push(y);
  for (let y = grid.y1 + 4; y <= bottom; y += h + 3) bands.push(y);
  bands.sort((a, b) => Math.abs(a - cell.y) - Math.abs(b - cell.y));
  for (const y of bands) {
    const box = { x, y, w, h };
    if (free(box)) return box;
  }
  return null;
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w + 2 && b.x < a.x + a.w + 2 && a.y < b.y + b.h + 2 && b.y < a.y + a.h + 2;
}
