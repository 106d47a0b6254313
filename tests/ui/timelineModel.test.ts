import { describe, expect, it } from 'vitest';
import { binLogouts, keyTarget, stripPath, timeAt } from '../../src/ui/timeline/timelineModel';

describe('timeline slider keys (ARIA slider pattern)', () => {
  it('moves ±1 s with the arrows, ±10 s with PageUp/PageDown, to 0 with Home and to the latest with End', () => {
    expect(keyTarget('ArrowRight', 60_000, 120_000)).toBe(61_000);
    expect(keyTarget('ArrowLeft', 60_000, 120_000)).toBe(59_000);
    expect(keyTarget('PageUp', 60_000, 120_000)).toBe(70_000);
    expect(keyTarget('PageDown', 60_000, 120_000)).toBe(50_000);
    expect(keyTarget('Home', 60_000, 120_000)).toBe(0);
    expect(keyTarget('End', 60_000, 123_456)).toBe(123_456);
    expect(keyTarget('a', 60_000, 120_000)).toBeNull();
  });
  it('stays within 0 and the latest moment', () => {
    expect(keyTarget('PageDown', 4_000, 120_000)).toBe(0);
    expect(keyTarget('PageUp', 115_000, 120_000)).toBe(120_000);
  });
});

describe('pointer position to time', () => {
  it('maps the track to 0..latest in whole seconds', () => {
    expect(timeAt(0, 300, 600_000)).toBe(0);
    expect(timeAt(150, 300, 600_000)).toBe(300_000);
    expect(timeAt(400, 300, 600_000)).toBe(600_000);
    expect(timeAt(10, 0, 600_000)).toBe(0);
  });
});

describe('logout strip', () => {
  it('sums seconds into bins without losing any logout', () => {
    const perSec: number[] = Array.from({ length: 600 }, (_, s) => (s % 7 === 0 ? 2 : 0));
    const bins = binLogouts(perSec, 600_000, 50);
    expect(bins).toHaveLength(50);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(perSec.reduce((a, b) => a + b, 0));
  });
});

describe('logout strip path', () => {
  it('draws one bar per non-empty bin, the tallest full height, the smallest still visible', () => {
    expect(stripPath([0, 20, 0, 1], 10)).toBe('M1 0h1V10h-1ZM3 8.5h1V10h-1Z');
    expect(stripPath([0, 0, 0], 10)).toBe('');
    expect(stripPath([2, 1], 10)).toBe('M0 0h1V10h-1ZM1 5h1V10h-1Z');
  });
});
