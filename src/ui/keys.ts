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

/**
 * Whether `target` takes typed characters itself (a text field, a select's type-ahead, an
 * editor), so letter and digit hotkeys must leave it alone. Buttons do not: after clicking one,
 * the hotkeys keep working.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as Element;
  const input = el.closest('input');
  if (input) return !['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'file'].includes((input as HTMLInputElement).type);
  return el.closest('select, textarea, [contenteditable=""], [contenteditable="true"], [role="textbox"], .cm-editor') !== null;
}

/**
 * Whether `target` uses the arrow keys itself (a text field, a slider such as the timeline,
 * a select, the crowd canvas picking a user, a radio group), so ←/→ must not seek the timeline.
 */
export function ownsArrowKeys(target: EventTarget | null): boolean {
  if (isTextField(target)) return true;
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('canvas, [role="slider"], [role="listbox"], [role="radiogroup"], [role="tablist"], [role="menu"], [role="grid"], [role="tree"], input[type="range"], input[type="radio"], [data-arrow-keys]') !== null;
}

/**
 * Whether `target` uses PageUp/PageDown itself (a text field, a select, a slider such as the
 * timeline's ±10 s, a list), so a presentation clicker's keys must leave it alone.
 */
export function ownsPageKeys(target: EventTarget | null): boolean {
  if (isTextField(target)) return true;
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('[role="slider"], input[type="range"], [role="listbox"], [role="grid"], [role="tree"], [role="menu"], [data-page-keys]') !== null;
}
