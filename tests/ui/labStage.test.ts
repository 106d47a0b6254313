/**
 * What the stage says about the failure lab's faults (pure wording), and the Redis column
 * split in two cards when sessions have their own Redis.
 */
import { describe, expect, it } from 'vitest';
import { memoryShort, nodeNote, redisNotes, redisStateWord, secondsUntil } from '../../src/ui/stage/stageWords';
import { overlaps, stageLayout, wirePoint } from '../../src/ui/stage/layout';

describe('Redis card words', () => {
  const base = { state: 'up' as const, up: true, blackhole: false, latencyMs: 0, promoteAt: null };

  it('says the worst thing that is true', () => {
    expect(redisStateWord(base).word).toBe('up');
    expect(redisStateWord({ ...base, latencyMs: 200 }).word).toBe('slow');
    expect(redisStateWord({ ...base, blackhole: true, latencyMs: 200 }).word).toBe('black hole');
    expect(redisStateWord({ ...base, up: false }).word).toBe('down');
    expect(redisStateWord({ ...base, state: 'failingOver', up: false }).word).toBe('failing over');
  });

  it('counts down to the promotion', () => {
    const notes = redisNotes({ ...base, state: 'failingOver', promoteAt: 32_000 }, 5_500);
    expect(notes).toEqual(['failing over — Sentinel promotes the replica in 27 s']);
    expect(secondsUntil(1000, 2000)).toBe(0);
    expect(redisNotes({ ...base, latencyMs: 200, blackhole: true }, 0)).toEqual(['black hole: calls hang (504 after 60 s)', '+200 ms on every command']);
    expect(redisNotes(base, 0)).toEqual([]);
  });

  it('writes memory short', () => {
    expect(memoryShort(840)).toBe('840B');
    expect(memoryShort(989_000)).toBe('966K');
    expect(memoryShort(2 * 1024 * 1024)).toBe('2M');
    expect(memoryShort(1.94 * 1024 * 1024)).toBe('1.9M');
  });
});

describe('node card note', () => {
  const n = { state: 'up' as const, skipped: false, partitioned: false, deploy: null };
  it('puts a partition first, then the deploy, then nginx', () => {
    expect(nodeNote(n)).toBe('');
    expect(nodeNote({ ...n, partitioned: true, deploy: 'current', state: 'draining' })).toBe('cut off from Redis');
    expect(nodeNote({ ...n, deploy: 'current', state: 'draining', skipped: true })).toBe('deploy: draining');
    expect(nodeNote({ ...n, deploy: 'current', state: 'booting' })).toBe('deploy: new release');
    expect(nodeNote({ ...n, deploy: 'pending' })).toBe('deploy: waiting');
    expect(nodeNote({ ...n, state: 'down' })).toBe('nginx has not noticed yet');
    expect(nodeNote({ ...n, skipped: true })).toBe('nginx skips it (max_fails)');
  });
});

describe('stageLayout with a dedicated session Redis', () => {
  for (const [w, h] of [[880, 400], [705, 330], [1300, 620], [640, 300]] as const) {
    for (const n of [1, 2, 5, 8]) {
      it(`${w}×${h}, ${n} node(s): two Redis cards, inside, no overlaps`, () => {
        const l = stageLayout(w, h, n, { cacheRedis: true });
        const cache = l.cache!;
        expect(cache).not.toBeNull();
        const cards = [l.crowd, l.balancer, ...l.nodes, l.redis, cache];
        for (const c of cards) {
          expect(c.x >= 0 && c.y >= 0 && c.x + c.w <= w && c.y + c.h <= h, JSON.stringify(c)).toBe(true);
        }
        for (let i = 0; i < cards.length; i++) {
          for (let j = i + 1; j < cards.length; j++) expect(overlaps(cards[i]!, cards[j]!), `${i} vs ${j}`).toBe(false);
        }
        expect(cache.y).toBeGreaterThan(l.redis.y + l.redis.h);
        expect(l.nodeToCache).toHaveLength(n);
        const p = wirePoint(l.nodeToCache[0]!, 1, { x: 0, y: 0 });
        expect(p).toEqual({ x: cache.x, y: cache.y + cache.h / 2 });
      });
    }
  }

  it('one Redis card without it', () => {
    const l = stageLayout(900, 420, 2);
    expect(l.cache).toBeNull();
    expect(l.nodeToCache).toEqual([]);
  });
});
