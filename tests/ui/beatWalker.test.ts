import { describe, expect, it } from 'vitest';
import type { Beat, BeatLesson } from '../../src/lessons/beats';
import { BeatWalker } from '../../src/ui/present/beatWalker';

const SOLUTION = { settings: { nodes: 2 }, actions: [], console: [] };
const NONE = { settings: {}, actions: [], console: [] };
const lesson: BeatLesson = { id: 'demo', steps: [{ solution: SOLUTION }, { solution: SOLUTION }, { solution: NONE }] };
const show = (b: Beat | null) => (b ? `${b.step + 1}:${b.phase}` : 'none');

/**
 * A page whose beats take as long as the test says: each `apply` waits until `finish()`.
 * It records what was applied, and moves its step as the player's goto() does.
 */
function fakePage() {
  const applied: string[] = [];
  const pending: Array<() => void> = [];
  const page = {
    open: lesson as BeatLesson | null,
    step: 0,
    lesson: () => page.open,
    stepIndex: () => page.step,
    apply: (to: Beat, from: Beat) => {
      applied.push(`${show(from)} → ${show(to)}`);
      page.step = to.step;
      return new Promise<void>((resolve) => pending.push(resolve));
    },
  };
  /** Let the beat being applied finish, and the walker go on. */
  const finish = async () => {
    pending.shift()?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { page, applied, finish, pending };
}

describe('BeatWalker', () => {
  it('walks problem → solution → next step, and back beat by beat', async () => {
    const { page, applied, finish } = fakePage();
    const w = new BeatWalker(page);
    expect(show(w.here())).toBe('1:problem');
    expect(w.next()).toBe(true);
    expect(w.busy).toBe(true);
    expect(show(w.here())).toBe('1:solution'); // the indicator says where it is heading at once
    await finish();
    expect(w.busy).toBe(false);
    expect(show(w.here())).toBe('1:solution');
    w.next();
    await finish();
    expect(show(w.here())).toBe('2:problem');
    w.prev();
    await finish();
    expect(show(w.here())).toBe('1:solution');
    w.prev();
    await finish();
    expect(show(w.here())).toBe('1:problem');
    expect(w.prev()).toBe(false); // the start of the lesson
    expect(applied).toEqual(['1:problem → 1:solution', '1:solution → 2:problem', '2:problem → 1:solution', '1:solution → 1:problem']);
  });

  it('a press while a beat is being applied moves the target; nothing is applied twice', async () => {
    const { page, applied, finish, pending } = fakePage();
    let changes = 0;
    const w = new BeatWalker(page, () => changes++);
    w.next(); // 1:solution, still being applied…
    w.next(); // …2:problem
    w.next(); // …2:solution
    expect(show(w.here())).toBe('2:solution');
    expect(pending.length).toBe(1); // one beat at a time
    await finish();
    await finish();
    expect(w.busy).toBe(false);
    expect(show(w.here())).toBe('2:solution');
    // The first beat, then straight to the target (2:problem was skipped, not applied).
    expect(applied).toEqual(['1:problem → 1:solution', '1:solution → 2:solution']);
    expect(changes).toBeGreaterThan(0);
  });

  it('pressing forward then back during a beat returns to where it was without applying it again', async () => {
    const { page, applied, finish } = fakePage();
    const w = new BeatWalker(page);
    w.next();
    await finish(); // on 1:solution
    w.next(); // → 2:problem (being applied)
    w.prev(); // → back to 1:solution
    await finish();
    await finish();
    expect(show(w.here())).toBe('1:solution');
    // The page had left 1:solution for 2:problem, so coming back applies it once more, and only once.
    expect(applied).toEqual(['1:problem → 1:solution', '1:solution → 2:problem', '2:problem → 1:solution']);
    expect(w.busy).toBe(false);
  });

  it('go() to the beat already shown applies nothing', async () => {
    const { page, applied } = fakePage();
    const w = new BeatWalker(page);
    w.go({ step: 0, phase: 'problem' });
    await Promise.resolve();
    expect(applied).toEqual([]);
    expect(w.busy).toBe(false);
  });

  it('stops at the end; a step with nothing to apply is one beat', async () => {
    const { page, finish } = fakePage();
    const w = new BeatWalker(page);
    for (const expected of ['1:solution', '2:problem', '2:solution', '3:problem']) {
      expect(w.next()).toBe(true);
      await finish();
      expect(show(w.here())).toBe(expected);
    }
    expect(w.next()).toBe(false);
    expect(w.busy).toBe(false);
  });

  it('follows the page when its step changes by other means (the panel\'s Next step)', async () => {
    const { page, applied, finish } = fakePage();
    const w = new BeatWalker(page);
    w.next();
    await finish(); // 1:solution
    page.step = 1; // the student pressed "Next step"
    expect(show(w.here())).toBe('2:problem');
    w.next();
    await finish();
    expect(applied.at(-1)).toBe('2:problem → 2:solution');
  });

  it('does nothing without an open lesson', () => {
    const { page, applied } = fakePage();
    page.open = null;
    const w = new BeatWalker(page);
    expect(w.here()).toBeNull();
    expect(w.next()).toBe(false);
    expect(w.prev()).toBe(false);
    expect(applied).toEqual([]);
  });
});
