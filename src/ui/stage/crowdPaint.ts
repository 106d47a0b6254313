/**
 * The crowd layer, painted incrementally: the canvas keeps what it shows, and each frame only
 * the cells whose look changed are cleared and drawn again (thousands of cells, a few dozen
 * changes a frame), one path per mark style.
 */
import { MARK_STYLE } from '../outcomes';
import { MARK } from '../state/marks';
import { cellUser, type CrowdGrid } from './crowd';
import { glyphPath, stroked } from './glyphs';

/** What a cell shows: 0 = nothing (not in the crowd), else mark + 1. */
export function cellLook(mark: number, active: boolean): number {
  return active ? mark + 1 : 0;
}

/**
 * The cells whose wanted look differs from the drawn one, at most `max` of them, written to
 * `out` (a preallocated list); returns how many. `drawn` is not changed.
 */
export function changedCells(n: number, want: (i: number) => number, drawn: Uint8Array, out: Int32Array, max: number): number {
  let k = 0;
  const lim = Math.min(max, out.length);
  for (let i = 0; i < n && k < lim; i++) if (want(i) !== drawn[i]) out[k++] = i;
  return k;
}

/** Paths are flushed every this many shapes: huge single paths are slow in Skia. */
const PATH_CHUNK = 1500;

export class CrowdPainter {
  /** The look each cell shows on the canvas now (see {@link cellLook}). */
  readonly drawn: Uint8Array;
  private readonly changed: Int32Array;
  private readonly looks: Uint8Array;

  constructor(private readonly ctx: CanvasRenderingContext2D, readonly g: CrowdGrid) {
    this.drawn = new Uint8Array(g.n);
    this.changed = new Int32Array(g.n);
    this.looks = new Uint8Array(g.n);
  }

  /**
   * Bring at most `max` cells up to date with the marks (indexed by user; `active(user)` says
   * who is in the crowd); returns how many were repainted (the rest follow on the next call).
   * The context draws in crowd coordinates: cell 0 at (0, 0).
   */
  paint(marks: Uint8Array, active: (user: number) => boolean, max = Infinity): number {
    const { g, ctx, changed, looks, drawn } = this;
    const want = (c: number) => {
      const u = cellUser(g, c);
      return cellLook(marks[u] ?? 0, active(u));
    };
    const k = changedCells(g.n, want, drawn, changed, max);
    if (!k) return 0;
    for (let j = 0; j < k; j++) looks[j] = want(changed[j]!);
    // Clear the changed cells in one fill.
    ctx.globalCompositeOperation = 'destination-out';
    ctx.fillStyle = '#000';
    const clear = () => ctx.fill();
    this.batch(k, () => true, (i) => ctx.rect(this.x(i), this.y(i), g.cell, g.cell), clear);
    clear();
    ctx.globalCompositeOperation = 'source-over';
    for (let look = 1; look <= MARK_STYLE.length; look++) {
      let any = false;
      for (let j = 0; j < k; j++) if (looks[j] === look) { any = true; break; }
      if (any) this.drawLook(look, k);
    }
    for (let j = 0; j < k; j++) drawn[changed[j]!] = looks[j]!;
    return k;
  }

  /** Forget what is drawn (after the canvas was cleared). */
  reset(): void {
    this.drawn.fill(0);
  }

  private x(i: number): number {
    return (i % this.g.cols) * this.g.cell;
  }

  private y(i: number): number {
    return Math.floor(i / this.g.cols) * this.g.cell;
  }

  /** Add a shape per changed cell passing `keep` to the path, flushing every PATH_CHUNK with `flush`. */
  private batch(k: number, keep: (j: number) => boolean, add: (i: number) => void, flush?: () => void): void {
    const ctx = this.ctx;
    ctx.beginPath();
    let inPath = 0;
    for (let j = 0; j < k; j++) {
      if (!keep(j)) continue;
      add(this.changed[j]!);
      if (++inPath === PATH_CHUNK && flush) {
        flush();
        ctx.beginPath();
        inPath = 0;
      }
    }
  }

  private drawLook(look: number, k: number): void {
    const { ctx, g, looks } = this;
    const m = look - 1;
    const keep = (j: number) => looks[j] === look;
    const style = MARK_STYLE[m]!;
    const r = Math.max(1.2, g.cell * 0.34);
    const rr = m === MARK.idle ? r * 0.55 : style.glyph === 'cross' ? r * 1.15 : r;
    const half = g.cell / 2;
    let flush: () => void;
    if (stroked(style.glyph)) {
      ctx.strokeStyle = style.color;
      ctx.lineWidth = Math.max(1, g.cell * 0.11) * (style.glyph === 'cross' ? 1.9 : 1);
      flush = () => ctx.stroke();
    } else {
      ctx.fillStyle = style.color;
      flush = () => ctx.fill();
    }
    this.batch(k, keep, (i) => glyphPath(ctx, style.glyph, this.x(i) + half, this.y(i) + half, rr), flush);
    flush();
  }
}
