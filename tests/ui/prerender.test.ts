/** Lessons' first steps are rendered ahead, one per idle moment, and stop when the panel goes (src/ui/lessons/prerender.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';

const rendered: string[] = [];
vi.mock('../../src/lessons/markdown', () => ({ renderNarration: (md: string) => { rendered.push(md); return md; } }));
const { prerenderNarrations } = await import('../../src/ui/lessons/prerender');

afterEach(() => {
  rendered.length = 0;
  vi.useRealTimers();
});

describe('prerendering narrations', () => {
  it('renders one narration per idle moment, in order, none at once', () => {
    vi.useFakeTimers();
    prerenderNarrations(['a', 'b', 'c']);
    expect(rendered).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(rendered).toEqual(['a']);
    vi.runAllTimers();
    expect(rendered).toEqual(['a', 'b', 'c']);
  });

  it('stops when asked', () => {
    vi.useFakeTimers();
    const stop = prerenderNarrations(['a', 'b', 'c']);
    vi.advanceTimersToNextTimer();
    stop();
    vi.runAllTimers();
    expect(rendered).toEqual(['a']);
  });
});

describe('prerendering only in real idle time', () => {
  it('leaves short idle periods alone and renders in long ones', () => {
    const queued: Array<(d: { timeRemaining(): number }) => void> = [];
    prerenderNarrations(['a', 'b'], (f) => queued.push(f));
    for (let i = 0; i < 5; i++) queued.shift()!({ timeRemaining: () => 2 }); // a busy page: slivers between frames
    expect(rendered).toEqual([]);
    expect(queued).toHaveLength(1); // still waiting, not given up
    queued.shift()!({ timeRemaining: () => 40 });
    expect(rendered).toEqual(['a']);
    queued.shift()!({ timeRemaining: () => 40 });
    expect(rendered).toEqual(['a', 'b']);
    expect(queued).toHaveLength(1);
    queued.shift()!({ timeRemaining: () => 40 });
    expect(queued).toHaveLength(0); // nothing left: no more callbacks
  });
});
