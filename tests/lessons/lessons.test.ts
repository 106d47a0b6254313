import { describe, expect, it } from 'vitest';
import { loadLessonFiles } from '../../src/lessons/loadFiles';
import { checkLesson, runStep } from '../../src/lessons/runner';

/**
 * Every lesson carries its own solution, and this one test replays them all (STYLE.md §7):
 * without the solution each step's goal fails (the problem shows), with it the goal is met.
 * Every run is awaited — no assertion may outlive its test.
 */
const { lessons, errors } = await loadLessonFiles();

describe('lessons/', () => {
  it('all load and validate', () => {
    expect(errors).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.map((l) => l.source)).toEqual([...lessons.map((l) => l.source)].sort());
  });

  for (const lesson of lessons) {
    it(`${lesson.source}: every step shows its problem and its solution meets the goal`, async () => {
      const checks = await checkLesson(lesson);
      expect(checks).toHaveLength(lesson.steps.length);
      for (const c of checks) expect({ step: c.step, problems: c.problems }).toEqual({ step: c.step, problems: [] });
    });
  }

  it('runs are deterministic (same seed, same figures)', async () => {
    const lesson = lessons.find((l) => l.id === 'two-nodes')!;
    const a = await runStep(lesson, 0, true);
    const b = await runStep(lesson, 0, true);
    expect(a).toEqual(b);
  });
});
