import { describe, expect, it } from 'vitest';
import { hotkeyCommand, HOTKEYS, hotkeysFor } from '../../src/ui/hotkeys';

const ctx = { nodes: [{ name: 'node-1', down: false }, { name: 'node-2', down: true }], redisUp: true };

describe('instructor hotkeys', () => {
  it('number keys crash an up node and restart a down one', () => {
    expect(hotkeyCommand({ key: '1' }, ctx)).toEqual({ kind: 'fault', action: { kind: 'crash', node: 'node-1' } });
    expect(hotkeyCommand({ key: '2' }, ctx)).toEqual({ kind: 'fault', action: { kind: 'restart', node: 'node-2' } });
    expect(hotkeyCommand({ key: '3' }, ctx)).toBeNull();
  });
  it('r toggles Redis, f fails over, d deploys, Space plays, arrows move the timeline, ? helps', () => {
    expect(hotkeyCommand({ key: 'r' }, ctx)).toEqual({ kind: 'fault', action: { kind: 'redis-down' } });
    expect(hotkeyCommand({ key: 'r' }, { ...ctx, redisUp: false })).toEqual({ kind: 'fault', action: { kind: 'redis-up' } });
    expect(hotkeyCommand({ key: 'f' }, ctx)).toEqual({ kind: 'fault', action: { kind: 'redis-failover' } });
    expect(hotkeyCommand({ key: 'd' }, ctx)).toEqual({ kind: 'fault', action: { kind: 'deploy' } });
    expect(hotkeyCommand({ key: ' ' }, ctx)).toEqual({ kind: 'toggle-play' });
    expect(hotkeyCommand({ key: 'ArrowLeft' }, ctx)).toEqual({ kind: 'seek-by', ms: -1000 });
    expect(hotkeyCommand({ key: 'ArrowRight' }, ctx)).toEqual({ kind: 'seek-by', ms: 1000 });
    expect(hotkeyCommand({ key: '?' }, ctx)).toEqual({ kind: 'help' });
  });
  it('leaves shortcuts of the browser alone', () => {
    expect(hotkeyCommand({ key: 'r', ctrlKey: true }, ctx)).toBeNull();
    expect(hotkeyCommand({ key: '1', metaKey: true }, ctx)).toBeNull();
  });
  it('the dialog lists every key the mapping knows', () => {
    const listed = HOTKEYS.map(([k]) => k).join(' ');
    for (const k of ['Space', '1', '8', 'r', 'f', 'd', '←', '→', '?']) expect(listed).toContain(k);
  });
  it('side by side, the dialog leaves out the timeline and clicker keys (they do nothing there) and keeps the rest', () => {
    const side = hotkeysFor(true).map(([k]) => k);
    expect(side).not.toContain('← / →');
    expect(side).not.toContain('PageDown / PageUp');
    for (const k of ['Space', '1 – 8', 'r', 'f', 'd', '?', 'Escape']) expect(side).toContain(k);
    expect(hotkeysFor(false)).toBe(HOTKEYS);
  });
});
