/**
 * The user crowd as a grid of square cells: user i sits in row-major cell i. Pure geometry
 * for the canvas drawer and for hit-testing clicks and arrow keys.
 */
import type { Point, Rect } from './layout';

export interface CrowdGrid {
  n: number;
  cols: number;
  rows: number;
  /** Cell side in CSS px. */
  cell: number;
  /** Top-left of cell 0. */
  x0: number;
  y0: number;
}

/** Cells never grow beyond this, so ten users do not fill the stage with giant squares. */
export const MAX_CELL = 26;

/** The largest square cells that fit `n` users into `r`. */
export function crowdGrid(n: number, r: Rect): CrowdGrid {
  let best = { cols: 1, rows: Math.max(1, n), cell: 0 };
  const count = Math.max(1, n);
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const cell = Math.min(r.w / cols, r.h / rows);
    if (cell > best.cell) best = { cols, rows, cell };
    if (r.w / cols < best.cell) break; // cells only get narrower from here
  }
  const cell = Math.min(MAX_CELL, Math.floor(best.cell * 10) / 10);
  const gw = best.cols * cell, gh = best.rows * cell;
  return {
    n, cols: best.cols, rows: best.rows, cell,
    x0: r.x + (r.w - gw) / 2,
    y0: r.y + Math.max(0, (r.h - gh) / 2),
  };
}

/** Centre of user i's cell. */
export function cellCenter(g: CrowdGrid, i: number, out: Point = { x: 0, y: 0 }): Point {
  const col = i % g.cols;
  const row = (i - col) / g.cols;
  out.x = g.x0 + (col + 0.5) * g.cell;
  out.y = g.y0 + (row + 0.5) * g.cell;
  return out;
}

/** The user under (x, y), or -1. */
export function cellAt(g: CrowdGrid, x: number, y: number): number {
  const col = Math.floor((x - g.x0) / g.cell);
  const row = Math.floor((y - g.y0) / g.cell);
  if (col < 0 || col >= g.cols || row < 0 || row >= g.rows) return -1;
  const i = row * g.cols + col;
  return i < g.n ? i : -1;
}

/** Arrow-key movement in the grid, clamped to existing users. */
export function moveCell(g: CrowdGrid, i: number, key: string): number {
  const last = g.n - 1;
  switch (key) {
    case 'ArrowLeft': return Math.max(0, i - 1);
    case 'ArrowRight': return Math.min(last, i + 1);
    case 'ArrowUp': return i - g.cols >= 0 ? i - g.cols : i;
    case 'ArrowDown': return i + g.cols <= last ? i + g.cols : i;
    case 'Home': return 0;
    case 'End': return last;
    default: return i;
  }
}
