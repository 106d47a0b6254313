/**
 * Canvas drawing of what moves over the crowd: packets, logout flashes and labels, as functions
 * of (context, geometry, data, time), batched by style (the crowd itself: crowdPaint.ts).
 */
import { OUTCOME_STYLE, outcomeOf } from '../outcomes';
import type { LogoutMark } from '../state/marks';
import { cellCenter, userCell, type CrowdGrid } from './crowd';
import { labelBox } from './logoutLabels';
import { glyphPath, stroked } from './glyphs';
import type { Point, Rect, StageLayout } from './layout';
import { packetPoint, type PacketPool } from './packets';

const FLASH_MS = 800;
/** At most this many flashes at once: when logouts pour in, the newest flash and the rest stay calm. */
const MAX_FLASHES = 10;

/** A vermillion ring that grows and fades around each user just logged out (static without motion). */
export function drawFlashes(ctx: CanvasRenderingContext2D, g: CrowdGrid, logouts: readonly LogoutMark[], now: number, motion: boolean): void {
  const p: Point = { x: 0, y: 0 };
  ctx.lineWidth = 2;
  ctx.strokeStyle = OUTCOME_STYLE.logged_out.color;
  let n = 0;
  for (let k = logouts.length - 1; k >= 0 && n < MAX_FLASHES; k--) {
    const l = logouts[k]!;
    const age = now - l.at;
    if (age > FLASH_MS) break;
    const c = userCell(g, l.user);
    if (age < 0 || c < 0) continue;
    n++;
    cellCenter(g, c, p);
    const f = motion ? age / FLASH_MS : 0.3;
    ctx.globalAlpha = motion ? 0.9 * (1 - f) : 0.8;
    ctx.beginPath();
    ctx.arc(p.x, p.y, g.cell * (0.45 + 0.6 * f) + 1.5, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/**
 * "✕ user 37 logged out" labels beside the crowd's grid with a leader line to the user's cell
 * (see {@link labelBox}). Returns the labels actually drawn (one with no room is dropped).
 */
export function drawLogoutLabels(ctx: CanvasRenderingContext2D, g: CrowdGrid, room: Rect, labels: readonly LogoutMark[], now: number, font: string, labelMs: number): LogoutMark[] {
  const p: Point = { x: 0, y: 0 };
  const color = OUTCOME_STYLE.logged_out.color;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  const placed: Rect[] = [];
  const kept: LogoutMark[] = [];
  const h = Math.round(parseFloat(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? '12') * 1.7);
  for (const l of labels) {
    const c = userCell(g, l.user);
    if (c < 0) continue;
    const age = now - l.at;
    cellCenter(g, c, p);
    const text = `✕ user ${l.user + 1} logged out`;
    const w = ctx.measureText(text).width + 12;
    // Beside the grid, not over the neighbours' cells; none when there is no room.
    const box = labelBox(g, room, p, w, h, placed);
    if (!box) continue;
    const { x, y } = box;
    placed.push(box);
    kept.push(l);
    ctx.globalAlpha = age > labelMs - 400 ? Math.max(0, (labelMs - age) / 400) : 1;
    // A leader line from the user's cell to its label.
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(Math.min(Math.max(p.x, x), x + w), p.y < y ? y : p.y > y + h ? y + h : y + h / 2);
    ctx.stroke();
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, 4);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#8a3300';
    ctx.fillText(text, x + 6, y + h / 2 + 0.5);
  }
  ctx.globalAlpha = 1;
  return kept;
}


/**
 * Packets in flight: a small grey dot on the way out (a request), the outcome's shape and
 * colour on the way back (the answer). Batched: one path per outcome.
 */
export function drawPackets(ctx: CanvasRenderingContext2D, l: StageLayout, g: CrowdGrid, pool: PacketPool, now: number, scale: number): void {
  const p: Point = { x: 0, y: 0 };
  const n = pool.count;
  // Outgoing requests: tiny squares, one fill.
  const s = 2.2 * scale;
  ctx.fillStyle = '#5b6472';
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const t = (now - pool.start[i]!) / pool.dur[i]!;
    if (t < 0 || t >= 0.5) continue;
    packetPoint(l, g, pool.user[i]!, pool.node[i]!, t, p);
    ctx.rect(p.x - s, p.y - s, 2 * s, 2 * s);
  }
  ctx.fill();
  // Answers, by outcome.
  const r = 3.6 * scale;
  for (let code = 1; code <= 7; code++) {
    const o = outcomeOf(code)!;
    const style = OUTCOME_STYLE[o];
    ctx.beginPath();
    let any = false;
    for (let i = 0; i < n; i++) {
      if (pool.outcome[i] !== code) continue;
      const t = (now - pool.start[i]!) / pool.dur[i]!;
      if (t < 0.5 || t >= 1) continue;
      packetPoint(l, g, pool.user[i]!, pool.node[i]!, t, p);
      glyphPath(ctx, style.glyph, p.x, p.y, style.glyph === 'cross' ? r * 1.2 : r);
      any = true;
    }
    if (!any) continue;
    if (stroked(style.glyph)) {
      ctx.strokeStyle = style.color;
      ctx.lineWidth = style.glyph === 'cross' ? 2.6 * scale : 1.6 * scale;
      ctx.stroke();
    } else {
      ctx.fillStyle = style.color;
      ctx.fill();
    }
  }
}
