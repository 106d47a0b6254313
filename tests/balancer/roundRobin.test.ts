/** nginx round robin: ngx_http_upstream_get_peer / get_round_robin_peer / free_round_robin_peer. */
import { describe, expect, it } from 'vitest';
import { Upstream, letters, node, nodes, pick, picks, req, settings } from './helpers';

const client = req('192.0.2.1');

describe('smooth weighted round robin', () => {
  it('weights 5/1/1 give nginx\'s a a b a c a a, twice over', () => {
    const up = new Upstream(settings(), nodes(3, (i) => ({ weight: i === 1 ? 5 : 1 })));
    expect(letters(picks(up, 14))).toBe('a a b a c a a a a b a c a a');
  });

  it('equal weights alternate strictly', () => {
    const up = new Upstream(settings(), nodes(3));
    expect(letters(picks(up, 9))).toBe('a b c a b c a b c');
  });
});

describe('passive health: max_fails / fail_timeout', () => {
  it('skips a failed peer for fail_timeout (whole seconds, so up to 11 s), then eases it back in', () => {
    const up = new Upstream(settings(), nodes(3));
    const r = up.route(client, 1000);
    expect(r.next(1000)?.name).toBe('node-1');
    r.done(1000, false); // fails=1 >= max_fails=1, checked = 1 s, effective_weight 1 - 1/1 = 0
    expect(r.next(1000)?.name).toBe('node-2'); // the retry: node-1 is tried
    r.done(1000, true);
    expect(up.peers(1000)[0]).toMatchObject({ fails: 1, unavailable: true });
    // now - checked <= fail_timeout in seconds: 11 - 1 <= 10 still skips at 11.999 s.
    expect(letters(picks(up, 4, client, 11_999))).toBe('c b c b');
    expect(up.peers(12_000)[0]?.unavailable).toBe(false);
    // At 12 s node-1 competes again with effective_weight 0, recovering by 1 per pick (slow start).
    expect(letters(picks(up, 4, client, 12_000))).toBe('c b c a');
    // Chosen after fail_timeout, `checked` moved to 12 s; the success (accessed 1 s < checked 12 s) clears fails.
    expect(up.peers(12_000)[0]?.fails).toBe(0);
  });

  it('max_fails=0 never disables a peer: it keeps its turn while failing', () => {
    const up = new Upstream(settings(), nodes(3, (i) => ({ maxFails: i === 1 ? 0 : 1 })));
    const seen: string[] = [];
    for (let k = 0; k < 6; k++) {
      const r = up.route(client, 0);
      const p = r.next(0)!;
      seen.push(p.name);
      r.done(0, p.name !== 'node-1');
    }
    expect(letters(seen)).toBe('a b c a b c');
    expect(up.peers(0)[0]).toMatchObject({ fails: 2, unavailable: false });
  });

  it('max_fails=2: one failure keeps the peer in rotation, the second disables it', () => {
    const up = new Upstream(settings(), nodes(2, () => ({ maxFails: 2 })));
    const fail = (): void => {
      const r = up.route(client, 0);
      expect(r.next(0)?.name).toBe('node-1');
      r.done(0, false);
    };
    fail();
    expect(up.peers(0)[0]?.unavailable).toBe(false);
    expect(pick(up, client)).toBe('node-2');
    fail();
    expect(up.peers(0)[0]?.unavailable).toBe(true);
    expect(letters(picks(up, 3))).toBe('b b b');
  });

  it('a single-server group is never marked down, and is not retried (tries = 0)', () => {
    const up = new Upstream(settings(), [node(1)]);
    for (let k = 0; k < 5; k++) {
      const r = up.route(client, 0);
      expect(r.next(0)?.name).toBe('node-1');
      r.done(0, false);
      expect(r.next(0)).toBeNull();
      expect(r.end).toBe('tries-exhausted');
    }
    expect(up.peers(0)[0]).toMatchObject({ fails: 0, unavailable: false });
  });

  it('all peers failed: "no live upstreams" until a fail_timeout passes (nginx 1.22 keeps the failure counts)', () => {
    // This test used to expect old nginx's "mark them as live for quick recovery" reset; a real
    // nginx 1.22 answers every request "no live upstreams" until fail_timeout (npm run oracles).
    const up = new Upstream(settings(), nodes(2));
    const r = up.route(client, 0);
    expect(r.next(0)?.name).toBe('node-1');
    r.done(0, false);
    expect(r.next(0)?.name).toBe('node-2');
    r.done(0, false);
    expect(r.next(0)).toBeNull(); // u->peer.tries = 2 used up
    expect(r.end).toBe('tries-exhausted');
    expect(up.peers(0).map((p) => p.unavailable)).toEqual([true, true]);
    for (const t of [1000, 5000, 10_000]) {
      const r2 = up.route(client, t);
      expect(r2.next(t)).toBeNull();
      expect(r2.end).toBe('no-live-upstreams');
    }
    expect(up.peers(10_000).map((p) => p.fails)).toEqual([1, 1]);
    expect(pick(up, client, 11_000)).not.toBeNull(); // now - checked > fail_timeout (10 s)
  });

  it('one request makes at most as many attempts as there are non-down servers', () => {
    const up = new Upstream(settings(), nodes(4, (i) => ({ down: i === 4 })));
    const r = up.route(client, 0);
    const tried: string[] = [];
    for (let p = r.next(0); p !== null; p = r.next(0)) {
      tried.push(p.name);
      r.done(0, false);
    }
    expect(tried.sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(r.end).toBe('tries-exhausted');
  });
});

describe('backup servers', () => {
  const lines = [node(1), node(2), node(3, { backup: true })];

  it('are not used while a primary is available', () => {
    const up = new Upstream(settings(), lines);
    expect(letters(picks(up, 6))).toBe('a b a b a b');
  });

  it('take over when every primary failed, within the same request', () => {
    const up = new Upstream(settings(), lines);
    const r = up.route(client, 0);
    expect(r.next(0)?.name).toBe('node-1');
    r.done(0, false);
    expect(r.next(0)?.name).toBe('node-2');
    r.done(0, false);
    expect(r.next(0)?.name).toBe('node-3'); // tries = 2 primaries + 1 backup
    r.done(0, true);
    expect(letters(picks(up, 2, client, 5000))).toBe('c c');
    // fail_timeout over. current_weight is [-1, 1] from the failed request and both effective
    // weights are 0, so node-2 wins twice before node-1 catches up: [-1,1] → b; [0,2] → b; [1,1] → a.
    expect(letters(picks(up, 3, client, 11_000))).toBe('b b a');
  });

  it('take over when every primary is configured down', () => {
    const up = new Upstream(settings(), lines);
    up.setDown('node-1', true);
    up.setDown('node-2', true);
    expect(letters(picks(up, 3))).toBe('c c c');
    up.setDown('node-2', false);
    expect(letters(picks(up, 2))).toBe('b b');
  });
});

describe('contract', () => {
  it('refuses an upstream without primary servers, and unknown server names', () => {
    expect(() => new Upstream(settings(), [node(1, { backup: true })])).toThrow('no servers in upstream');
    expect(() => new Upstream(settings(), nodes(2)).setDown('node-9', true)).toThrow();
  });

  it('counts in-flight connections until done()', () => {
    const up = new Upstream(settings(), nodes(2));
    const r = up.route(client, 0);
    r.next(0);
    expect(up.peers(0).map((p) => p.conns)).toEqual([1, 0]);
    expect(() => r.next(0)).toThrow();
    r.done(0, true);
    expect(up.peers(0).map((p) => p.conns)).toEqual([0, 0]);
  });
});
