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
  it('warms up with the first narration even on a busy page, then leaves short idle periods alone', () => {
    const queued: Array<{ f: (d: { timeRemaining(): number; didTimeout: boolean }) => void; timeoutMs?: number }> = [];
    prerenderNarrations(['a', 'b', 'c'], (f, timeoutMs) => queued.push({ f, timeoutMs }));
    expect(queued[0]!.timeoutMs).toBe(1000); // the warm-up may be forced
    queued.shift()!.f({ timeRemaining: () => 0, didTimeout: true });
    expect(rendered).toEqual(['a']);
    expect(queued[0]!.timeoutMs).toBeUndefined(); // the rest never are
    for (let i = 0; i < 5; i++) queued.shift()!.f({ timeRemaining: () => 2, didTimeout: false }); // slivers between frames
    expect(rendered).toEqual(['a']);
    expect(queued).toHaveLength(1); // still waiting, not given up
    queued.shift()!.f({ timeRemaining: () => 40, didTimeout: false });
    queued.shift()!.f({ timeRemaining: () => 40, didTimeout: false });
    expect(rendered).toEqual(['a', 'b', 'c']);
    queued.shift()!.f({ timeRemaining: () => 40, didTimeout: false });
    expect(queued).toHaveLength(0); // nothing left: no more callbacks
  });
});
