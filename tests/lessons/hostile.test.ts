/**
 * Issue 14 (Medium 7) and issue 13's contributor findings: lesson validation is total — every
 * input gives a lesson or errors with a path, never a stack overflow, a crash or minutes of work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/lessons/bounds';
import { MAX_GOAL_DEPTH, MAX_GOAL_LIST } from '../../src/lessons/goal';
import { loadLessonFiles } from '../../src/lessons/loadFiles';
import { checkLesson } from '../../src/lessons/runner';
import { validateLesson } from '../../src/lessons/validate';

const dir = mkdtempSync(join(tmpdir(), 'scl-lessons-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** A valid one-step lesson whose goal holds from the start (a fast check). */
function watchLesson(goal: unknown = { metric: 'logouts', op: '==', value: 0 }, extra: Record<string, unknown> = {}) {
  return {
    id: 'hostile-watch', title: 'Watch', summary: 'One server.', objectives: ['Watch'], start: { nodes: 1, users: 3 },
    steps: [{ id: 'watch', title: 'Watch', narration: 'Nothing to do.', ask: { text: 'Watch.' }, goal, startsMet: true, solution: {}, runSec: 10 }],
    ...extra,
  };
}

/** `{ any: [ { any: [ … leaf … ] } ] }`, `depth` levels, built without recursion. */
function nestedGoal(depth: number): unknown {
  let g: unknown = { metric: 'logouts', op: '==', value: 0 };
  for (let i = 0; i < depth; i++) g = { any: [g] };
  return g;
}

const errorsOf = (input: unknown): string[] => {
  const r = validateLesson(input, 'x.json');
  return 'errors' in r ? r.errors : [];
};

describe('lesson validation is total (issue 14, Medium 7)', () => {
  it('a goal nested 20,000 deep: one error with the path, no RangeError', () => {
    expect(errorsOf(watchLesson(nestedGoal(20_000)))).toEqual([
      `x.json: steps.0.goal${'.any.0'.repeat((MAX_NESTING - 4) / 2)}.any: nested more than ${MAX_NESTING} levels deep`,
    ]);
  });

  it('a goal nested just past the goal limit names the all/any that is too deep', () => {
    expect(errorsOf(watchLesson(nestedGoal(MAX_GOAL_DEPTH + 1)))).toEqual([
      `x.json: steps.0.goal${'.any.0'.repeat(MAX_GOAL_DEPTH)}.any: goals nest at most ${MAX_GOAL_DEPTH} levels of all/any`,
    ]);
    expect(errorsOf(watchLesson(nestedGoal(MAX_GOAL_DEPTH)))).toEqual([]);
  });

  it('an any with 200,000 entries is refused by size, at once', () => {
    const leaf = { metric: 'logouts', op: '==', value: 0 };
    expect(errorsOf(watchLesson({ any: Array.from({ length: 200_000 }, () => leaf) }))).toEqual([
      'x.json: steps.0.goal.any: a list of 200,000 entries',
    ]);
    expect(errorsOf(watchLesson({ any: Array.from({ length: MAX_GOAL_LIST + 1 }, () => leaf) }))).toEqual([
      `x.json: steps.0.goal.any: ${MAX_GOAL_LIST + 1} goals in one list; at most ${MAX_GOAL_LIST}`,
    ]);
  });

  it('lists, strings and lessons have size limits with their paths', () => {
    expect(errorsOf(watchLesson(undefined, { objectives: Array.from({ length: 21 }, () => 'x') }))).toEqual(['x.json: objectives: at most 20 entries']);
    expect(errorsOf(watchLesson(undefined, { title: 'x'.repeat(1001) }))).toEqual(['x.json: title: at most 1,000 characters']);
    expect(errorsOf(watchLesson(undefined, { summary: 'x'.repeat(50_000) }))).toEqual(['x.json: summary: a string of 50,000 characters (at most 20,000)']);
  });

  it('many problems: the first 30 and a count of the rest', () => {
    const steps = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: '', narration: '', ask: { text: '' }, goal: {}, solution: {}, runSec: 1 }));
    const errors = errorsOf(watchLesson(undefined, { steps }));
    expect(errors).toHaveLength(31);
    expect(errors[30]).toMatch(/^x\.json: … and \d+ more problems$/);
  });

  it('a cyclic object (a .ts lesson can build one) is refused, not walked forever', () => {
    const goal: Record<string, unknown> = { all: [] };
    (goal.all as unknown[]).push(goal);
    expect(errorsOf(watchLesson(goal))[0]).toMatch(/^x\.json: steps\.0\.goal(\.all\.0)+\.all: nested more than 24 levels deep$/);
  });

  it("metric redis.calls.constructor is a command nobody ran (0), not Object's constructor", async () => {
    const r = validateLesson(watchLesson({ metric: 'redis.calls.constructor', op: '==', value: 0 }, { start: { nodes: 1, users: 3, driver: 'redis' } }), 'x.json');
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    const [check] = await checkLesson(r.lesson);
    expect(check!.problems).toEqual([]);
    expect(check!.before.text).toMatch(/^0 CONSTRUCTOR commands run/);
  });
});

describe('lesson files loaded at run time are data (issue 14, Medium 8)', () => {
  it('a .json lesson holding code is a JSON syntax error: nothing runs', async () => {
    const marker = join(dir, 'ran.txt');
    const code = `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`;
    const f = file('code.json', code);
    const r = await loadLessonFiles([f]);
    expect(r.errors).toEqual([expect.stringMatching(/code\.json:1:1: invalid JSON: /)]);
    expect(existsSync(marker)).toBe(false);
  });

  it('a .json lesson with __proto__ and function-looking strings is validated as data', async () => {
    const f = file('proto.json', JSON.stringify(watchLesson()).replace('{"id"', '{"__proto__":{"polluted":true},"id"'));
    const r = await loadLessonFiles([f]);
    expect(r.errors).toEqual([expect.stringMatching(/proto\.json: __proto__: unknown field$/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('contributors (issue 13)', () => {
  it('a duplicate id is caught against the whole course even when one file is checked', async () => {
    const f = file('dup.json', JSON.stringify(watchLesson(undefined, { id: 'two-nodes' })));
    const r = await loadLessonFiles([f]);
    expect(r.lessons).toEqual([]);
    expect(r.errors).toEqual([expect.stringMatching(/dup\.json: id: 'two-nodes' is already the id of lessons\/02-two-nodes\.ts$/)]);
  });

  it('a JSON syntax error is reported as FILE:LINE:COL', async () => {
    const text = JSON.stringify(watchLesson(), null, 2).replace('"summary"', '"summary" "oops",');
    const line = text.split('\n').findIndex((l) => l.includes('"oops"')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('"oops"') + 1;
    const f = file('syntax.json', text);
    const r = await loadLessonFiles([f]);
    expect(r.errors).toEqual([expect.stringMatching(new RegExp(`syntax\\.json:${line}:${col}: invalid JSON: expected ':'$`))]);
    const trailing = file('trailing.json', '{\n  "id": "x",\n}\n');
    expect((await loadLessonFiles([trailing])).errors).toEqual([expect.stringMatching(/trailing\.json:3:1: invalid JSON: expected a property name in double quotes \(no trailing comma\)$/)]);
  });

  it("least_conn (the UI's and nginx's spelling) gets a suggestion: did you mean 'least-conn'?", () => {
    expect(errorsOf(watchLesson(undefined, { start: { nodes: 2, balancer: 'least_conn' } }))).toEqual([
      'x.json: start.balancer: expected one of "round-robin", "least-conn", "ip-hash", "cookie", "hash-cookie" (did you mean \'least-conn\'?)',
    ]);
  });
});

describe('npm run lessons:check on hostile files', () => {
  const check = (...files: string[]) => spawnSync('npx', ['tsx', 'src/cli/lessonsCheck.ts', ...files], { encoding: 'utf8' });

  it('a 20,000-deep goal: exit 2 with the path, no stack trace', () => {
    // JSON.stringify itself overflows at this depth: write the text.
    const deep = `${'{"any":['.repeat(20_000)}{"metric":"logouts","op":"==","value":0}${']}'.repeat(20_000)}`;
    const f = file('deep.json', JSON.stringify(watchLesson('GOAL')).replace('"GOAL"', deep));
    const r = check(f);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/deep\.json: steps\.0\.goal(\.any\.0)+\.any: nested more than 24 levels deep\n/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('control characters in a lesson title are printed escaped, not sent to the terminal', () => {
    const f = file('title.json', JSON.stringify(watchLesson(undefined, { title: 'Pwned\u001b]0;owned\u0007 title' })));
    const r = check(f);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('hostile-watch: Pwned\\x1b]0;owned\\x07 title\n');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
