/**
 * Pure helpers behind the timeline slider: the ARIA slider keys (←/→ ±1 s, PageUp/PageDown
 * ±10 s, Home 0, End the latest moment), pixel ↔ time, and the logout strip binned to the
 * slider's width.
 */

/** The moment a key moves the slider to, in virtual ms, or null if the key is not the slider's. */
export function keyTarget(key: string, valueMs: number, maxMs: number): number | null {
  const clamp = (t: number) => Math.max(0, Math.min(maxMs, t));
  // Keys move on whole seconds, as the slider's aria-valuenow counts them.
  const sec = Math.round(valueMs / 1000) * 1000;
  switch (key) {
    case 'ArrowLeft': case 'ArrowDown': return clamp(sec - 1000);
    case 'ArrowRight': case 'ArrowUp': return clamp(sec + 1000);
    case 'PageDown': return clamp(sec - 10_000);
    case 'PageUp': return clamp(sec + 10_000);
    case 'Home': return 0;
    case 'End': return maxMs;
    default: return null;
  }
}

/** The moment under pointer position `x` on a track `width` px wide, snapped to whole seconds. */
export function timeAt(x: number, width: number, maxMs: number): number {
  if (width <= 0 || maxMs <= 0) return 0;
  const t = (Math.max(0, Math.min(width, x)) / width) * maxMs;
  return Math.min(maxMs, Math.round(t / 1000) * 1000);
}

/** Logouts per second folded into `bins` columns (each the sum of its seconds). */
export function binLogouts(perSec: readonly number[], maxMs: number, bins: number): number[] {
  const out = new Array<number>(Math.max(0, bins)).fill(0);
  const seconds = Math.ceil(maxMs / 1000);
  if (bins <= 0 || seconds <= 0) return out;
  for (let s = 0; s < Math.min(perSec.length, seconds); s++) {
    const b = Math.min(bins - 1, Math.floor((s / seconds) * bins));
    out[b]! += perSec[s]!;
  }
  return out;
}

/**
 * The logout strip as one SVG path in a `bins` × `height` box: a bar per non-empty bin, scaled
 * to the tallest, never thinner than `minBar`. One path instead of a rect per bin: the strip
 * changes with every snapshot (the run grows), and one attribute costs the page far less than
 * hundreds of elements.
 */
export function stripPath(bins: readonly number[], height: number, minBar = 1.5): string {
  let peak = 1;
  for (const n of bins) if (n > peak) peak = n;
  let d = '';
  for (let i = 0; i < bins.length; i++) {
    const n = bins[i]!;
    if (n <= 0) continue;
    const h = Math.max(minBar, (n / peak) * height);
    d += `M${i} ${+(height - h).toFixed(2)}h1V${height}h-1Z`;
  }
  return d;
}
