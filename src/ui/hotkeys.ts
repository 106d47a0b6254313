/**
 * The instructor's hotkeys (issue 12; the Keyboard shortcuts dialog lists {@link HOTKEYS}).
 * A pure mapping from a key press and what the cluster looks like to a command; the page runs
 * the command exactly as the matching button would (so the feed says the same thing).
 */
import type { FaultAction } from '../sim/types';

export type HotkeyCommand =
  | { kind: 'fault'; action: FaultAction }
  | { kind: 'toggle-play' }
  | { kind: 'seek-by'; ms: number }
  | { kind: 'help' };

/** What the mapping needs to know about the cluster. */
export interface HotkeyContext {
  /** Node names in order, with whether each is down (crashed, or replaced and not yet back). */
  nodes: ReadonlyArray<{ name: string; down: boolean }>;
  redisUp: boolean;
}

/** For the dialog: key, what it does. */
export const HOTKEYS: ReadonlyArray<readonly [string, string]> = [
  ['Space', 'Play / pause'],
  ['1 – 8', 'Crash node-N (restart it if it is down)'],
  ['r', 'Take Redis down (bring it up if it is down)'],
  ['f', 'Redis failover (Sentinel promotes the replica)'],
  ['d', 'Rolling deploy'],
  ['← / →', 'Timeline: one second back / forward'],
  ['PageDown / PageUp', 'Presenter mode with a lesson: the next / previous beat (a clicker sends these)'],
  ['?', 'This list'],
  ['Escape', 'Close a dialog or menu'],
];

/** The keys that work side by side: no timeline to step along and no lesson to click through there. */
export function hotkeysFor(sideBySide: boolean): ReadonlyArray<readonly [string, string]> {
  return sideBySide ? HOTKEYS.filter(([key]) => key !== '← / →' && key !== 'PageDown / PageUp') : HOTKEYS;
}

export function hotkeyCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, ctx: HotkeyContext): HotkeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key;
  if (/^[1-8]$/.test(k)) {
    const node = ctx.nodes[Number(k) - 1];
    if (!node) return null;
    return { kind: 'fault', action: { kind: node.down ? 'restart' : 'crash', node: node.name } };
  }
  switch (k) {
    case ' ': return { kind: 'toggle-play' };
    case 'r': case 'R': return { kind: 'fault', action: { kind: ctx.redisUp ? 'redis-down' : 'redis-up' } };
    case 'f': case 'F': return { kind: 'fault', action: { kind: 'redis-failover' } };
    case 'd': case 'D': return { kind: 'fault', action: { kind: 'deploy' } };
    case 'ArrowLeft': return { kind: 'seek-by', ms: -1000 };
    case 'ArrowRight': return { kind: 'seek-by', ms: 1000 };
    case '?': return { kind: 'help' };
    default: return null;
  }
}
