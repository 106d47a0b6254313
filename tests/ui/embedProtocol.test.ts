import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmbedMessage, StatePoster, type OutgoingMessage } from '../../src/ui/embed/protocol';

const T = 'session-cluster-lab';

describe('embedding: messages from the host page', () => {
  it('obeys play, pause, seek, fault and link', () => {
    expect(parseEmbedMessage({ target: T, type: 'play' }, 2)).toEqual({ ok: true, command: { type: 'play' } });
    expect(parseEmbedMessage({ target: T, type: 'pause' }, 2)).toEqual({ ok: true, command: { type: 'pause' } });
    expect(parseEmbedMessage({ target: T, type: 'seek', t: 90 }, 2)).toEqual({ ok: true, command: { type: 'seek', t: 90 } });
    expect(parseEmbedMessage({ target: T, type: 'fault', action: 'crash', node: 'node-2' }, 2))
      .toEqual({ ok: true, command: { type: 'fault', action: { kind: 'crash', node: 'node-2' } } });
    expect(parseEmbedMessage({ target: T, type: 'fault', action: 'redis-down' }, 2))
      .toEqual({ ok: true, command: { type: 'fault', action: { kind: 'redis-down' } } });
    expect(parseEmbedMessage({ target: T, type: 'link', url: 'http://x/?run=abc' }, 2)).toEqual({ ok: true, command: { type: 'link', url: 'http://x/?run=abc' } });
  });

  it('leaves messages for others alone and warns about malformed ones', () => {
    expect(parseEmbedMessage({ type: 'play' }, 2)).toBeNull();
    expect(parseEmbedMessage('play', 2)).toBeNull();
    expect(parseEmbedMessage({ target: T, type: 'seek', t: -1 }, 2)).toMatchObject({ ok: false, warning: expect.stringMatching(/seek/) });
    expect(parseEmbedMessage({ target: T, type: 'fault', action: 'crash', node: 'node-3' }, 2)).toMatchObject({ ok: false, warning: expect.stringMatching(/node-1 … node-2/) });
    expect(parseEmbedMessage({ target: T, type: 'fault', action: 'rm -rf' }, 2)).toMatchObject({ ok: false });
    expect(parseEmbedMessage({ target: T, type: 'eval', code: 'alert(1)' }, 2)).toMatchObject({ ok: false, warning: expect.stringMatching(/unknown message type "eval"/) });
  });

  it('never throws, whatever is posted', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), fc.anything(), (type, a, b) => {
      const r = parseEmbedMessage({ target: T, type, t: a, action: a, node: b, url: b }, 3);
      expect(r === null || typeof r.ok === 'boolean').toBe(true);
    }), { numRuns: 1000 });
  });
});

describe('embedding: state messages to the host', () => {
  it('posts at most 5 times a second, and only when something changed', () => {
    const sent: OutgoingMessage[] = [];
    const p = new StatePoster((m) => sent.push(m));
    const s = { t: 1, playing: true, logouts: 0, requests: 10 };
    expect(p.offer(0, s)).toBe(true);
    expect(p.offer(100, { ...s, t: 2 })).toBe(false);
    expect(p.offer(200, { ...s, t: 2 })).toBe(true);
    expect(p.offer(500, { ...s, t: 2 })).toBe(false);
    for (let ms = 1000; ms < 2000; ms += 16) p.offer(ms, { ...s, t: ms });
    expect(sent.length).toBeLessThanOrEqual(2 + 5);
    expect(sent[0]).toEqual({ source: T, type: 'state', t: 1, playing: true, logouts: 0, requests: 10 });
  });
});
