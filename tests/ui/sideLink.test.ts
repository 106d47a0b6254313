/**
 * The side-by-side link parameter (`?side=driver:redis`): what it opens with the other link
 * parameters, what a malformed or tampered value is told, and that the links the view writes
 * open the same view again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRunPayload } from '../../src/run/link';
import { defaultSettings } from '../../src/sim/settings';
import { SEED_TABLE, LARAVEL12_TABLE } from '../../src/sim/compare';
import { BALANCER_STRATEGIES, CLIENT_POPULATIONS, DB_CONNECTIONS, SESSION_DRIVERS } from '../../src/sim/types';
import { fromQuery, settingsFor, DEFAULT_CONFIG } from '../../src/ui/state/config';
import { applyChange, sideWords, changedKeys, type SideChange } from '../../src/ui/side/sideChange';
import { formatSide, parseSide, MAX_SIDE_CHARS } from '../../src/ui/side/sideLink';
import { buildRequest, compareSideLabels, sideFromCompare, sideFromUrl, sideLabels, sideSearch } from '../../src/ui/side/sideRequest';
import { sideAskedFor } from '../../src/ui/side/sideParam';

const open = (search: string) => sideFromUrl(search, fromQuery(new URLSearchParams(search)));

describe('parseSide', () => {
  it('reads each setting side by side can change', () => {
    expect(parseSide('driver:redis')).toEqual({ change: { driver: 'redis' }, problems: [] });
    expect(parseSide('balancer:cookie')).toEqual({ change: { balancer: 'cookie' }, problems: [] });
    expect(parseSide('driver:database,db:mysql')).toEqual({ change: { driver: 'database', db: 'mysql' }, problems: [] });
    expect(parseSide('nodes:3, clients:office-nat')).toEqual({ change: { nodes: 3, clients: 'office-nat' }, problems: [] });
  });

  it('names a malformed value and ignores only it', () => {
    const r = parseSide('driver:xyz,balancer:cookie');
    expect(r.change).toEqual({ balancer: 'cookie' });
    expect(r.problems).toEqual(['link: side: driver:"xyz" is not one of file, redis, cookie, array, database (ignored)']);
    expect(parseSide('nodes:9').problems[0]).toBe('link: side: nodes:"9" is not a whole number from 1 to 8 (ignored)');
    expect(parseSide('nodes:2.5').change).toEqual({});
    expect(parseSide('driver').problems[0]).toMatch(/"driver" is not KEY:VALUE such as driver:redis/);
    expect(parseSide('').problems[0]).toMatch(/empty; expected KEY:VALUE/);
    expect(parseSide('foo:1').problems[0]).toMatch(/"foo" is not a setting side by side can change \(one of driver, db, balancer, nodes, clients/);
    expect(parseSide('driver:redis,driver:file')).toEqual({ change: { driver: 'redis' }, problems: ['link: side: driver given twice; the first (redis) is used'] });
  });

  it('never lets the sides differ in seed or users', () => {
    expect(parseSide('seed:2')).toEqual({ change: {}, problems: [expect.stringMatching(/seed cannot differ between the sides/)] });
    expect(parseSide('users:50').problems[0]).toMatch(/users cannot differ between the sides: both run the same people/);
  });

  it('is tamper-proof: prototype keys, control characters, huge values', () => {
    for (const raw of ['__proto__:x', 'constructor:1', 'prototype:driver', 'driver:__proto__', 'toString:x']) {
      const r = parseSide(raw);
      expect(r.change).toEqual({});
      expect(Object.getPrototypeOf(r.change)).toBe(Object.prototype);
      expect(r.problems).toHaveLength(1);
    }
    const ctl = parseSide('driver:\u001b]0;pwned\u0007');
    expect(ctl.problems[0]).toContain('\\u001b]0;pwned\\u0007');
    expect(ctl.problems[0]).not.toContain('\u001b');
    expect(parseSide('driver:redis,'.repeat(20)).problems[0]).toMatch(new RegExp(`at most ${MAX_SIDE_CHARS} are read`));
  });

  it('round-trips every change it can hold', () => {
    const change = fc.record({
      driver: fc.constantFrom(...SESSION_DRIVERS), db: fc.constantFrom(...DB_CONNECTIONS), balancer: fc.constantFrom(...BALANCER_STRATEGIES),
      nodes: fc.integer({ min: 1, max: 8 }), clients: fc.constantFrom(...CLIENT_POPULATIONS),
    }, { requiredKeys: [] });
    fc.assert(fc.property(change, (c) => {
      const text = formatSide(c as SideChange);
      if (text === '') return;
      expect(parseSide(text)).toEqual({ change: c, problems: [] });
    }));
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (raw) => {
      const r = parseSide(raw);
      expect(Array.isArray(r.problems)).toBe(true);
    }));
  });
});

describe('sideFromUrl: the link opens the view', () => {
  it('combines with the other link parameters, which describe the left side', () => {
    const { request, problems } = open('?seed=7&users=200&side=driver:redis&paused&speed=10&present');
    expect(problems).toEqual([]);
    expect(request!.base.settings.seed).toBe(7);
    expect(request!.base.settings.users).toBe(200);
    expect(request!.change).toEqual({ driver: 'redis' });
    expect(request!.autoplay).toBe(false);
    expect(request!.speed).toBe(10);
    expect(sideLabels(request!)).toEqual({ left: 'SESSION_DRIVER=file', right: 'SESSION_DRIVER=redis' });
  });

  it('no side= opens nothing and says nothing', () => {
    expect(open('?driver=redis')).toEqual({ request: null, problems: [] });
  });

  it('a change to what the left side runs already is no comparison, and says so', () => {
    const r = open('?driver=redis&side=driver:redis');
    expect(r.request).toBeNull();
    expect(r.problems).toEqual(['link: side by side not opened: nothing differs between the two sides (driver:redis is what the left side runs already)']);
  });

  it('a malformed side= opens nothing and names what was ignored', () => {
    const r = open('?side=driver:mongodb');
    expect(r.request).toBeNull();
    expect(r.problems).toEqual([
      'link: side: driver:"mongodb" is not one of file, redis, cookie, array, database (ignored)',
      'link: side by side not opened: side= names no setting it can change',
    ]);
  });

  it("keeps the usable part and carries the other parameters' problems into the view", () => {
    const r = open('?driver=xyz&side=driver:redis,nodes:99');
    expect(r.request!.change).toEqual({ driver: 'redis' });
    expect(r.request!.notices).toEqual([
      'link: driver=xyz is not one of file, redis, cookie, array, database; using file',
      'link: side: nodes:"99" is not a whole number from 1 to 8 (ignored)',
    ]);
  });

  it('a db: without the database driver is named, not applied', () => {
    const r = open('?side=balancer:ip-hash,db:mysql');
    expect(r.request!.change).toEqual({ balancer: 'ip-hash' });
    expect(r.request!.notices).toEqual(['link: side: db:mysql only matters with driver:database (ignored)']);
  });

  it("on a run link, the run is the left side: its interventions, opened paused at its moment", () => {
    const s = defaultSettings();
    s.seed = 4;
    const run = { settings: s, interventions: [{ kind: 'fault' as const, t: 30_000, action: { kind: 'crash' as const, node: 'node-2' } }] };
    const r = open(`?run=${encodeRunPayload({ run, atMs: 45_000 })}&side=balancer:cookie`);
    expect(r.request!.base.interventions).toEqual(run.interventions);
    expect(r.request!.base.settings.seed).toBe(4);
    expect(r.request!.atMs).toBe(45_000);
    expect(r.request!.autoplay).toBe(false);
  });

  it('an embedded lab does not open it, and says so', () => {
    const search = '?embed&side=driver:redis';
    expect(sideFromUrl(search, fromQuery(new URLSearchParams(search)), { embedded: true })).toEqual({
      request: null, problems: ['link: side by side is not available in an embedded lab (side= ignored)'],
    });
  });

  it('a tampered run link does not open side by side (the page says why)', () => {
    const r = open('?run=AAAA!!&side=driver:redis');
    expect(r.request).toBeNull();
    expect(r.problems).toContain('link: side by side not opened: the run in the link could not be read');
  });

  it('a right side the simulator cannot run is refused with the reason', () => {
    const s = defaultSettings();
    s.nodes = s.nodes.map((n) => ({ ...n, weight: 900 }));
    const b = buildRequest({ settings: s, interventions: [] }, { balancer: 'hash-cookie' });
    expect(b.request).toBeUndefined();
    expect(b.problem).toMatch(/^side by side not opened: the right side \(balancer:hash-cookie\) cannot run: node-2: the simulator's "hash … consistent" ring/);
  });
});

describe('sideAskedFor: the page loads the reader only for a side= link', () => {
  const asked = (search: string, embedded = false) => sideAskedFor(search, fromQuery(new URLSearchParams(search)), { embedded });

  it('without side= there is nothing to open and nothing to say', async () => {
    expect(await asked('?seed=3&users=200&paused')).toEqual({ request: null, problems: [] });
    expect(await asked('?run=AAAA!!')).toEqual({ request: null, problems: [] });
  });

  it('with side= it answers what sideFromUrl answers: the view, or why not', async () => {
    for (const search of ['?seed=7&users=200&side=driver:redis', '?paused&side=driver:mongodb,seed:2', '?run=AAAA!!&side=driver:redis', '?side=']) {
      expect(await asked(search)).toEqual(open(search));
    }
    expect((await asked('?side=balancer:cookie')).request?.change).toEqual({ balancer: 'cookie' });
    expect(await asked('?embed&side=driver:redis', true)).toEqual({
      request: null, problems: ['link: side by side is not available in an embedded lab (side= ignored)'],
    });
  });
});

describe('the links the view writes', () => {
  it('a plain set-up gives a short link that opens the same view', () => {
    const { request } = open('?seed=3&nodes=3&side=driver:redis');
    const search = sideSearch(request!.base, 0, request!.change, { flags: ['present'] });
    expect(search).toBe('?seed=3&nodes=3&side=driver:redis&present');
    const again = open(search).request!;
    expect(again.base).toEqual(request!.base);
    expect(again.change).toEqual(request!.change);
  });

  it('faults and a moment make a run link, which opens the same view at that moment', () => {
    const { request } = open('?side=driver:redis');
    const run = { settings: request!.base.settings, interventions: [{ kind: 'fault' as const, t: 12_345, action: { kind: 'crash' as const, node: 'node-2' } }] };
    const search = sideSearch(run, 20_000, request!.change, { speed: 10 });
    expect(search).toMatch(/^\?run=[A-Za-z0-9_-]+&speed=10&side=driver:redis$/);
    const again = open(search).request!;
    expect(again.base).toEqual(run);
    expect(again.atMs).toBe(20_000);
    expect(again.speed).toBe(10);
    expect(again.change).toEqual({ driver: 'redis' });
  });
});

describe('Show side by side from a compare row', () => {
  it("is the set-up running now against the row's, with the table's faults", () => {
    const base = settingsFor(DEFAULT_CONFIG);
    base.events = [{ atSec: 150, action: { kind: 'crash', node: 'node-2' } }];
    const [file, redis, sticky, both] = SEED_TABLE;
    expect(sideFromCompare(base, file!)).toBeNull(); // the row running now: nothing would differ
    const r = sideFromCompare(base, redis!)!;
    expect(r.change).toEqual({ driver: 'redis' });
    expect(r.base.settings.events).toEqual(base.events);
    expect(sideLabels(sideFromCompare(base, sticky!)!)).toEqual({ left: 'nginx: round robin', right: 'nginx: sticky cookie srv_id' });
    expect(sideLabels(sideFromCompare(base, both!)!)).toEqual({ left: 'SESSION_DRIVER=file · nginx: round robin', right: 'SESSION_DRIVER=redis · nginx: sticky cookie srv_id' });
    const mysql = LARAVEL12_TABLE.find((s) => s.dbConnection === 'mysql')!;
    expect(sideLabels(sideFromCompare(base, mysql)!)).toEqual({ left: 'SESSION_DRIVER=file', right: 'SESSION_DRIVER=database · DB_CONNECTION=mysql' });
  });

  it("says what the row's request would, without building it (the buttons the compare view opens with)", () => {
    fc.assert(fc.property(
      fc.constantFrom(...SESSION_DRIVERS), fc.constantFrom(...BALANCER_STRATEGIES), fc.constantFrom(...DB_CONNECTIONS),
      fc.constantFrom('nginx' as const, 'haproxy' as const), fc.integer({ min: 1, max: 4 }), fc.constantFrom(...CLIENT_POPULATIONS),
      (driver, strategy, db, flavor, nodes, clients) => {
        const base = settingsFor({ ...DEFAULT_CONFIG, driver, strategy, nodes, clients });
        base.balancer = { ...base.balancer, flavor };
        if (driver === 'database') base.session = { ...base.session, dbConnection: db };
        for (const setup of LARAVEL12_TABLE) {
          const request = sideFromCompare(base, setup);
          // Null on the row running now, and only there; the same labels the opened view shows.
          expect(compareSideLabels(base, setup)).toEqual(request ? sideLabels(request) : null);
        }
        expect(LARAVEL12_TABLE.filter((setup) => compareSideLabels(base, setup) === null).length).toBeLessThanOrEqual(1);
      },
    ), { numRuns: 60 });
  });

  it('changes exactly the named settings, as the controls would', () => {
    const base = settingsFor({ ...DEFAULT_CONFIG, users: 300 });
    const right = applyChange(base, { driver: 'redis', nodes: 4 });
    expect(right.session.driver).toBe('redis');
    expect(right.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect({ ...right, session: base.session, nodes: base.nodes }).toEqual(base);
    expect(sideWords(right, changedKeys({ driver: 'redis', nodes: 4 }))).toBe('SESSION_DRIVER=redis · 4 nodes');
  });
});
