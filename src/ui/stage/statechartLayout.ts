/**
 * Where a statechart region's parts go: an arc diagram. States sit in a row in the machine's
 * definition order; a transition to a state further right arcs above the row, one back to the
 * left arcs below; a longer jump arcs higher than the labels of the shorter ones, and a
 * transition the region takes from any state comes in from the bottom right, lowest of all.
 * Pure geometry from {@link ChartRegion} (which is read from the machine itself).
 */
import { ANY, type ChartEdge, type ChartRegion } from '../../sim/machines/statechart';

export interface StateBox {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface EdgeShape {
  from: string;
  to: string;
  /** Event types it is taken on. */
  events: string[];
  /** SVG path `d`, from the source to the target. */
  d: string;
  /** Label lines; above arcs grow up from (lx, ly), the others down from it. */
  lines: string[];
  lx: number;
  ly: number;
  above: boolean;
  /** Where a transition from any state starts (drawn as a dot). */
  start: { x: number; y: number } | null;
}

export interface RegionLayout {
  id: string;
  width: number;
  height: number;
  boxes: StateBox[];
  edges: EdgeShape[];
}

const BOX_H = 20;
/** The lowest arc's height; each further level clears the labels below it. */
const ARC_BASE = 12;
export const LINE_H = 11;
const PAD = 3;

/**
 * The label lines of an edge: one event a line, lower case, each guard in brackets on the
 * line after its events (`booted`, `[same epoch]`), so labels stay narrow enough to sit side
 * by side. A transition from any state, which has the width of the region, takes a line per guard.
 */
export function edgeLines(e: ChartEdge, guardWord: (guard: string) => string): string[] {
  const groups = new Map<string | null, string[]>();
  for (const ev of e.events) groups.set(ev.guard, [...(groups.get(ev.guard) ?? []), ev.type.toLowerCase()]);
  if (e.from === ANY) {
    return ['from any state:', ...[...groups].map(([guard, types]) => `${types.join(' / ')}${guard ? ` [${guardWord(guard)}]` : ''}`)];
  }
  return [...groups].flatMap(([guard, types]) => (guard ? [...types, `[${guardWord(guard)}]`] : types));
}

/** Lay out one region `width` px wide. */
export function layoutRegion(region: ChartRegion, width: number, guardWord: (guard: string) => string = (g) => g): RegionLayout {
  const n = region.states.length;
  const col = width / Math.max(1, n);
  const boxW = Math.min(col - 8, 78);
  const index = new Map(region.states.map((s, i) => [s, i]));
  const cx = (i: number) => col * (i + 0.5);
  const items = region.edges.map((e) => {
    const j = index.get(e.to)!;
    const i = e.from === ANY ? n : index.get(e.from)!;
    return { e, i, j, span: Math.abs(j - i), above: e.from !== ANY && j > i, lines: edgeLines(e, guardWord) };
  });
  // Arc height per (direction, span): each level clears the tallest label of the level below.
  const levels = (above: boolean) => {
    const spans = [...new Set(items.filter((t) => t.above === above).map((t) => t.span))].sort((a, b) => a - b);
    const h = new Map<number, number>();
    let next = ARC_BASE;
    for (const s of spans) {
      h.set(s, next);
      const lines = Math.max(...items.filter((t) => t.above === above && t.span === s).map((t) => t.lines.length));
      next += PAD + lines * LINE_H + 4;
    }
    return { h, reach: next };
  };
  const upper = levels(true), lower = levels(false);
  const top = (upper.h.size ? upper.reach : 0) + 2;
  const bottom = top + BOX_H;
  const boxes = region.states.map((name, i) => ({ name, x: cx(i) - boxW / 2, y: top, w: boxW, h: BOX_H }));
  const edges = items.map(({ e, i, j, span, above, lines }): EdgeShape => {
    const h = (above ? upper : lower).h.get(span)!;
    const base = { from: e.from, to: e.to, events: e.events.map((x) => x.type), above, lines };
    if (e.from === ANY) {
      const sx = width - 4, sy = bottom + h, tx = cx(j) + 6;
      return { ...base, start: { x: sx, y: sy }, d: `M${r(sx)},${r(sy)} L${r(tx + 12)},${r(sy)} Q${r(tx)},${r(sy)} ${r(tx)},${r(sy - 12)} L${r(tx)},${r(bottom)}`, lx: r((sx + tx) / 2), ly: r(sy + PAD) };
    }
    // Arcs leave and reach a box off its centre, further out for longer jumps: no two share an end.
    const off = 3 + 5 * (span - 1);
    const x1 = cx(i) + (above ? off : -off);
    const x2 = cx(j) + (above ? -off : off);
    const y0 = above ? top : bottom;
    const k = (4 / 3) * h * (above ? -1 : 1); // a cubic with both handles at k peaks at 3/4 of k
    return {
      ...base, start: null,
      d: `M${r(x1)},${r(y0)} C${r(x1)},${r(y0 + k)} ${r(x2)},${r(y0 + k)} ${r(x2)},${r(y0)}`,
      lx: r((x1 + x2) / 2),
      ly: r(above ? y0 - h - PAD : y0 + h + PAD),
    };
  });
  return { id: region.id, width, height: bottom + (lower.h.size ? lower.reach : 0) + 2, boxes, edges };
}

const r = (v: number) => Math.round(v * 10) / 10;
