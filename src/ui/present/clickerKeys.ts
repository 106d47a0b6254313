/**
 * The keys a presentation clicker sends: PageDown (forward) and PageUp (back). ←/→, which
 * some clickers send instead, already move the timeline (src/ui/hotkeys.ts), so a lesson demo
 * listens to the page keys only — and not while the focused control uses them itself (the
 * timeline slider moves ±10 s with them).
 */
import { ownsPageKeys } from '../keys';

export type ClickerCommand = 'next' | 'prev';

export function clickerCommand(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean; defaultPrevented?: boolean; target: EventTarget | null }): ClickerCommand | null {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return null;
  if (e.key !== 'PageDown' && e.key !== 'PageUp') return null;
  if (ownsPageKeys(e.target)) return null;
  return e.key === 'PageDown' ? 'next' : 'prev';
}
