import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLesson } from '../../src/lessons/runner';
import { validateLesson } from '../../src/lessons/validate';

/** The JSON example in docs/writing-lessons.md is a real, passing lesson. */
describe('docs/writing-lessons.md', () => {
  it('its example lesson validates and passes the check', async () => {
    const md = readFileSync('docs/writing-lessons.md', 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(md)?.[1];
    expect(block).toBeDefined();
    const r = validateLesson(JSON.parse(block!), 'docs/writing-lessons.md');
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    const checks = await checkLesson(r.lesson);
    expect(checks.map((c) => c.problems)).toEqual([[], []]);
  });
});
