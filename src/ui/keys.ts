/** Keyboard helpers shared by the page-level shortcuts. */

/**
 * Whether a key press on `target` belongs to that element (typing, choosing, pressing a
 * button), so page shortcuts such as Space-to-play must leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as Element;
  return el.closest('input, select, textarea, button, a[href], [contenteditable=""], [contenteditable="true"], [role="button"]') !== null;
}
