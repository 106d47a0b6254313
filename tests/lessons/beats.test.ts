import { describe, expect, it } from 'vitest';
import { beatLabel, beatsOf, formatBeatLink, hasSolution, nextBeat, parseBeat, prevBeat, type Beat } from '../../src/lessons/beats';
import { parseLessonLink, withLessonLink } from '../../src/lessons/link';
import { loadLessonFiles } from '../../src/lessons/loadFiles';

/** A clicker demo's beats (issue 12): problem, solution, next step's problem… */
describe('the beats of a lesson', async () => {
  const { lessons } = await loadLessonFiles();
  const twoNodes = lessons.find((l) => l.id === 'two-nodes')!;
  const oneServer = lessons.find((l) => l.id === 'one-server')!;
  const p = (step: number): Beat => ({ step, phase: 'problem' });
  const s = (step: number): Beat => ({ step, phase: 'solution' });

  it('each step is its problem, then its solution; a step with nothing to apply is one beat', () => {
    expect(beatsOf(twoNodes)).toEqual([p(0), s(0), p(1), s(1)]);
    // Lesson 1's first step only shows that one server works: no solution.
    expect(hasSolution(oneServer.steps[0]!)).toBe(false);
    expect(beatsOf(oneServer)).toEqual([p(0), p(1), s(1)]);
    // Every other step of the course has two beats (faults and console lines are solutions too).
    for (const l of lessons) expect(beatsOf(l).length).toBe(l.steps.length + l.steps.filter(hasSolution).length);
    const redis = lessons.find((l) => l.id === 'redis-sessions')!;
    expect(hasSolution(redis.steps[1]!)).toBe(true); // a console line
  });

  it('PageDown walks forward, PageUp back, and both stop at the ends', () => {
    expect(nextBeat(twoNodes, p(0))).toEqual(s(0));
    expect(nextBeat(twoNodes, s(0))).toEqual(p(1));
    expect(nextBeat(twoNodes, p(1))).toEqual(s(1));
    expect(nextBeat(twoNodes, s(1))).toBeNull();
    expect(prevBeat(twoNodes, s(1))).toEqual(p(1));
    expect(prevBeat(twoNodes, p(1))).toEqual(s(0)); // back to the previous step with its solution applied
    expect(prevBeat(twoNodes, s(0))).toEqual(p(0));
    expect(prevBeat(twoNodes, p(0))).toBeNull();
    // One beat per step where there is nothing to apply.
    expect(nextBeat(oneServer, p(0))).toEqual(p(1));
    expect(prevBeat(oneServer, p(1))).toEqual(p(0));
    // A beat the lesson does not have goes nowhere.
    expect(nextBeat(oneServer, s(0))).toBeNull();
    expect(nextBeat(twoNodes, p(7))).toBeNull();
  });

  it('says where the demo is', () => {
    expect(beatLabel(twoNodes, p(1))).toBe('Step 2 of 2 · the problem');
    expect(beatLabel(twoNodes, s(0))).toBe('Step 1 of 2 · solution applied');
    expect(beatLabel(twoNodes, s(0), true)).toBe('Step 1 of 2 · applying the solution…');
    expect(beatLabel(twoNodes, p(0), true)).toBe('Step 1 of 2 · starting the problem…');
    expect(beatLabel(oneServer, p(0))).toBe('Step 1 of 2 · the set-up');
  });

  it('a beat is a link, and the link reads back as the same beat', () => {
    expect(formatBeatLink('two-nodes', s(1))).toBe('?lesson=two-nodes&step=2&beat=solution');
    expect(formatBeatLink('two-nodes', p(1))).toBe('?lesson=two-nodes&step=2');
    for (const beat of beatsOf(twoNodes)) {
      const link = formatBeatLink('two-nodes', beat);
      const parsed = parseLessonLink(link, lessons);
      expect(parsed).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: beat.step });
      expect(parseBeat(link, twoNodes, beat.step)).toEqual({ beat });
    }
    expect(parseBeat('?lesson=two-nodes&step=2&beat=problem', twoNodes, 1)).toEqual({ beat: p(1) });
    expect(parseBeat('?lesson=two-nodes&step=2&beat=', twoNodes, 1)).toEqual({ beat: p(1) });
  });

  it('a bad beat falls back to the problem, with a notice like ?step=99', () => {
    expect(parseBeat('?lesson=two-nodes&step=2&beat=fix', twoNodes, 1)).toEqual({
      beat: p(1),
      notice: 'Beat "fix" does not exist (a step has "problem" and "solution") — showing step 2\'s problem.',
    });
    expect(parseBeat('?lesson=one-server&step=1&beat=solution', oneServer, 0)).toEqual({
      beat: p(0),
      notice: 'Step 1 of lesson one-server has no solution to apply — showing it running.',
    });
    // Control characters never reach the page; a long value is cut.
    const hostile = parseBeat(`?beat=${encodeURIComponent(`\u001b[2J\u202e${'x'.repeat(100)}`)}`, twoNodes, 0);
    expect(hostile.beat).toEqual(p(0));
    expect(hostile.notice).toBe(`Beat "[2J${'x'.repeat(37)}…" does not exist (a step has "problem" and "solution") — showing step 1's problem.`);
  });

  it('a step change drops the beat from the address; other parameters stay', () => {
    expect(withLessonLink('?lesson=two-nodes&step=1&beat=solution&present', '?lesson=two-nodes&step=2')).toBe('?lesson=two-nodes&step=2&present');
    expect(withLessonLink('?present&lesson=two-nodes&step=1', formatBeatLink('two-nodes', s(0)))).toBe('?lesson=two-nodes&step=1&beat=solution&present');
  });
});
