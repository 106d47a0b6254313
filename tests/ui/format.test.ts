import { describe, expect, it } from 'vitest';
import { ago, bytes, clock, compact, count, ellipsize, parseCount } from '../../src/ui/format';
import { caption, directive, headline } from '../../src/ui/describe';
import { defaultBalancer } from '../../src/sim/settings';
import { DEFAULT_CONFIG, describeChange, fromQuery, needsReset, settingsFor } from '../../src/ui/state/config';
import { isTypingTarget } from '../../src/ui/keys';

describe('format', () => {
  it('shows virtual time as a wall clock from 09:00:00', () => {
    expect(clock(0)).toBe('09:00:00');
    expect(clock(244_999)).toBe('09:04:04');
    expect(clock(3 * 3600_000 + 1000)).toBe('12:00:01');
  });

  it('counts with separators that parse back', () => {
    expect(count(0)).toBe('0');
    expect(count(1234567)).toBe('1,234,567');
    expect(parseCount(count(98765))).toBe(98765);
  });

  it('shortens numbers, sizes, ages and ids', () => {
    expect(compact(950)).toBe('950');
    expect(compact(1234)).toBe('1.2k');
    expect(compact(56_000)).toBe('56k');
    expect(bytes(840)).toBe('840B');
    expect(bytes(2048)).toBe('2.0K');
    expect(bytes(1.5 * 1024 * 1024)).toBe('1.50M');
    expect(ago(12_000)).toBe('12 s ago');
    expect(ago(600_000)).toBe('10 min ago');
    const id = 'a'.repeat(20) + 'b'.repeat(20);
    const short = ellipsize(id, 16);
    expect(short).toHaveLength(16);
    expect(short.startsWith('aaaa') && short.endsWith('bbbb') && short.includes('…')).toBe(true);
    expect(ellipsize('short')).toBe('short');
  });
});

describe('describe', () => {
  it('writes each strategy as nginx does', () => {
    expect(directive({ balancer: defaultBalancer('round-robin') })).toBe('# round robin (default)');
    expect(directive({ balancer: defaultBalancer('ip-hash') })).toBe('ip_hash;');
    expect(directive({ balancer: defaultBalancer('least-conn') })).toBe('least_conn;');
    expect(directive({ balancer: defaultBalancer('cookie') })).toBe('sticky cookie srv_id expires=1h;');
    expect(directive({ balancer: defaultBalancer('hash-cookie') })).toBe('hash $cookie_laravel_session consistent;');
  });

  it('says what is on screen in one line', () => {
    const s = settingsFor(DEFAULT_CONFIG);
    expect(headline(s)).toBe('100 users → nginx (round robin) → 2 Laravel nodes · sessions on each node’s own disk (SESSION_DRIVER=file)');
    expect(headline(settingsFor({ ...DEFAULT_CONFIG, nodes: 1, users: 1, driver: 'redis', clients: 'office-nat' })))
      .toBe('1 user (office NAT) → nginx (round robin) → 1 Laravel node · sessions in one shared Redis (SESSION_DRIVER=redis)');
  });

  it('captions what to watch for', () => {
    expect(caption(settingsFor(DEFAULT_CONFIG))).toMatch(/logged out/);
    expect(caption(settingsFor({ ...DEFAULT_CONFIG, nodes: 1 }))).toMatch(/nobody is logged out/);
    expect(caption(settingsFor({ ...DEFAULT_CONFIG, driver: 'redis' }))).toMatch(/Redis/);
    expect(caption(settingsFor({ ...DEFAULT_CONFIG, strategy: 'cookie' }))).toMatch(/sticky cookie srv_id/);
  });
});

describe('config', () => {
  it('builds engine settings from the controls', () => {
    const s = settingsFor({ seed: 7, nodes: 3, driver: 'redis', strategy: 'ip-hash', users: 250, clients: 'mobile' });
    expect(s.seed).toBe(7);
    expect(s.nodes.map((n) => n.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(s.session.driver).toBe('redis');
    expect(s.balancer.strategy).toBe('ip-hash');
    expect(s.users).toBe(250);
    expect(s.clients).toBe('mobile');
  });

  it('only the user count applies live', () => {
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, users: 500 })).toBe(false);
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, driver: 'redis' })).toBe(true);
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, seed: 2 })).toBe(true);
    expect(describeChange(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, driver: 'redis', nodes: 3 })).toBe('SESSION_DRIVER=redis, 3 nodes');
  });

  it('reads a query string, ignoring bad values', () => {
    const q = fromQuery(new URLSearchParams('driver=redis&nodes=4&users=1000&speed=10&balancer=cookie&paused'));
    expect(q.config).toMatchObject({ driver: 'redis', nodes: 4, users: 1000, strategy: 'cookie' });
    expect(q.speed).toBe(10);
    expect(q.autoplay).toBe(false);
    const bad = fromQuery(new URLSearchParams('driver=mongo&nodes=99&speed=3&users=-1'));
    expect(bad.config).toEqual(DEFAULT_CONFIG);
    expect(bad.speed).toBe(1);
    expect(bad.autoplay).toBe(true);
    // A tampered link says what it could not use, and what it uses instead.
    expect(bad.problems).toEqual([
      'link: nodes=99 is not a whole number from 1 to 8; using 2',
      'link: users=-1 is not a whole number from 1 to 10000; using 100',
      'link: driver=mongo is not one of file, redis, cookie, array, database; using file',
      'link: speed=3 is not one of 0.25, 0.5, 1, 2, 5, 10, 30, 60; using 1',
    ]);
    expect(q.problems).toEqual([]);
  });
});

describe('keys', () => {
  it('leaves Space to form controls and buttons', () => {
    const el = (match: boolean) => ({ closest: () => (match ? {} : null) }) as unknown as EventTarget;
    expect(isTypingTarget(el(true))).toBe(true);
    expect(isTypingTarget(el(false))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('withConfig', () => {
  it('applies the controls on top of full settings, keeping the rest', async () => {
    const { withConfig, configOf } = await import('../../src/ui/state/config');
    const base = settingsFor(DEFAULT_CONFIG);
    base.session.lifetimeMin = 5;
    base.nodes[0]!.weight = 3;
    base.balancer.stickyCookie.name = 'route';
    const s = withConfig(base, { ...DEFAULT_CONFIG, nodes: 3, driver: 'redis', strategy: 'cookie' });
    expect(s.session).toMatchObject({ lifetimeMin: 5, driver: 'redis' });
    expect(s.nodes.map((n) => n.weight)).toEqual([3, 1, 1]);
    expect(s.balancer).toMatchObject({ strategy: 'cookie', stickyCookie: { name: 'route' } });
    expect(configOf(s)).toEqual({ ...DEFAULT_CONFIG, nodes: 3, driver: 'redis', strategy: 'cookie' });
    expect(base.nodes).toHaveLength(2); // the base is not touched
  });
});
