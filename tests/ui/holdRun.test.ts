/**
 * A view that covers the running cluster (the compare view, side by side) holds the run paused
 * while it is open and lets it play on when it closes, only if it was playing (holdRun.ts).
 */
import { describe, expect, it } from 'vitest';
import { holdRun, type Playable } from '../../src/ui/state/holdRun';

function fakeRun(playing: boolean): Playable & { calls: string[] } {
  const calls: string[] = [];
  const run = {
    calls,
    playing,
    play() { calls.push('play'); run.playing = true; },
    pause() { calls.push('pause'); run.playing = false; },
  };
  return run;
}

describe('holdRun', () => {
  it('pauses a playing run while held and plays it on when released', () => {
    const run = fakeRun(true);
    const release = holdRun(run);
    expect(run.playing).toBe(false);
    release();
    expect(run.playing).toBe(true);
    expect(run.calls).toEqual(['pause', 'play']);
  });

  it('leaves a paused run paused when released', () => {
    const run = fakeRun(false);
    const release = holdRun(run);
    release();
    expect(run.playing).toBe(false);
    expect(run.calls).not.toContain('play');
  });

  it('plays on once, however often it is released (a dialog closed by Escape and by its unmount)', () => {
    const run = fakeRun(true);
    const release = holdRun(run);
    release();
    run.pause(); // the student pauses after the view closed
    release();
    expect(run.playing).toBe(false);
    expect(run.calls).toEqual(['pause', 'play', 'pause']);
  });
});
