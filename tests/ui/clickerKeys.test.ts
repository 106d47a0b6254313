import { describe, expect, it } from 'vitest';
import { clickerCommand } from '../../src/ui/present/clickerKeys';
import { HOTKEYS } from '../../src/ui/hotkeys';

/** A focused element, as far as the key helpers look at it (`closest`). */
function el(matches: (selector: string) => boolean, type?: string): EventTarget {
  const node = { type, closest: (sel: string) => (sel.split(',').some((s) => matches(s.trim())) ? node : null) };
  return node as unknown as EventTarget;
}
const body = el(() => false);
const button = el((s) => s === 'button');
const slider = el((s) => s === '[role="slider"]');
const textField = el((s) => s === 'input', 'text');
const select = el((s) => s === 'select');

describe('clicker keys', () => {
  it('PageDown is the next beat, PageUp the previous one', () => {
    expect(clickerCommand({ key: 'PageDown', target: body })).toBe('next');
    expect(clickerCommand({ key: 'PageUp', target: body })).toBe('prev');
    // After clicking a button the clicker keeps working.
    expect(clickerCommand({ key: 'PageDown', target: button })).toBe('next');
  });

  it('leaves the keys to a control that uses them: the timeline slider (±10 s), a text field, a select', () => {
    expect(clickerCommand({ key: 'PageDown', target: slider })).toBeNull();
    expect(clickerCommand({ key: 'PageUp', target: textField })).toBeNull();
    expect(clickerCommand({ key: 'PageDown', target: select })).toBeNull();
    expect(clickerCommand({ key: 'PageDown', target: body, defaultPrevented: true })).toBeNull();
  });

  it('ignores other keys and the browser\'s own shortcuts', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'b', '.', 'End']) expect(clickerCommand({ key, target: body })).toBeNull();
    expect(clickerCommand({ key: 'PageDown', ctrlKey: true, target: body })).toBeNull(); // next tab
    expect(clickerCommand({ key: 'PageUp', shiftKey: true, target: body })).toBeNull();
  });

  it('the shortcuts dialog lists them', () => {
    expect(HOTKEYS.find(([k]) => k === 'PageDown / PageUp')?.[1]).toMatch(/presenter mode with a lesson/i);
  });
});
