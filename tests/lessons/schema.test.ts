import { spawnSync } from 'node:child_process';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { loadLessonFiles } from '../../src/lessons/loadFiles';
import { defineLesson, LessonSchema } from '../../src/lessons/schema';
import type { LessonDef } from '../../src/lessons/types';
import { validateLesson } from '../../src/lessons/validate';

const FIX = 'tests/lessons/fixtures';

async function errorsOf(...files: string[]): Promise<string[]> {
  const r = await loadLessonFiles(files.map((f) => `${FIX}/${f}`));
  expect(r.lessons).toEqual([]);
  return r.errors;
}

describe('lesson validation names the file and the field path', () => {
  it('a misspelled metric', async () => {
    expect(await errorsOf('bad-metric.json')).toEqual([
      `${FIX}/bad-metric.json: steps.1.goal.metric: unknown metric 'logout' (did you mean 'logouts'?)`,
    ]);
  });

  it('shapes the schema rejects, all reported at once', async () => {
    const f = `${FIX}/bad-shapes.json`;
    expect(await errorsOf('bad-shapes.json')).toEqual([
      `${f}: id: expected kebab-case, e.g. 'two-nodes'`,
      `${f}: title: expected a non-empty string`,
      `${f}: objectives: name at least one objective`,
      `${f}: start.driver: expected one of "file", "redis", "cookie", "array", "database"`,
      `${f}: steps.0.narration: expected string (missing)`,
      `${f}: steps.0.ask.to: expected one of "file", "redis", "cookie", "array", "database"`,
      `${f}: steps.0.goal.all.0.op: expected one of '<', '<=', '==', '!=', '>=', '>'`,
      `${f}: steps.0.goal.all.0.value: expected a number`,
      // The engine's own message (its list of actions grows with the engine).
      expect.stringMatching(new RegExp(`^${f}: steps\\.0\\.goal\\.all\\.1\\.window\\.after: 'explode:node-1': unknown action "explode"; expected one of crash, `)),
      `${f}: steps.0.goal.all.1.window.forSec: a window that starts after an action needs a length (forSec)`,
      `${f}: steps.0.quiz.choices: no choice is marked correct`,
      `${f}: steps.0.runSec: at least 10 virtual seconds`,
      `${f}: steps.0.narraton: unknown field (did you mean 'narration'?)`,
    ]);
  });

  it('problems only the whole lesson shows: nodes, anchors, ask vs solution, one change per step', async () => {
    const f = `${FIX}/bad-timeline.json`;
    expect(await errorsOf('bad-timeline.json')).toEqual([
      `${f}: steps.0.events.0: "30:crash:node-3": crash needs a node, node-1 … node-2`,
      `${f}: steps.0.solution.settings.driver: the ask sets driver to "redis"; the solution must do the same`,
      `${f}: steps.0.goal.window.after: 'redis-down' never happens in this step (add it to events or to the solution's actions)`,
      `${f}: steps.1.solution: a step changes one thing; this solution changes 2: settings.nodes, actions.0`,
      `${f}: steps.1.solution.settings.nodes: nodes is already 2 when this step starts`,
      `${f}: steps.1.goal.metric: node-4 does not exist in this step (2 nodes)`,
      `${f}: steps.1.goal.window.forSec: the window ends at 100 s, after the run ends (runSec 60)`,
      `${f}: steps.2.solution: empty: a step whose goal starts unmet needs a solution that meets it`,
      `${f}: steps.2.id: 'crash' is already the id of steps.0`,
    ]);
  });

  it('a module without a default export, invalid JSON, duplicate ids', async () => {
    expect(await errorsOf('no-default.ts')).toEqual([
      `${FIX}/no-default.ts: (module): no default export; write \`export default defineLesson({ ... })\``,
    ]);
    const [json] = await errorsOf('invalid.json');
    expect(json).toBe(`${FIX}/invalid.json:1:18: invalid JSON: the file ends too early (a missing value, '}' or ']'?)`);
    const dup = await loadLessonFiles([`${FIX}/dup-a.json`, `${FIX}/dup-b.json`]);
    expect(dup.lessons.map((l) => l.id)).toEqual(['same-id']);
    expect(dup.errors).toEqual([`${FIX}/dup-b.json: id: 'same-id' is already the id of ${FIX}/dup-a.json`]);
  });

  it('never evaluates data: a goal holding code is just an invalid goal', () => {
    const r = validateLesson({ ...minimal(), steps: [{ ...minimal().steps[0], goal: 'sim.world.metrics.logouts === 0' }] }, 'x.json');
    expect(r).toEqual({ errors: ['x.json: steps.0.goal: a goal is an object: { metric, op, value }, { all: [...] } or { any: [...] }'] });
  });

  it('a valid lesson is normalised: actions parsed, defaults filled', () => {
    const r = validateLesson(minimal(), 'min.json');
    if ('errors' in r) throw new Error(r.errors.join('\n'));
    const step = r.lesson.steps[0]!;
    expect(step.solution.actions).toEqual([{ atSec: 20, action: { kind: 'crash', node: 'node-2' } }]);
    expect(step.events).toEqual([{ atSec: 5, action: { kind: 'restart', node: 'node-1' } }]);
    expect(step.hints).toEqual([]);
    expect(step.startsMet).toBe(false);
    expect(r.lesson.source).toBe('min.json');
  });

  it('defineLesson is the identity, typed by the schema', () => {
    const l = defineLesson(minimal() as LessonDef);
    expect(defineLesson(l)).toBe(l);
    expectTypeOf<LessonDef>().toExtend<z.input<typeof LessonSchema>>();
  });
});

describe('npm run lessons:check', () => {
  it('a malformed lesson prints file + field path and exits 2, running nothing', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/lessonsCheck.ts', `${FIX}/bad-metric.json`], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${FIX}/bad-metric.json: steps.1.goal.metric: unknown metric 'logout' (did you mean 'logouts'?)`);
    expect(r.stderr).toContain('nothing was run');
  });
});

function minimal() {
  return {
    id: 'minimal',
    title: 'Minimal',
    summary: 'The smallest valid lesson.',
    objectives: ['Exist'],
    start: { nodes: 2, driver: 'redis' as const, balancer: 'cookie' as const, users: 5 },
    steps: [
      {
        id: 'crash',
        title: 'Crash',
        narration: 'Crash node-2.',
        events: [{ atSec: 5, action: 'restart' as const, node: 'node-1' }],
        ask: { text: 'Crash node-2.', action: 'crash' as const, node: 'node-2' },
        goal: { metric: 'logouts', op: '==' as const, value: 0, window: { after: 'crash:node-2', forSec: 10 } },
        solution: { actions: ['20:crash:node-2'] },
        runSec: 40,
      },
    ],
  };
}
