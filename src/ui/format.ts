/**
 * Plain text formatting for the views: virtual clock, counts, sizes. Pure functions.
 */
import { VIRTUAL_EPOCH_MS } from '../sim/simulation';

/** `HH:MM:SS` (UTC) of virtual time `tMs`: the feed's clock, starting at 09:00:00. */
export function clock(tMs: number, epochMs: number = VIRTUAL_EPOCH_MS): string {
  const d = new Date(epochMs + Math.max(0, Math.floor(tMs)));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** `1,234` with a thin, locale-independent separator (tests parse it back with {@link parseCount}). */
export function count(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Inverse of {@link count}. */
export function parseCount(text: string): number {
  return Number(text.replace(/[,\s]/g, ''));
}

/** Short counts for tight places: 950, 1.2k, 12k, 1.3M. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (a < 1_000_000) return `${Math.round(n / 1000)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** Redis-style memory (`1.05M`, `912.3K`, `840B`), like INFO's used_memory_human. */
export function bytes(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)}K`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(2)}M`;
  return `${(n / 1024 ** 3).toFixed(2)}G`;
}

/** `2.5×`, `0.25×`, `10×`. */
export function speedLabel(s: number): string {
  return `${s}×`;
}

/** "12 s ago", "3 min ago" for an age in virtual ms. */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s} s ago`;
  return `${Math.round(s / 60)} min ago`;
}

/** Long values (session ids, encrypted cookies) shortened in the middle. */
export function ellipsize(s: string, max = 24): string {
  if (s.length <= max) return s;
  const head = Math.ceil((max - 1) * 0.6);
  return `${s.slice(0, head)}…${s.slice(s.length - (max - 1 - head))}`;
}

/** "1 user" / "2 users". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
