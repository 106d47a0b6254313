/** nginx `sticky cookie srv_id expires=1h domain=.example.com path=/` (1.29.6+). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Upstream, node, nodes, req, settings } from './helpers';

const sticky = settings({ strategy: 'cookie' });
const MD5_NODE1 = '152b6732020697731274716923075ca4'; // md5("node1.internal:80"), node:crypto
const MD5_NODE3 = '424fac3efca446976307cb4cc2a30a98'; // md5("node3.internal:80")

/** One successful request; returns the node and the Set-Cookie the balancer adds. */
function visit(up: Upstream, cookies: Record<string, string>, now = 0) {
  const r = up.route(req('192.0.2.1', cookies), now);
  const p = r.next(now)!;
  r.done(now, true);
  return { node: p.name, cookies: r.responseCookies() };
}

describe('sticky cookie', () => {
  it('names the server by the MD5 of its address', () => {
    expect(createHash('md5').update('node1.internal:80').digest('hex')).toBe(MD5_NODE1);
    const up = new Upstream(sticky, nodes(3));
    expect(visit(up, {})).toEqual({
      node: 'node-1',
      cookies: [{ name: 'srv_id', value: MD5_NODE1, maxAgeSec: 3600, domain: '.example.com', path: '/' }],
    });
  });

  it('uses route= instead when the server has one', () => {
    const up = new Upstream(sticky, [node(1, { cookieValue: 'a' }), node(2, { cookieValue: 'b' })]);
    expect(visit(up, {}).cookies[0]?.value).toBe('a');
    expect(visit(up, { srv_id: 'b' }).node).toBe('node-2');
  });

  it('keeps a bound client on its server, re-sending the same cookie on every response', () => {
    const up = new Upstream(sticky, nodes(3));
    for (let k = 0; k < 5; k++) {
      const v = visit(up, { srv_id: MD5_NODE3 });
      expect(v.node).toBe('node-3');
      // ngx_http_upstream_sticky_get_peer inserts the cookie after every successful pick.
      expect(v.cookies.map((c) => c.value)).toEqual([MD5_NODE3]);
    }
  });

  it('balances an unknown value like a new client and binds it', () => {
    const up = new Upstream(sticky, nodes(3));
    const v = visit(up, { srv_id: 'no-such-server' });
    expect(v.node).toBe('node-1');
    expect(v.cookies[0]?.value).toBe(MD5_NODE1);
  });

  it('re-binds a client whose server is down, with a new cookie value', () => {
    const up = new Upstream(sticky, nodes(3));
    up.setDown('node-3', true);
    const v = visit(up, { srv_id: MD5_NODE3 });
    expect(v.node).not.toBe('node-3');
    expect(v.cookies[0]?.value).not.toBe(MD5_NODE3);
    expect(v.cookies[0]?.value).toBe(createHash('md5').update(`node${v.node.slice(5)}.internal:80`).digest('hex'));
  });

  it('re-binds within the request when the bound server fails, and the last pick names the cookie', () => {
    const up = new Upstream(sticky, nodes(3));
    const r = up.route(req('192.0.2.1', { srv_id: MD5_NODE3 }), 0);
    expect(r.next(0)?.name).toBe('node-3');
    r.done(0, false);
    const second = r.next(0)!;
    expect(second.name).not.toBe('node-3');
    r.done(0, true);
    expect(r.responseCookies()[0]?.value).not.toBe(MD5_NODE3);
    // While node-3 is failed (max_fails=1, fail_timeout=10s) its clients keep being re-bound.
    expect(visit(up, { srv_id: MD5_NODE3 }, 5000).node).not.toBe('node-3');
    expect(visit(up, { srv_id: MD5_NODE3 }, 11_000).node).toBe('node-3');
  });

  it('does not starve the other servers: sticky picks still pay into round robin', () => {
    const up = new Upstream(sticky, nodes(3));
    const fresh: string[] = [];
    for (let k = 0; k < 6; k++) {
      visit(up, { srv_id: MD5_NODE1 });
      fresh.push(visit(up, {}).node);
    }
    expect(fresh).not.toContain('node-1');
  });
});

describe('nginx 1.29.6+ drain vs down (sticky cookie)', () => {
  it('a draining server keeps the clients its cookie binds; new clients never reach it', () => {
    const up = new Upstream(sticky, nodes(3));
    up.setDrain('node-3', true);
    for (let k = 0; k < 5; k++) expect(visit(up, { srv_id: MD5_NODE3 }).node).toBe('node-3');
    const fresh = Array.from({ length: 12 }, () => visit(up, {}).node);
    expect(fresh).not.toContain('node-3');
    expect(new Set(fresh)).toEqual(new Set(['node-1', 'node-2']));
  });

  it('down re-binds the bound clients at once, as new', () => {
    const up = new Upstream(sticky, [node(1), node(2), node(3, { down: true })]);
    const v = visit(up, { srv_id: MD5_NODE3 });
    expect(v.node).not.toBe('node-3');
    expect(v.cookies[0]?.value).not.toBe(MD5_NODE3);
  });

  it('drain off again: new clients reach the server as before', () => {
    const up = new Upstream(sticky, nodes(3));
    up.setDrain('node-3', true);
    up.setDrain('node-3', false);
    expect(Array.from({ length: 6 }, () => visit(up, {}).node)).toContain('node-3');
  });
});
