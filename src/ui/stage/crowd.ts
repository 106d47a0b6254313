/**
 * The user crowd as a grid of square cells, row-major. Up to a few thousand users each has a
 * cell (user i in cell i). A bigger crowd is *sampled*: every k-th user gets a cell (user j·k in
 * cell j), k as small as keeps cells large enough to show each mark's shape; the counts beside
 * the crowd cover everyone, and packets of the users in between leave from their group's cell.
 * Pure geometry for the canvas drawer and for hit-testing clicks and arrow keys.
 */
import type { Point, Rect } from './layout';

export interface CrowdGrid {
  /** Cells. */
  n: number;
  /** Users per cell: cell j shows user j × every (1 = everyone has a cell). */
  every: number;
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
/** Cells never shrink below this (CSS px): smaller, a cross and a triangle look alike. */
export const MIN_CELL = 7;

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
    n, every: 1, cols: best.cols, rows: best.rows, cell,
    x0: r.x + (r.w - gw) / 2,
    y0: r.y + Math.max(0, (r.h - gh) / 2),
  };
}

/**
 * The crowd of `users` in `r`: one cell each if cells stay at least `minCell` wide, else every
 * k-th user, with the smallest k that does.
 */
export function sampledCrowd(users: number, r: Rect, minCell = MIN_CELL): CrowdGrid {
  const all = crowdGrid(users, r);
  if (all.cell >= minCell || users <= 1) return all;
  // Cells of side minCell that fit: a first guess from the area, then walk down to the exact k.
  let every = Math.max(2, Math.floor(users / Math.max(1, Math.floor(r.w / minCell) * Math.floor(r.h / minCell))));
  let g = crowdGrid(Math.ceil(users / every), r);
  while (g.cell < minCell && every < users) g = crowdGrid(Math.ceil(users / ++every), r);
  while (every > 2) {
    const finer = crowdGrid(Math.ceil(users / (every - 1)), r);
    if (finer.cell < minCell) break;
    every--;
    g = finer;
  }
  return { ...g, every };
}

/** The cell showing user i (0-based), or -1 when the crowd is sampled and i is not shown. */
export function userCell(g: CrowdGrid, i: number): number {
  if (i % g.every !== 0) return -1;
  const c = i / g.every;
  return c < g.n ? c : -1;
}

/** The cell of user i's group: theirs, or the shown user's before them (where their packets leave from). */
export function groupCell(g: CrowdGrid, i: number): number {
  return Math.min(g.n - 1, Math.floor(i / g.every));
}

/** The user (0-based) cell c shows. */
export function cellUser(g: CrowdGrid, c: number): number {
  return c * g.every;
}

/** Centre of cell i. */
export function cellCenter(g: CrowdGrid, i: number, out: Point = { x: 0, y: 0 }): Point {
  const col = i % g.cols;
  const row = (i - col) / g.cols;
  out.x = g.x0 + (col + 0.5) * g.cell;
  out.y = g.y0 + (row + 0.5) * g.cell;
  return out;
}

/** The cell under (x, y), or -1 (the user it shows: {@link cellUser}). */
export function cellAt(g: CrowdGrid, x: number, y: number): number {
  const col = Math.floor((x - g.x0) / g.cell);
  const row = Math.floor((y - g.y0) / g.cell);
  if (col < 0 || col >= g.cols || row < 0 || row >= g.rows) return -1;
  const i = row * g.cols + col;
  return i < g.n ? i : -1;
}

/** Arrow-key movement in the grid, clamped to existing cells. */
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
