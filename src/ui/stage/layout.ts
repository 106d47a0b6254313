/**
 * Where things sit on the stage, as pure functions of its size: users on the left, the load
 * balancer, the app nodes, Redis on the right, and the wires between them. Nothing here
 * touches the DOM, so vitest checks it (no overlaps, everything inside) without a browser.
 */
import { scaleBand } from 'd3-scale';

export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; w: number; h: number }

/** A cubic Bézier wire (the shape d3-shape's linkHorizontal draws: control points at mid-x). */
export interface Wire { p0: Point; c1: Point; c2: Point; p1: Point }

export interface StageLayout {
  width: number;
  height: number;
  /** Where the user crowd is drawn. */
  crowd: Rect;
  balancer: Rect;
  nodes: Rect[];
  /** The sessions Redis (or the only one). */
  redis: Rect;
  /** The cache's own Redis below it, with a dedicated session Redis (else null). */
  cache: Rect | null;
  /** Compact node cards (many nodes in little height) show fewer lines; tiny ones a single line. */
  compactNodes: boolean;
  tinyNodes: boolean;
  /** Balancer → node i. */
  lbToNode: Wire[];
  /** Node i → Redis. */
  nodeToRedis: Wire[];
  /** Node i → the cache's Redis (empty without one). */
  nodeToCache: Wire[];
  /** Where requests enter the balancer card. */
  lbIn: Point;
}

/** Where a node card's popover goes: left of the card, clamped inside the stage. */
export function popoverAnchor(l: StageLayout, nodeRect: Rect, w: number, h: number): Point {
  const x = Math.max(4, nodeRect.x - w - 12);
  const y = Math.min(Math.max(4, nodeRect.y + nodeRect.h / 2 - h / 2), Math.max(4, l.height - h - 4));
  return { x, y };
}

/** A wire that leaves and arrives vertically (the portrait stage: top to bottom). */
export function vWire(p0: Point, p1: Point): Wire {
  const my = (p0.y + p1.y) / 2;
  return { p0, c1: { x: p0.x, y: my }, c2: { x: p1.x, y: my }, p1 };
}

export function hWire(p0: Point, p1: Point): Wire {
  const mx = (p0.x + p1.x) / 2;
  return { p0, c1: { x: mx, y: p0.y }, c2: { x: mx, y: p1.y }, p1 };
}

/** The SVG path of a wire. */
export function wirePath(w: Wire): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M${f(w.p0.x)},${f(w.p0.y)}C${f(w.c1.x)},${f(w.c1.y)},${f(w.c2.x)},${f(w.c2.y)},${f(w.p1.x)},${f(w.p1.y)}`;
}

/** The point at parameter t ∈ [0, 1] along a wire, written into `out` (no allocation per packet). */
export function wirePoint(w: Wire, t: number, out: Point): Point {
  const u = 1 - t;
  const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
  out.x = a * w.p0.x + b * w.c1.x + c * w.c2.x + d * w.p1.x;
  out.y = a * w.p0.y + b * w.c1.y + c * w.c2.y + d * w.p1.y;
  return out;
}

export function contains(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Lay out the stage for `nodeCount` app nodes. Column positions are fractions of the width;
 * node cards share the height through a d3 band scale. With `cacheRedis` the Redis column
 * holds two cards: sessions above, the cache below.
 */
export function stageLayout(width: number, height: number, nodeCount: number, opts: { cacheRedis?: boolean } = {}): StageLayout {
  if (width < PORTRAIT_BELOW && height > width) return portraitLayout(width, height, nodeCount, opts);
  const pad = Math.max(8, Math.round(Math.min(width, height) * 0.03));
  const crowd: Rect = { x: pad, y: pad + 18, w: Math.round(width * 0.3), h: height - 2 * pad - 18 };
  const lbW = clamp(width * 0.15, 118, 190);
  const lbH = clamp(height * 0.3, 96, 150);
  const balancer: Rect = { x: Math.round(width * 0.45 - lbW / 2), y: Math.round(height / 2 - lbH / 2), w: Math.round(lbW), h: Math.round(lbH) };
  const nodeW = Math.round(clamp(width * 0.2, 140, 250));
  const nodeX = Math.round(width * 0.67 - nodeW / 2);
  const band = scaleBand<number>()
    .domain(Array.from({ length: nodeCount }, (_, i) => i))
    .range([pad, height - pad])
    .paddingInner(nodeCount > 5 ? 0.1 : nodeCount > 3 ? 0.14 : 0.2)
    .paddingOuter(0);
  const maxH = clamp(height * 0.24, 70, 130);
  const bw = band.bandwidth();
  const nodeH = Math.min(bw, maxH);
  const nodes = Array.from({ length: nodeCount }, (_, i): Rect => ({
    x: nodeX, y: Math.round(band(i) ?? 0), w: nodeW, h: Math.round(nodeH),
  }));
  // Cards are capped in height: with few nodes, centre the column instead of spreading it out.
  if (bw > maxH) {
    const gap = nodeCount > 1 ? Math.min(maxH * 0.35, (height - 2 * pad - nodeCount * nodeH) / (nodeCount - 1)) : 0;
    const total = nodeCount * nodeH + (nodeCount - 1) * gap;
    nodes.forEach((r, i) => { r.y = Math.round(height / 2 - total / 2 + i * (nodeH + gap)); });
  }
  const redisW = Math.round(clamp(width * 0.15, 112, 200));
  let redis: Rect, cache: Rect | null = null;
  if (opts.cacheRedis) {
    const gap = Math.round(clamp(height * 0.05, 8, 24));
    const h = Math.round(Math.min(clamp(height * 0.4, 96, 200), (height - 2 * pad - gap) / 2));
    const top = Math.round(height / 2 - h - gap / 2);
    redis = { x: width - pad - redisW, y: top, w: redisW, h };
    cache = { x: redis.x, y: top + h + gap, w: redisW, h };
  } else {
    const redisH = Math.round(clamp(height * 0.42, 120, 220));
    redis = { x: width - pad - redisW, y: Math.round(height / 2 - redisH / 2), w: redisW, h: redisH };
  }
  const lbOut = { x: balancer.x + balancer.w, y: balancer.y + balancer.h / 2 };
  const lbToNode = nodes.map((r) => hWire(lbOut, { x: r.x, y: r.y + r.h / 2 }));
  const nodeToRedis = nodes.map((r) => hWire({ x: r.x + r.w, y: r.y + r.h / 2 }, { x: redis.x, y: redis.y + redis.h / 2 }));
  const c = cache;
  const nodeToCache = c ? nodes.map((r) => hWire({ x: r.x + r.w, y: r.y + r.h / 2 }, { x: c.x, y: c.y + c.h / 2 })) : [];
  return {
    width, height, crowd, balancer, nodes, redis, cache,
    compactNodes: nodeH < 84,
    tinyNodes: nodeH < 46,
    lbToNode, nodeToRedis, nodeToCache,
    lbIn: { x: balancer.x, y: balancer.y + balancer.h / 2 },
  };
}

/** Narrower stages (a phone held upright) flow top to bottom instead of left to right. */
export const PORTRAIT_BELOW = 560;

/**
 * The phone's stage, top to bottom: the crowd, the balancer, the nodes in rows of up to
 * three, Redis (and the cache's Redis beside it) at the bottom. Every card is wide enough
 * to tap and none overlaps another.
 */
function portraitLayout(width: number, height: number, nodeCount: number, opts: { cacheRedis?: boolean }): StageLayout {
  const pad = 8;
  const gap = 10;
  const inner = width - 2 * pad;
  const crowd: Rect = { x: pad, y: pad + 18, w: inner, h: Math.round(height * 0.24) };
  const lbW = Math.round(clamp(inner * 0.55, 150, 220));
  const lbH = 84;
  const balancer: Rect = { x: Math.round(width / 2 - lbW / 2), y: crowd.y + crowd.h + 26, w: lbW, h: lbH };
  const perRow = Math.min(nodeCount, 3);
  const rows = Math.ceil(nodeCount / perRow);
  const redisH = Math.round(clamp(height * 0.15, 80, 120));
  const redisY = height - pad - redisH;
  const nodesTop = balancer.y + lbH + 30;
  const nodesSpace = redisY - 30 - nodesTop;
  const nodeH = Math.round(Math.min(110, (nodesSpace - (rows - 1) * gap) / rows));
  const nodeW = Math.round((inner - (perRow - 1) * gap) / perRow);
  const nodes = Array.from({ length: nodeCount }, (_, i): Rect => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, nodeCount - row * perRow);
    const rowX = Math.round(width / 2 - (inRow * nodeW + (inRow - 1) * gap) / 2);
    return { x: rowX + (i % perRow) * (nodeW + gap), y: nodesTop + row * (nodeH + gap), w: nodeW, h: nodeH };
  });
  const redisW = opts.cacheRedis ? Math.round((inner - gap) / 2) : Math.round(clamp(inner * 0.6, 160, 260));
  const redis: Rect = { x: opts.cacheRedis ? pad : Math.round(width / 2 - redisW / 2), y: redisY, w: redisW, h: redisH };
  const cache: Rect | null = opts.cacheRedis ? { x: pad + redisW + gap, y: redisY, w: redisW, h: redisH } : null;
  const lbOut = { x: balancer.x + balancer.w / 2, y: balancer.y + balancer.h };
  const lbToNode = nodes.map((r) => vWire(lbOut, { x: r.x + r.w / 2, y: r.y }));
  const nodeToRedis = nodes.map((r) => vWire({ x: r.x + r.w / 2, y: r.y + r.h }, { x: redis.x + redis.w / 2, y: redis.y }));
  const c = cache;
  const nodeToCache = c ? nodes.map((r) => vWire({ x: r.x + r.w / 2, y: r.y + r.h }, { x: c.x + c.w / 2, y: c.y })) : [];
  return {
    width, height, crowd, balancer, nodes, redis, cache,
    compactNodes: nodeH < 84 || nodeW < 150,
    tinyNodes: nodeH < 46,
    lbToNode, nodeToRedis, nodeToCache,
    lbIn: { x: balancer.x + balancer.w / 2, y: balancer.y },
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
