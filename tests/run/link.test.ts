import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeRunPayload, encodeRunPayload, runLinkUrl, type RunAt } from '../../src/run/link';
import { parseRunFile, runFileText } from '../../src/run/runFile';
import type { Intervention } from '../../src/run/schema';
import { defaultBalancer, defaultNode, defaultSettings } from '../../src/sim/settings';
import { BALANCER_STRATEGIES, CLIENT_POPULATIONS, EVICTION_POLICIES, SESSION_DRIVERS } from '../../src/sim/types';

const runArb: fc.Arbitrary<RunAt> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  nodes: fc.integer({ min: 1, max: 8 }),
  users: fc.integer({ min: 0, max: 10_000 }),
  driver: fc.constantFrom(...SESSION_DRIVERS),
  balancer: fc.constantFrom(...BALANCER_STRATEGIES),
  clients: fc.constantFrom(...CLIENT_POPULATIONS),
  policy: fc.constantFrom(...EVICTION_POLICIES),
  lifetimeMin: fc.integer({ min: 1, max: 525_600 }),
  appName: fc.string({ maxLength: 40 }),
  times: fc.array(fc.integer({ min: 0, max: 3_600_000 }), { maxLength: 30 }),
  lines: fc.array(fc.string({ minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 5 }),
  atMs: fc.integer({ min: 0, max: 3_600_000 }),
}).map((r) => {
  const s = defaultSettings();
  s.seed = r.seed;
  s.users = r.users;
  s.clients = r.clients;
  s.nodes = Array.from({ length: r.nodes }, (_, i) => defaultNode(i + 1));
  s.balancer = defaultBalancer(r.balancer);
  s.session.driver = r.driver;
  s.session.lifetimeMin = r.lifetimeMin;
  s.session.appName = r.appName;
  s.redis.policy = r.policy;
  const interventions: Intervention[] = [...r.times].sort((a, b) => a - b).map((t, i): Intervention =>
    i % 3 === 0 ? { kind: 'fault', t, action: { kind: 'crash', node: `node-${1 + (i % r.nodes)}` } }
      : i % 3 === 1 ? { kind: 'users', t, n: i } : { kind: 'redis-cli', t, line: r.lines[i % r.lines.length]! });
  return { run: { settings: s, interventions }, atMs: r.atMs };
});

describe('run links', () => {
  it('round trip: decode(encode(run)) is the run, with nothing ignored', () => {
    fc.assert(fc.property(runArb, (r) => {
      const d = decodeRunPayload(encodeRunPayload(r));
      expect(d).toEqual({ ok: true, value: { ...r, ignored: [] } });
    }), { numRuns: 200 });
  });

  it('is compact: a run with a crash, a restart and edited settings fits a short URL', () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    s.balancer = defaultBalancer('cookie');
    const url = runLinkUrl('http://localhost:5173/', { run: { settings: s, interventions: [
      { kind: 'fault', t: 61_000, action: { kind: 'crash', node: 'node-2' } },
      { kind: 'fault', t: 90_000, action: { kind: 'restart', node: 'node-2' } },
    ] }, atMs: 120_000 });
    expect(url.startsWith('http://localhost:5173/?run=')).toBe(true);
    expect(url.length).toBeLessThan(250);
  });

  it('a tampered link opens what it can and says what was ignored', () => {
    const s = defaultSettings() as unknown as Record<string, unknown>;
    (s.session as Record<string, unknown>).lifetimeMin = -5;
    s.users = 'lots';
    const json = { v: 1, at: 30_000, s, i: [
      { kind: 'fault', t: 1000, action: { kind: 'crash', node: 'node-2' } },
      { kind: 'fault', t: 2000, action: { kind: 'explode' } },
      { kind: 'fault', t: 3000, action: { kind: 'crash', node: 'node-7' } },
      { kind: 'eval', t: 4000, code: 'alert(1)' },
    ] };
    const payload = Buffer.from(deflateSync(strToU8(JSON.stringify(json)))).toString('base64url');
    const d = decodeRunPayload(payload);
    if (!d.ok) throw new Error(d.error);
    expect(d.value.run.settings.session.lifetimeMin).toBe(120);
    expect(d.value.run.settings.users).toBe(100);
    expect(d.value.run.interventions).toEqual([{ kind: 'fault', t: 1000, action: { kind: 'crash', node: 'node-2' } }]);
    expect(d.value.atMs).toBe(30_000);
    const text = d.value.ignored.join('\n');
    expect(text).toMatch(/settings\.session\.lifetimeMin/);
    expect(text).toMatch(/settings\.users/);
    expect(text).toMatch(/interventions\.1/);
    expect(text).toMatch(/interventions\.2: the cluster has no node-7/);
    expect(text).toMatch(/interventions\.3/);
  });

  it('a link from a newer version opens with a note', () => {
    const payload = Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 9, at: 0, s: defaultSettings(), i: [], future: { x: 1 } })))).toString('base64url');
    const d = decodeRunPayload(payload);
    expect(d.ok && d.value.ignored).toEqual([expect.stringMatching(/newer version/), 'future: not known to this version (ignored)']);
  });

  it('random text and random bytes never throw and never pass as a run', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      const d = decodeRunPayload(s);
      if (d.ok) expect(d.value.run.settings).toBeDefined();
      else expect(d.error).toMatch(/link/);
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const d = decodeRunPayload(Buffer.from(bytes).toString('base64url'));
      expect(typeof d.ok).toBe('boolean');
    }), { numRuns: 500 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      const d = decodeRunPayload(Buffer.from(deflateSync(bytes)).toString('base64url'));
      expect(typeof d.ok).toBe('boolean');
    }), { numRuns: 300 });
  });

  it('a decompression bomb is refused', () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(8_000_000), { level: 9 })).toString('base64url');
    expect(bomb.length).toBeLessThan(16_384);
    const d = decodeRunPayload(bomb);
    expect(d).toEqual({ ok: false, error: 'the run in the link is too large' });
  });

  it('refuses characters a link never has, and overlong links', () => {
    expect(decodeRunPayload('abc$def')).toMatchObject({ ok: false, error: expect.stringMatching(/characters/) });
    expect(decodeRunPayload('a'.repeat(20_000))).toMatchObject({ ok: false, error: expect.stringMatching(/20000 characters/) });
  });
});

describe('run files', () => {
  it('round trip', () => {
    fc.assert(fc.property(runArb, (r) => {
      expect(parseRunFile(runFileText(r), 'run.json')).toEqual({ ok: true, value: { ...r, ignored: [] } });
    }), { numRuns: 100 });
  });

  it('a syntax error is reported with line and column', () => {
    const text = '{\n  "format": "session-cluster-lab/run",\n  "v": 1,\n  "at": 0,,\n}';
    const r = parseRunFile(text, 'run.json');
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^run\.json: not a run file: .* at line 4, column \d+$/) });
  });

  it('another JSON file is named as not a run file', () => {
    expect(parseRunFile('{"name": "package"}', 'package.json')).toEqual({ ok: false, error: 'package.json: not a run file (expected "format": "session-cluster-lab/run")' });
  });

  it('random bytes never throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (s) => {
      expect(typeof parseRunFile(s, 'x.json').ok).toBe('boolean');
    }), { numRuns: 500 });
  });
});
