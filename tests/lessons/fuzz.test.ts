/**
 * Fuzz (fast-check): the lesson validator and the link decoders are total — any input gives a
 * result, never an exception past the validator — and each input is handled within a budget
 * generous enough for a loaded 2-core CI machine (the real cost is well under a millisecond).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBounds } from '../../src/lessons/bounds';
import { validateGoal } from '../../src/lessons/goal';
import { parseJsonText } from '../../src/lessons/jsonText';
import { formatLessonLink, missingStepNotice, parseLessonLink, withLessonLink } from '../../src/lessons/link';
import { linkKind, renderNarration } from '../../src/lessons/markdown';
import { validateLesson } from '../../src/lessons/validate';
import { fromQuery } from '../../src/ui/state/config';
import { withinBudget } from '../fuzz/budget';

/** Per-input budget (ms). */

/** The shared per-input guard: CPU time of this process, not the wall clock (a loaded machine cannot fail it). */
function timed<T>(f: () => T): T {
  return withinBudget('lesson input', f);
}

const base = () => ({
  id: 'fuzz', title: 'Fuzz', summary: 'S.', objectives: ['o'], start: { nodes: 2, driver: 'redis', users: 5 },
  steps: [{
    id: 'crash', title: 'Crash', narration: 'n', ask: { text: 'Crash node-2.', action: 'crash', node: 'node-2' },
    goal: { all: [{ metric: 'logouts', op: '==', value: 0, window: { after: 'crash:node-2', forSec: 10 } }, { metric: 'redis.calls.get', op: '>=', value: 1 }] },
    solution: { actions: ['20:crash:node-2'] }, runSec: 40,
  }],
});

/** Keys a lesson uses (and some that are dangerous as plain-object keys). */
const KEY = fc.constantFrom('id', 'title', 'steps', 'goal', 'all', 'any', 'metric', 'op', 'value', 'window', 'after', 'forSec', 'fromSec', 'per', 'label',
  'ask', 'setting', 'to', 'action', 'node', 'solution', 'settings', 'actions', 'console', 'events', 'start', 'balancer', 'quiz', 'choices', 'runSec',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'redis.calls.constructor', 'perNode.node-99');
const VALUE = fc.oneof(
  fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }),
  fc.constantFrom('redis.calls.constructor', 'redis.calls.__proto__', 'perNode.node-0', 'least_conn', '30:redis-failover', 'crash:node-2', '\u001b]0;x\u0007', NaN, Infinity, -0, 1e308),
);

/** Set `value` at a random path inside `obj` (creating objects on the way). */
function mutate(obj: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const o = typeof obj === 'object' && obj !== null ? (Array.isArray(obj) ? [...obj] : { ...obj }) : {};
  const [k, ...rest] = path;
  const cur = Object.hasOwn(o, k!) ? (o as Record<string, unknown>)[k!] : undefined;
  Object.defineProperty(o, k!, { value: mutate(cur, rest, value), enumerable: true, writable: true, configurable: true });
  return o;
}

// The budget is per input in steady state: each function's first call (module set-up, lazy
// compilation: 300 ms once on a loaded machine) is made here, untimed.
beforeAll(() => {
  validateLesson(base(), 'warm.json');
  validateGoal({ any: [{ metric: 'logouts', op: '==', value: 0 }] });
  checkBounds(base());
  parseJsonText('{"a": [1, 2');
  parseLessonLink('?lesson=x&step=2', []);
  withLessonLink('?a=1', '?lesson=x&step=1');
  fromQuery(new URLSearchParams('?nodes=2'));
  renderNarration('[x](https://a.example) ![y](/b) *z*');
});

describe('the lesson validator is total', () => {
  it('arbitrary values', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), (v) => {
      const r = timed(() => validateLesson(v, 'fuzz.json'));
      expect('errors' in r ? r.errors.length > 0 : r.lesson.id).toBeTruthy();
    }), { numRuns: 400 });
  });

  it('a valid lesson with one field replaced anywhere', () => {
    const path = fc.array(fc.oneof(KEY, fc.constantFrom('0', '1')), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(path, VALUE, (p, v) => {
      const r = timed(() => validateLesson(mutate(base(), ['steps', '0', ...p], v), 'fuzz.json'));
      if ('errors' in r) for (const e of r.errors) expect(e).toMatch(/^fuzz\.json: /);
    }), { numRuns: 600 });
  });

  it('goals: random trees, deep or wide', () => {
    const leaf = fc.record({ metric: fc.oneof(fc.string(), fc.constantFrom('logouts', 'redis.calls.constructor', 'requests')), op: fc.oneof(fc.string(), fc.constantFrom('==', '<')), value: VALUE });
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, fc.record({ all: fc.array(tie('tree'), { maxLength: 25 }) }), fc.record({ any: fc.array(tie('tree'), { maxLength: 25 }) })),
    }));
    fc.assert(fc.property(tree, (g) => {
      timed(() => validateGoal(g));
      timed(() => validateLesson(mutate(base(), ['steps', '0', 'goal'], g), 'fuzz.json'));
    }), { numRuns: 150 });
  });

  it('size bounds: huge lists, long strings and deep nesting are refused fast', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 300_000 }), (depth, width, length) => {
      let deep: unknown = 'x'.repeat(length);
      for (let i = 0; i < depth; i++) deep = [deep];
      const input = mutate(base(), ['steps', '0', 'hints'], Array.from({ length: width }, () => deep));
      timed(() => checkBounds(input));
      const r = timed(() => validateLesson(input, 'fuzz.json'));
      if (width > 20_000 || (width > 0 && (depth > 20 || length > 20_000))) expect('errors' in r).toBe(true);
    }), { numRuns: 20 });
  });

  it('lesson JSON text: a value or an error with line and column', () => {
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 3))), fc.json());
    fc.assert(fc.property(text, (t) => {
      const r = timed(() => parseJsonText(t));
      if ('error' in r) expect(r.error.message.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });
});

describe('link and URL parameter decoders are total', () => {
  const lessons = [{ id: 'two-nodes', steps: [{ id: 'add-a-node' }, { id: 'more-nodes' }] }, { id: 'constructor', steps: [{ id: 'x' }] }];
  const query = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.dictionary(fc.constantFrom('lesson', 'step', 'sandbox', 'seed', 'nodes', 'users', 'driver', 'balancer', 'clients', 'speed', 'paused', '__proto__'), fc.string({ maxLength: 40 }))
      .map((d) => `?${new URLSearchParams(d).toString()}`),
  );

  it('?lesson=&step=: a link, a fallback with its reason, never an exception', () => {
    fc.assert(fc.property(query, (q) => {
      const link = timed(() => parseLessonLink(q, lessons));
      if (link.kind === 'lesson') {
        const lesson = lessons.find((l) => l.id === link.lessonId)!;
        if (link.step !== null) expect(link.step).toBeGreaterThanOrEqual(0);
        if (link.step !== null) expect(link.step).toBeLessThan(lesson.steps.length);
        // eslint-disable-next-line no-control-regex
        if (link.badStep !== undefined) expect(missingStepNotice(lesson.id, link.badStep, lesson.steps.length, 0)).not.toMatch(/[\u0000-\u001f]/);
      }
      const next = timed(() => withLessonLink(q, formatLessonLink({ lessonId: 'two-nodes', stepIndex: 1 })));
      expect(parseLessonLink(next, lessons)).toMatchObject({ kind: 'lesson', lessonId: 'two-nodes', step: 1 });
    }), { numRuns: 1000 });
  });

  it("the page's settings from the query: valid values or problems, never an exception", () => {
    fc.assert(fc.property(query, (q) => {
      const r = timed(() => fromQuery(new URLSearchParams(q)));
      expect(Number.isInteger(r.config.nodes)).toBe(true);
      for (const p of r.problems) expect(p.length).toBeLessThan(300);
    }), { numRuns: 1000 });
  });

  it('narration links: whatever a lesson writes, a link is http(s) to a host or stays on the site', () => {
    const href = fc.oneof(fc.string({ maxLength: 60 }), fc.webUrl(), fc.constantFrom('/\\', '//', 'https:', 'javascript:', '\\\\', '/\t/', '&#x5C;').chain((p) => fc.string({ maxLength: 20 }).map((s) => p + s)));
    fc.assert(fc.property(href, (h) => {
      const kind = linkKind(h);
      if (kind !== null) {
        const url = new URL(h, 'https://lab.example/app/');
        if (kind === 'internal') expect(url.host).toBe('lab.example');
        else expect(url.protocol).toMatch(/^https?:$/);
      }
      timed(() => renderNarration(`[x](${h}) ![y](${h}) [z][r]\n\n[r]: ${h}`));
    }), { numRuns: 1000 });
  });
});
