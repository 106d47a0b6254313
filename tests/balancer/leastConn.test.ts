/** nginx least_conn: ngx_http_upstream_get_least_conn_peer. */
import { describe, expect, it } from 'vitest';
import { Upstream, letters, node, nodes, picks, req, settings } from './helpers';

const lc = settings({ strategy: 'least-conn' });
const client = req('192.0.2.1');

describe('least_conn', () => {
  it('sends the request to the peer with the fewest in-flight connections', () => {
    const up = new Upstream(lc, nodes(3));
    const a = up.route(client, 0);
    const b = up.route(client, 0);
    const c = up.route(client, 0);
    expect(a.next(0)?.name).toBe('node-1'); // 0/0/0: tie, round robin
    expect(b.next(0)?.name).toBe('node-2'); // 1/0/0
    expect(c.next(0)?.name).toBe('node-3'); // 1/1/0
    b.done(0, true);
    const d = up.route(client, 0);
    expect(d.next(0)?.name).toBe('node-2'); // 1/0/1: the only idle one
    expect(up.peers(0).map((p) => p.conns)).toEqual([1, 1, 1]);
  });

  it('compares connections per unit of weight', () => {
    const up = new Upstream(lc, [node(1, { weight: 2 }), node(2)]);
    const held = [up.route(client, 0), up.route(client, 0), up.route(client, 0)];
    // 0/2 vs 0/1 tie → weighted RR picks node-1; then 1/2 vs 0/1 → node-2; then 1/2 vs 1/1 → node-1.
    expect(held.map((r) => r.next(0)?.name)).toEqual(['node-1', 'node-2', 'node-1']);
  });

  it('breaks ties by smooth weighted round robin: 5/1/1 idle peers give a a b a c a a', () => {
    const up = new Upstream(lc, nodes(3, (i) => ({ weight: i === 1 ? 5 : 1 })));
    expect(letters(picks(up, 7))).toBe('a a b a c a a');
  });

  it('skips failed peers and falls back to backups like round robin', () => {
    const up = new Upstream(lc, [node(1), node(2, { backup: true })]);
    const r = up.route(client, 0);
    expect(r.next(0)?.name).toBe('node-1');
    r.done(0, false);
    expect(r.next(0)?.name).toBe('node-2');
    r.done(0, true);
    expect(letters(picks(up, 2, client, 1000))).toBe('b b');
  });
});
