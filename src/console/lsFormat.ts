/**
 * GNU `ls` output: the long format (`-l`) with its `total` line and aligned columns, and the
 * many-per-line format a terminal gets (`-C`, filled down the columns like coreutils' ls.c).
 */
import { lsTime } from './clock';
import type { FsEntry } from './shellFs';

/** A terminal 80 columns wide, what ls assumes without a COLUMNS variable. */
export const TERMINAL_WIDTH = 80;

/** 1 KiB blocks allocated on a 4 KiB-block file system (`st_blocks / 2`), as `total` counts them. */
export function blocksOf(e: FsEntry): number {
  return Math.ceil(e.size / 4096) * 4;
}

/** `ls -l` lines for the entries, in the given order; `total` is printed only for a directory listing. */
export function longFormat(entries: readonly FsEntry[], nowMs: number, withTotal: boolean): string[] {
  const lw = Math.max(0, ...entries.map((e) => String(e.links).length));
  const ow = Math.max(0, ...entries.map((e) => e.owner.length));
  const sw = Math.max(0, ...entries.map((e) => String(e.size).length));
  const lines = entries.map((e) =>
    [e.mode, String(e.links).padStart(lw), e.owner.padEnd(ow), e.owner.padEnd(ow), String(e.size).padStart(sw), lsTime(e.mtime, nowMs), e.name].join(' '),
  );
  if (withTotal) lines.unshift(`total ${entries.reduce((n, e) => n + blocksOf(e), 0)}`);
  return lines;
}

/**
 * Names in columns, filled top to bottom then left to right, with two spaces between columns:
 * the most columns whose total width stays under the terminal width (coreutils `calculate_columns`).
 */
export function columnFormat(names: readonly string[], width = TERMINAL_WIDTH): string[] {
  const n = names.length;
  if (n === 0) return [];
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)));
  for (let cols = maxCols; cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const widths = new Array<number>(cols).fill(0);
    names.forEach((name, i) => {
      const c = Math.floor(i / rows);
      widths[c] = Math.max(widths[c] ?? 0, name.length + (c === cols - 1 ? 0 : 2));
    });
    const total = widths.reduce((a, b) => a + b, 0);
    if (total < width || cols === 1) {
      const lines: string[] = [];
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = 0; c < cols; c++) {
          const i = c * rows + r;
          const name = names[i];
          if (name === undefined) break;
          const last = (c + 1) * rows + r >= n;
          line += last ? name : name.padEnd(widths[c] ?? 0);
        }
        lines.push(line);
      }
      return lines;
    }
  }
  return [...names];
}
