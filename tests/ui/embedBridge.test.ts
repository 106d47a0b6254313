import { describe, expect, it } from 'vitest';
import { linkTarget, startEmbedBridge, type EmbedTarget } from '../../src/ui/embed/bridge';
import type { OutgoingMessage } from '../../src/ui/embed/protocol';
import type { FaultAction } from '../../src/sim/types';

function fake() {
  const calls: string[] = [];
  const hooks: Array<() => void> = [];
  const runner: EmbedTarget & { view: { now: number; nodes: unknown[]; totals: { logouts: number; requests: number } } | null; playing: boolean } = {
    playing: false,
    view: null,
    play() { calls.push('play'); },
    pause() { calls.push('pause'); },
    seekTo(ms) { calls.push(`seek ${ms}`); },
    fault(a: FaultAction) { calls.push(`fault ${JSON.stringify(a)}`); },
    onFrame(h) { hooks.push(() => h(0, 16)); return () => hooks.splice(0); },
  };
  const posted: OutgoingMessage[] = [];
  const warnings: string[] = [];
  const gone: string[] = [];
  let handler: (d: unknown) => void = () => {};
  let now = 0;
  const stop = startEmbedBridge(runner, {
    post: (m) => posted.push(m), href: () => 'https://course.example/lab/?embed&paused', go: (p) => gone.push(p), warn: (w) => warnings.push(w),
  }, (h) => { handler = h; return () => (handler = () => {}); }, () => now);
  return { runner, calls, posted, warnings, gone, frame: () => hooks.forEach((h) => h()), send: (d: unknown) => handler(d), tick: (ms: number) => (now += ms), stop };
}

describe('the embed bridge', () => {
  it('posts ready once the cluster is built, then state only when it changes, at most 5 a second', () => {
    const f = fake();
    f.frame();
    expect(f.posted).toEqual([]);
    f.runner.view = { now: 1234, nodes: [{}, {}], totals: { logouts: 3, requests: 50 } };
    f.frame();
    expect(f.posted).toEqual([
      { source: 'session-cluster-lab', type: 'ready' },
      { source: 'session-cluster-lab', type: 'state', t: 1.2, playing: false, logouts: 3, requests: 50 },
    ]);
    f.runner.view = { now: 2000, nodes: [{}, {}], totals: { logouts: 4, requests: 60 } };
    f.tick(50);
    f.frame(); // too soon after the last one
    expect(f.posted).toHaveLength(2);
    f.tick(200);
    f.frame();
    expect(f.posted.at(-1)).toEqual({ source: 'session-cluster-lab', type: 'state', t: 2, playing: false, logouts: 4, requests: 60 });
    f.tick(1000);
    f.frame(); // nothing changed
    expect(f.posted).toHaveLength(3);
    expect(f.posted.filter((m) => m.type === 'ready')).toHaveLength(1);
  });

  it('runs commands as the buttons would; ignores others silently; warns on malformed ones', () => {
    const f = fake();
    f.runner.view = { now: 0, nodes: [{}, {}], totals: { logouts: 0, requests: 0 } };
    f.send({ target: 'session-cluster-lab', type: 'play' });
    f.send({ target: 'session-cluster-lab', type: 'seek', t: 30 });
    f.send({ target: 'session-cluster-lab', type: 'fault', action: 'crash', node: 'node-2' });
    f.send({ target: 'session-cluster-lab', type: 'pause' });
    expect(f.calls).toEqual(['play', 'seek 30000', 'fault {"kind":"crash","node":"node-2"}', 'pause']);
    f.send('hello');
    f.send({ type: 'play' });
    expect(f.warnings).toEqual([]);
    f.send({ target: 'session-cluster-lab', type: 'fault', action: 'crash', node: 'node-3' });
    f.send({ target: 'session-cluster-lab', type: 'eval', code: 'alert(1)' });
    expect(f.warnings).toHaveLength(2);
    expect(f.warnings[0]).toContain('node-1 … node-2');
    expect(f.calls).toHaveLength(4);
    f.stop();
    f.send({ target: 'session-cluster-lab', type: 'play' });
    expect(f.calls).toHaveLength(4);
  });

  it('opens a run link within this page only', () => {
    const f = fake();
    f.send({ target: 'session-cluster-lab', type: 'link', url: 'https://elsewhere.example/evil/?run=abc&speed=2#x' });
    expect(f.gone).toEqual(['/lab/?run=abc&speed=2&embed']);
    f.send({ target: 'session-cluster-lab', type: 'link', url: 'https://elsewhere.example/?driver=redis' });
    f.send({ target: 'session-cluster-lab', type: 'link', url: 'javascript:alert(1)' });
    expect(f.gone).toHaveLength(1);
    expect(f.warnings).toHaveLength(2);
    expect(linkTarget('?run=x&embed', 'http://h/lab/')).toEqual({ ok: true, path: '/lab/?run=x&embed' });
  });
});
