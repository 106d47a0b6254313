import { describe, expect, it } from 'vitest';
import { caption, headline } from '../../src/ui/describe';
import { DEFAULT_CONFIG, settingsFor } from '../../src/ui/state/config';
import { FeedDigest, type DigestUser } from '../../src/ui/feed/digest';
import { countdownWords, quizVerdict } from '../../src/ui/lessons/words';
import { loadLessonFiles } from '../../src/lessons/loadFiles';
import type { SimSettings } from '../../src/sim/types';

/** The words a student reads around a lesson: they must agree with the lesson and with the counters. */
describe('the header follows the lesson and the counters', () => {
  const oneNode = settingsFor({ ...DEFAULT_CONFIG, nodes: 1 });
  const redis = settingsFor({ ...DEFAULT_CONFIG, driver: 'redis' });

  it('suggests nothing of its own while a lesson says what to do', () => {
    expect(caption(oneNode)).toMatch(/Add a second node/);
    expect(caption(oneNode, { inLesson: true })).not.toMatch(/Add a second node|try|watch/i);
    expect(caption(redis, { inLesson: true })).not.toMatch(/try taking it down/);
  });

  it('never says "nobody is logged out" next to logouts', () => {
    expect(caption(redis, { logouts: 0 })).toMatch(/nobody is logged out/);
    const with42 = caption(redis, { logouts: 42 });
    expect(with42).not.toMatch(/nobody is logged out/);
    expect(with42).toMatch(/42 logouts so far/);
    expect(caption(oneNode, { logouts: 1 })).not.toMatch(/nobody is logged out/);
    expect(caption(oneNode, { logouts: 1 })).toMatch(/1 logout so far/);
  });

  it('says where sessions live: a dedicated session Redis is not "one shared Redis"', () => {
    const dedicated: SimSettings = { ...redis, redis: { ...redis.redis, cacheLoad: 'heavy', dedicatedSessionRedis: true } };
    expect(headline(dedicated)).not.toMatch(/one shared Redis/);
    expect(headline(dedicated)).toMatch(/Redis of their own/);
    const shared: SimSettings = { ...redis, redis: { ...redis.redis, cacheLoad: 'heavy' } };
    expect(headline(shared)).toMatch(/same Redis as the cache/);
    expect(headline(redis)).toMatch(/one shared Redis/);
  });
});

describe('quiz feedback and countdowns', async () => {
  const { lessons } = await loadLessonFiles();

  it('never says "Right. Right:" — an explanation that opens with its verdict gets no second one', () => {
    expect(quizVerdict(true, 'Right: on that server.')).toBeNull();
    expect(quizVerdict(true, 'Redis runs commands one at a time.')).toBe('Right.');
    expect(quizVerdict(false, 'The cookie holds only the id.')).toBe('Not quite.');
    for (const l of lessons) {
      for (const s of l.steps) {
        for (const c of s.quiz?.choices ?? []) {
          const shown = `${quizVerdict(c.correct, c.explanation) ?? ''} ${c.explanation}`;
          expect(shown, `${l.id}/${s.id}`).not.toMatch(/^\s*(Right|Not quite)\.\s+(Right|Correct|Not quite|No|Wrong)\b/i);
        }
      }
    }
  });

  it('words a scripted fault as a countdown', () => {
    expect(countdownWords({ kind: 'redis-down' }, 12)).toBe('Redis goes down in 12 s');
    expect(countdownWords({ kind: 'crash', node: 'node-2' }, 0.4)).toBe('node-2 crashes in 1 s');
  });

  it('no lesson text doubles a word ("and and")', () => {
    for (const l of lessons) {
      const text = JSON.stringify(l);
      expect(text.match(/\b(and|the|a|to|is|of|in|it)\s+\1\b/gi), l.id).toBeNull();
    }
  });
});

describe('the feed sums up logouts and address changes', () => {
  const users = (ips: string[]): DigestUser[] => ips.map((ip, i) => ({ id: i + 1, ip, kind: 'mobile' }));

  /** Closed seconds with these logouts each. */
  const seconds = (logouts: number[]) => logouts.map((n) => ({ logouts: n }));

  it('one line per 5 virtual seconds, not one per logout', () => {
    const d = new FeedDigest();
    const series = seconds([3, 4, 0, 0, 7, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    d.reset(0, users(['a', 'b']));
    expect(d.update(4000, series.slice(0, 4), () => users(['a', 'b']))).toEqual([]);
    expect(d.update(5000, series.slice(0, 5), () => users(['a', 'b']))).toEqual([{ t: 5000, kind: 'warning', text: '14 users logged out in the last 5 s (✕ in the crowd)' }]);
    expect(d.update(10_000, series.slice(0, 10), () => users(['a', 'b']))).toEqual([]);
    expect(d.update(15_000, series, () => users(['a', 'b']))[0]!.text).toBe('1 user logged out in the last 5 s (✕ in the crowd)');
  });

  it('a simulation first seen mid-run (restored from a checkpoint) gets the lines of its past at once, as a replay from 0 does', () => {
    const series = seconds([3, 4, 0, 0, 7, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2]);
    const replayed = new FeedDigest();
    replayed.reset(0, users(['a']));
    const lines = [0, 5, 10, 15, 16].flatMap((s) => replayed.update(s * 1000, series.slice(0, s), () => users(['a'])));
    const restored = new FeedDigest();
    restored.reset(16_000, users(['a']));
    expect(restored.update(16_000, series, () => users(['a']))).toEqual(lines);
    expect(lines.map((l) => l.t)).toEqual([5000, 15_000]);
  });

  it('names the phones whose address changed, and what ip_hash does with it', () => {
    const d = new FeedDigest();
    d.reset(0, users(['100.64.0.1', '100.64.0.2']));
    const [line] = d.update(6000, seconds([0, 0, 0, 0, 0, 0]), () => users(['100.64.0.1', '100.99.7.7']), true);
    expect(line!.kind).toBe('info');
    expect(line!.text).toBe('A phone changed network: its address changed in the last 6 s (user 2: 100.64.0.2 → 100.99.7.7) — ip_hash may now send them to a node without their session');
  });

  it('starts over when the clock goes back (a restart)', () => {
    const d = new FeedDigest();
    d.reset(0, users(['a']));
    expect(d.update(9000, seconds([0, 0, 3, 0, 0, 0, 0, 0, 0]), () => users(['a']))).toHaveLength(1);
    expect(d.update(1000, seconds([0]), () => users(['a']))).toEqual([]);
    expect(d.update(6000, seconds([0, 0, 0, 2, 0, 0]), () => users(['a']))[0]!.text).toMatch(/^2 users logged out in the last 5 s/);
  });
});
