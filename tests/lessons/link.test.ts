import { describe, expect, it } from 'vitest';
import { formatLessonLink, missingStepNotice, parseLessonLink, withLessonLink } from '../../src/lessons/link';

const lessons = [{ id: 'two-nodes', steps: [{ id: 'add-a-node' }, { id: 'more-nodes' }] }];

describe('lesson deep links', () => {
  it('parses ?lesson=&step= (1-based or a step id) and ?sandbox', () => {
    expect(parseLessonLink('?lesson=two-nodes&step=2', lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: 1 });
    expect(parseLessonLink('?lesson=two-nodes&step=more-nodes', lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: 1 });
    expect(parseLessonLink('?lesson=two-nodes', lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: null });
    expect(parseLessonLink('?sandbox', lessons)).toEqual({ kind: 'sandbox' });
    expect(parseLessonLink('', lessons)).toEqual({ kind: 'none' });
  });

  it('falls back with a warning on unknown lessons and steps', () => {
    expect(parseLessonLink('?lesson=nope', lessons)).toEqual({ kind: 'none', warning: 'There is no lesson "nope".' });
    expect(parseLessonLink('?lesson=two-nodes&step=9', lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: null, badStep: '9' });
  });

  it('a step that does not exist (99, 0, -1, text) is named, with the step shown instead (issue 14, Low)', () => {
    for (const bad of ['99', '0', '-1', 'text', '1.5', '2e0', ' 1']) {
      expect(parseLessonLink(`?lesson=two-nodes&step=${encodeURIComponent(bad)}`, lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: null, badStep: bad });
    }
    expect(missingStepNotice('two-nodes', '99', 3, 0)).toBe('Step 99 does not exist; lesson two-nodes has 3 steps — showing step 1.');
    expect(missingStepNotice('two-nodes', '-1', 3, 1)).toBe('Step -1 does not exist; lesson two-nodes has 3 steps — showing step 2.');
    expect(missingStepNotice('one-server', 'text', 1, 0)).toBe('Step "text" does not exist; lesson one-server has 1 step — showing step 1.');
    expect(missingStepNotice('x', `\u001b[2J${'a'.repeat(100)}`, 2, 0)).toBe(`Step "[2J${'a'.repeat(37)}…" does not exist; lesson x has 2 steps — showing step 1.`);
  });

  it('formats what it parses', () => {
    const link = formatLessonLink({ lessonId: 'two-nodes', stepIndex: 1 });
    expect(link).toBe('?lesson=two-nodes&step=2');
    expect(parseLessonLink(link, lessons)).toEqual({ kind: 'lesson', lessonId: 'two-nodes', step: 1 });
    expect(formatLessonLink('sandbox')).toBe('?sandbox');
  });
});

describe('withLessonLink', () => {
  it('replaces only the lesson part of the query', () => {
    expect(withLessonLink('?lesson=a&step=3&speed=10&paused', '?lesson=two-nodes&step=2')).toBe('?lesson=two-nodes&step=2&speed=10&paused');
    expect(withLessonLink('?lesson=a&step=3', '?sandbox')).toBe('?sandbox');
    expect(withLessonLink('?sandbox&speed=5', '')).toBe('?speed=5');
    expect(withLessonLink('', '')).toBe('');
  });
});
