/**
 * Outcome shapes on a canvas: circle, cross, triangle, square, diamond, ring, hourglass, star. Path-only
 * helpers (the caller fills or strokes once per batch, so a thousand marks cost one draw call).
 */
import type { Glyph } from '../outcomes';

/** Add glyph `g` of radius r at (x, y) to the current path. Crosses and rings need a stroke. */
export function glyphPath(ctx: CanvasRenderingContext2D, g: Glyph, x: number, y: number, r: number): void {
  switch (g) {
    case 'circle':
    case 'ring':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      return;
    case 'square': {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      return;
    }
    case 'triangle':
      ctx.moveTo(x, y - r * 1.1);
      ctx.lineTo(x + r * 1.05, y + r * 0.75);
      ctx.lineTo(x - r * 1.05, y + r * 0.75);
      ctx.closePath();
      return;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.15);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      return;
    case 'hourglass': {
      // Two triangles meeting at the centre (⧗): nginx waited until its timeout.
      const s = r * 0.95, t = r * 1.1;
      ctx.moveTo(x - s, y - t);
      ctx.lineTo(x + s, y - t);
      ctx.lineTo(x, y);
      ctx.closePath();
      ctx.moveTo(x - s, y + t);
      ctx.lineTo(x + s, y + t);
      ctx.lineTo(x, y);
      ctx.closePath();
      return;
    }
    case 'star': {
      // Five points (★), outer radius 1.25 r, inner 0.5 r.
      const outer = r * 1.25, inner = r * 0.5;
      for (let k = 0; k < 10; k++) {
        const a = -Math.PI / 2 + (k * Math.PI) / 5;
        const rr = k % 2 === 0 ? outer : inner;
        if (k === 0) ctx.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
        else ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
      return;
    }
    case 'cross': {
      const s = r * 0.85;
      ctx.moveTo(x - s, y - s);
      ctx.lineTo(x + s, y + s);
      ctx.moveTo(x + s, y - s);
      ctx.lineTo(x - s, y + s);
      return;
    }
  }
}

/** Whether a glyph is drawn with a stroke rather than a fill. */
export function stroked(g: Glyph): boolean {
  return g === 'cross' || g === 'ring';
}
