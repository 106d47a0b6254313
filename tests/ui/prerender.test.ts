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
