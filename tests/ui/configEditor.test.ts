import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorController, type EditorSnapshot } from '../../src/ui/config/editorController';
import { runnerHost, type RunnerLike } from '../../src/ui/config/host';
import { defaultBalancer, defaultSettings } from '../../src/sim/settings';
import type { SimSettings } from '../../src/sim/types';
import { DEFAULT_CONFIG, settingsFor, type UiConfig } from '../../src/ui/state/config';

const NGINX = 'upstream laravel_cluster {\n  server node1.internal:80;\n  server node2.internal:80;\n}\n';

function setup(kind: 'env' | 'nginx' | 'haproxy' = 'nginx') {
  const applied: SimSettings[] = [];
  const states: EditorSnapshot[] = [];
  const c = new EditorController({ kind, apply: (next) => void applied.push(next), onChange: (s) => states.push(s) });
  const settings = defaultSettings();
  const first = c.sync(settings);
  return { c, applied, states, settings, first };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the two-way rule', () => {
  it('shows the running config first', () => {
    const { c, first } = setup();
    expect(first).toBe(NGINX);
    expect(c.snapshot).toMatchObject({ text: NGINX, phase: 'in-effect', diagnostics: [] });
  });

  it('applies a valid edit once typing pauses for 400 ms', () => {
    const { c, applied } = setup();
    c.input(NGINX.replace('{\n', '{\n  ip_hash;\n'));
    expect(c.snapshot).toMatchObject({ phase: 'pending', message: 'will apply: balancer: ip-hash' });
    vi.advanceTimersByTime(399);
    expect(applied).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(applied).toHaveLength(1);
    expect(applied[0]!.balancer).toEqual(defaultBalancer('ip-hash'));
    expect(c.snapshot).toMatchObject({ phase: 'applied', message: 'applied: balancer: ip-hash — the cluster restarts' });
  });

  it('restarts the debounce on every keystroke; intermediate typos never apply', () => {
    const { c, applied } = setup();
    for (const partial of ['i', 'ip_', 'ip_hash', 'ip_hash;']) {
      c.input(NGINX.replace('{\n', `{\n  ${partial}\n`));
      vi.advanceTimersByTime(200);
    }
    expect(applied).toHaveLength(0);
    vi.advanceTimersByTime(200);
    expect(applied.map((s) => s.balancer.strategy)).toEqual(['ip-hash']);
  });

  it('an invalid edit shows the error and applies nothing', () => {
    const { c, applied } = setup();
    c.input(NGINX.replace('node2.internal:80;', 'node2.internal:80 weightt=2;'));
    vi.advanceTimersByTime(5000);
    expect(applied).toHaveLength(0);
    expect(c.snapshot.phase).toBe('invalid');
    expect(c.snapshot.message).toBe('line 3: invalid parameter "weightt=2"; did you mean "weight=2"? — simulation keeps running with the last good config');
    expect(c.snapshot.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
  });

  it('keeps the student\'s text (comments too) when its own settings come back', () => {
    const { c, applied } = setup();
    const mine = '# sticky by client address\nupstream laravel_cluster {\n  ip_hash;\n  server node1.internal:80;\n  server node2.internal:80;\n}\n';
    c.input(mine);
    vi.advanceTimersByTime(400);
    expect(c.sync(applied[0]!)).toBeNull();
    expect(c.snapshot).toMatchObject({ text: mine, phase: 'in-effect' });
  });

  it('rewrites the text when the settings change elsewhere', () => {
    const { c, settings } = setup();
    const next = { ...settings, balancer: defaultBalancer('least-conn') };
    expect(c.sync(next)).toBe('upstream laravel_cluster {\n  least_conn;\n  server node1.internal:80;\n  server node2.internal:80;\n}\n');
    expect(c.snapshot.message).toBe('updated from the running simulation');
  });

  it('…but not while the student has an unapplied edit', () => {
    const { c, settings } = setup();
    const typo = NGINX.replace('server node1', 'sever node1');
    c.input(typo);
    expect(c.sync({ ...settings, balancer: defaultBalancer('least-conn') })).toBeNull();
    expect(c.snapshot).toMatchObject({ text: typo, phase: 'invalid' });
    expect(c.revert()).toContain('least_conn;');
    expect(c.snapshot.phase).toBe('in-effect');
  });

  it('a comment-only edit applies nothing', () => {
    const { c, applied } = setup();
    c.input('# hello\n' + NGINX);
    vi.advanceTimersByTime(1000);
    expect(applied).toHaveLength(0);
    expect(c.snapshot.phase).toBe('in-effect');
  });

  it('.env: SESSION_DRIVER=redis applies, flush() does it at once', () => {
    const { c, applied, first } = setup('env');
    c.input(first!.replace('SESSION_DRIVER=file', 'SESSION_DRIVER=redis'));
    c.flush();
    expect(applied.map((s) => s.session.driver)).toEqual(['redis']);
  });
});

describe('runnerHost', () => {
  function fakeRunner(withApply: boolean) {
    const calls: unknown[] = [];
    const runner: RunnerLike = {
      view: { settings: settingsFor(DEFAULT_CONFIG) } as RunnerLike['view'],
      sim: null,
      config: { ...DEFAULT_CONFIG },
      configure: (patch: Partial<UiConfig>) => void calls.push(['configure', patch]),
      ...(withApply ? { applySettings: (next: SimSettings) => void calls.push(['applySettings', next]) } : {}),
    };
    return { runner, calls };
  }

  it('uses the runner\'s applySettings when it has one', () => {
    const { runner, calls } = fakeRunner(true);
    const next = defaultSettings();
    expect(runnerHost(runner).applySettings(next)).toBeUndefined();
    expect(calls).toEqual([['applySettings', next]]);
  });

  it('falls back to configure() and reports what it could not apply', () => {
    const { runner, calls } = fakeRunner(false);
    const host = runnerHost(runner);
    const next = { ...host.settings!, balancer: defaultBalancer('ip-hash') } as SimSettings;
    next.nodes = next.nodes.map((n, i) => (i === 1 ? { ...n, weight: 2 } : n));
    expect(host.applySettings(next)).toEqual({ ignored: ['server parameters'] });
    expect(calls).toEqual([['configure', { ...DEFAULT_CONFIG, strategy: 'ip-hash' }]]);
  });
});
