import { describe, expect, it } from 'vitest';
import { buildSettings, stepScenario } from '../../src/lessons/scenario';
import type { FaultAction, SimSettings } from '../../src/sim/types';
import { DEFAULT_CONFIG, type UiConfig } from '../../src/ui/state/config';
import { lessonHost, type RunnerLike } from '../../src/ui/lessons/host';
import { doneCount, emptyProgress, loadProgress, markMet, PROGRESS_KEY, resumeStep, saveProgress, visit } from '../../src/ui/lessons/progress';
import { actionWords, askTarget, askWhere, solutionLines } from '../../src/ui/lessons/words';
import { loadLessonFiles } from '../../src/lessons/loadFiles';

/** The player's pure parts (its runes class needs the Svelte compiler and is exercised in the browser). */
class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
}

describe('progress in localStorage', () => {
  it('round-trips, and ignores what does not fit', () => {
    const s = new MemoryStorage();
    expect(loadProgress(s)).toEqual(emptyProgress());
    let p = visit(emptyProgress(), 'two-nodes', 1);
    p = markMet(p, 'two-nodes', 'add-a-node');
    p = markMet(p, 'two-nodes', 'add-a-node');
    saveProgress(s, p);
    expect(loadProgress(s)).toEqual({ lessons: { 'two-nodes': { step: 1, met: ['add-a-node'] } }, last: 'two-nodes' });
    s.setItem(PROGRESS_KEY, '{"lessons":{"x":{"step":"evil"}},"last":null}');
    expect(loadProgress(s)).toEqual(emptyProgress());
    s.setItem(PROGRESS_KEY, 'not json');
    expect(loadProgress(s)).toEqual(emptyProgress());
    expect(loadProgress(null)).toEqual(emptyProgress());
  });

  it('resumes where the student left, within the lesson', () => {
    const lesson = { id: 'l', steps: [{ id: 'a' }, { id: 'b' }] };
    expect(resumeStep(visit(emptyProgress(), 'l', 7), lesson)).toBe(1);
    expect(resumeStep(emptyProgress(), lesson)).toBe(0);
    expect(doneCount(markMet(emptyProgress(), 'l', 'b'), lesson)).toBe(1);
  });
});

describe('the solution and the ask in words', async () => {
  const { lessons } = await loadLessonFiles();
  const redis = lessons.find((l) => l.id === 'redis-sessions')!;

  it('a settings change is a visible diff from the step\'s start', () => {
    const start = buildSettings(stepScenario(redis, 0, false), 60, []);
    expect(solutionLines(redis.steps[0]!.solution, start)).toEqual([{ kind: 'setting', key: 'driver', name: 'SESSION_DRIVER', from: 'file', to: 'redis' }]);
    expect(askTarget(redis.steps[0]!.ask)).toBe('SESSION_DRIVER = redis');
  });

  it('failure-lab settings and faults read in the panel\'s words, and say where they are', () => {
    const memory = lessons.find((l) => l.id === 'redis-memory')!;
    const start = buildSettings(stepScenario(memory, 1, false), 60, []);
    expect(solutionLines(memory.steps[1]!.solution, start)).toEqual([{ kind: 'setting', key: 'redisPolicy', name: 'maxmemory-policy', from: 'allkeys-lru', to: 'noeviction' }]);
    const dedicated = buildSettings(stepScenario(memory, 3, false), 60, []);
    expect(solutionLines(memory.steps[3]!.solution, dedicated)).toEqual([{ kind: 'setting', key: 'dedicatedSessionRedis', name: 'dedicated session Redis', from: 'off', to: 'on' }]);
    expect(askWhere(memory.steps[0]!.ask)).toBe('Failure lab');
    expect(askWhere(redis.steps[0]!.ask)).toBeNull();
    expect(askTarget({ text: 'slow', action: 'redis-latency', ms: 200 })).toBe('Redis latency +200 ms');
    expect(askWhere({ text: 'slow', action: 'redis-latency', ms: 200 })).toBe('Failure lab');
    expect(askWhere({ text: 'crash', action: 'crash', node: 'node-2' })).toBeNull();
    expect(actionWords({ kind: 'deploy' })).toBe('rolling deploy');
    expect(actionWords({ kind: 'partition', node: 'node-2' })).toBe('partition node-2 from Redis');
    expect(actionWords({ kind: 'crash', node: 'node-2' })).toBe('crash node-2');
  });

  it('console lines hide the key placeholder', () => {
    expect(solutionLines(redis.steps[2]!.solution, null)).toEqual([{ kind: 'console', atSec: 30, line: 'TTL <a key matching laravel_database_laravel_cache_*>' }]);
  });
});

describe('lessonHost over the page runner', () => {
  function fakeRunner(withApply: boolean) {
    const calls: string[] = [];
    const r: RunnerLike = {
      view: null, sim: null, config: { ...DEFAULT_CONFIG }, loading: false,
      configure: (patch: Partial<UiConfig>) => void calls.push(`configure ${JSON.stringify(patch)}`),
      reset: () => void calls.push('reset'),
      fault: (a: FaultAction) => void calls.push(`fault ${a.kind}`),
      onFrame: () => () => {},
      play: () => void calls.push('play'),
    };
    if (withApply) r.applySettings = (s: SimSettings, what?: string) => void calls.push(`apply lifetime=${s.session.lifetimeMin} events=${s.events.length}${what ? ` (${what})` : ''}`);
    return { r, calls };
  }
  const settings = buildSettings({ nodes: 2, driver: 'redis', users: 30, lifetimeMin: 1 }, 60, [{ atSec: 60, action: { kind: 'redis-down' } }]);

  it('uses applySettings when the runner has it: everything applies', () => {
    const { r, calls } = fakeRunner(true);
    expect(lessonHost(r).load(settings)).toEqual([]);
    expect(calls).toEqual(['apply lifetime=1 events=1']);
  });

  it('says why the cluster restarts, so the feed does not read "settings changed (config files)"', () => {
    const { r, calls } = fakeRunner(true);
    lessonHost(r).load(settings, 'step 2 of “Redis” starts');
    expect(calls).toEqual(['apply lifetime=1 events=1 (step 2 of “Redis” starts)']);
  });

  it('falls back to configure() + reset(), naming what it could not apply', () => {
    const { r, calls } = fakeRunner(false);
    expect(lessonHost(r).load(settings)).toEqual(['SESSION_LIFETIME = 1 min']);
    expect(calls).toEqual([`configure ${JSON.stringify({ ...DEFAULT_CONFIG, nodes: 2, driver: 'redis', users: 30 })}`, 'reset']);
  });
});
