import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXED_METRICS } from '../../src/lessons/goalMetrics';
import { OPS } from '../../src/lessons/goal';
import { checkLesson } from '../../src/lessons/runner';
import { startFieldValues } from '../../src/lessons/schemaDoc';
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

describe('docs/writing-lessons.md lists what the schema allows (issue 13)', () => {
  const md = readFileSync('docs/writing-lessons.md', 'utf8');

  it('the allowed values of every start key, exactly as the schema has them', () => {
    // The first table after the heading: its consecutive `|` lines.
    const after = (md.split('### Allowed values of `start`')[1] ?? '').split('\n');
    const first = after.findIndex((l) => l.startsWith('|'));
    const end = after.findIndex((l, i) => i > first && !l.startsWith('|'));
    const section = after.slice(first, end).join('\n');
    const rows = [...section.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)].map((m) => ({ key: m[1], values: m[2]!.trim() }));
    expect(rows).toEqual(startFieldValues());
  });

  it('every fixed metric and every op is documented', () => {
    for (const m of Object.keys(FIXED_METRICS)) expect(md, m).toContain(`\`${m}\``);
    for (const op of OPS) expect(md).toContain(`\`${op}\``);
  });
});
