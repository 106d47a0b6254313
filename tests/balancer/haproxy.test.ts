/** HAProxy flavour: balance source / roundrobin / leastconn, cookie insert, checks, retries. */
import { describe, expect, it } from 'vitest';
import { HAPROXY_CHECK, HAPROXY_RETRIES } from '../../src/sim/balancer';
import { Upstream, letters, node, nodes, pick, picks, req, settings } from './helpers';

const ha = (o: Parameters<typeof settings>[0] = {}) => settings({
  flavor: 'haproxy', stickyCookie: { name: 'SERVERID', expiresSec: null, domain: null, path: null }, ...o,
});
const source = ha({ strategy: 'ip-hash' });
const cookie = ha({ strategy: 'cookie' });

/** Mark a server DOWN the HAProxy way. A fresh server sits at health = rise: one failed check is enough. */
function failChecks(up: Upstream, name: string, n = 1): void {
  for (let k = 0; k < n; k++) up.healthCheck(name, false, k * HAPROXY_CHECK.interMs);
}

describe('balance source (map-based)', () => {
  it('uses the IPv4 address itself as the hash, modulo the running weight', () => {
    // 10.1.2.3 = 0x0A010203 = 167838211; 167838211 % 3 = 1 → map[1] = node-2
    // 10.1.2.4 = 167838212;                167838212 % 3 = 2 → map[2] = node-3
    const up = new Upstream(source, nodes(3));
    expect(pick(up, req('10.1.2.3'))).toBe('node-2');
    expect(pick(up, req('10.1.2.4'))).toBe('node-3');
    // Unlike ip_hash the last octet counts: neighbours in one /24 spread out.
    expect(pick(up, req('10.1.2.5'))).toBe('node-1');
  });

  it('remaps clients of healthy servers when another server goes down (unlike ip_hash)', () => {
    const up = new Upstream(source, nodes(3));
    failChecks(up, 'node-2');
    expect(up.peers().map((p) => p.unavailable)).toEqual([false, true, false]);
    // map = [node-1, node-3]: 167838211 % 2 = 1 → node-3; 167838212 % 2 = 0 → node-1
    expect(pick(up, req('10.1.2.3'))).toBe('node-3');
    expect(pick(up, req('10.1.2.4'))).toBe('node-1'); // was node-3, which is still up
    const before = new Upstream(source, nodes(3));
    let kept = 0;
    let stayed = 0;
    for (let d = 0; d < 256; d++) {
      const ip = `10.1.${d}.${d}`;
      const was = pick(before, req(ip));
      if (was === 'node-2') continue;
      kept++;
      if (pick(up, req(ip)) === was) stayed++;
    }
    expect(stayed / kept).toBeLessThan(0.75);
    // And when node-2 comes back (rise 2), the map is rebuilt: back to the first mapping.
    up.healthCheck('node-2', true, 10_000);
    up.healthCheck('node-2', true, 12_000);
    expect(pick(up, req('10.1.2.4'))).toBe('node-3');
  });

  it('builds the map from weights divided by their GCD', () => {
    // weights 2/1: recalc_server_map gives [node-1, node-1, node-2]
    const w21 = new Upstream(source, [node(1, { weight: 2 }), node(2)]);
    expect(['10.1.2.3', '10.1.2.4', '10.1.2.5'].map((ip) => pick(w21, req(ip)))).toEqual(['node-1', 'node-2', 'node-1']);
    // weights 2/2: GCD 2, so a map of 2 slots, not 4: 167838211 % 2 = 1 → node-2
    const w22 = new Upstream(source, [node(1, { weight: 2 }), node(2, { weight: 2 })]);
    expect(pick(w22, req('10.1.2.3'))).toBe('node-2');
  });
});

describe('active health checks (inter 2000 fall 3 rise 2)', () => {
  it('a fresh server falls at the first failed check, then needs rise / fall consecutive results', () => {
    const up = new Upstream(ha(), nodes(2));
    const down = () => up.peers()[0]!.unavailable;
    failChecks(up, 'node-1'); // health = rise: "up, but will fall down at first failure"
    expect(down()).toBe(true);
    up.healthCheck('node-1', true, 4000);
    expect(down()).toBe(true); // 1 of rise 2
    up.healthCheck('node-1', true, 6000);
    expect(down()).toBe(false);
    up.healthCheck('node-1', true, 8000);
    up.healthCheck('node-1', true, 10_000); // health = rise + fall - 1
    up.healthCheck('node-1', false, 12_000);
    up.healthCheck('node-1', false, 14_000);
    expect(down()).toBe(false);
    up.healthCheck('node-1', false, 16_000); // third consecutive failure
    expect(down()).toBe(true);
    expect(letters(picks(up, 3))).toBe('b b b');
  });

  it('failed requests do not mark a server down: only checks do', () => {
    const up = new Upstream(ha(), nodes(2));
    for (let k = 0; k < 10; k++) {
      const r = up.route(req('192.0.2.1'), k);
      r.next(k);
      r.done(k, false);
    }
    expect(up.peers().map((p) => p.unavailable)).toEqual([false, false]);
  });

  it('ignores checks in the nginx flavour (open source nginx has no active checks)', () => {
    const up = new Upstream(settings(), nodes(2));
    failChecks(up, 'node-1', 5);
    expect(up.peers()[0]?.unavailable).toBe(false);
  });
});

describe('balance roundrobin (fast weighted round robin, lb_fwrr.c)', () => {
  it('interleaves unequal weights the HAProxy way, not nginx\'s (checked against haproxy 2.6 by npm run oracles)', () => {
    const w = [5, 1, 2];
    const up = new Upstream(ha(), nodes(3, (i) => ({ weight: w[i - 1]! })));
    expect(letters(picks(up, 16))).toBe('a a c a a b a c a a c a a b a c');
    const ngx = new Upstream(settings(), nodes(3, (i) => ({ weight: w[i - 1]! })));
    expect(letters(picks(ngx, 8))).toBe('a c a a b a c a');
  });

  it('a server back from maintenance is placed by its position, not at the front', () => {
    const up = new Upstream(ha(), nodes(3));
    expect(letters(picks(up, 3))).toBe('a b c');
    up.setDown('node-2', true);
    expect(letters(picks(up, 4))).toBe('a c a c');
    up.setDown('node-2', false); // npos = curr_pos + (next_weight + curr_weight - curr_pos) / eweight
    expect(letters(picks(up, 9))).toBe('a c b a c b a c b');
  });

  it('a request whose server died after it was sent is not retried (nginx retries a GET)', () => {
    expect(new Upstream(ha(), nodes(2)).retriesAfterSent('GET')).toBe(false);
    expect(new Upstream(settings(), nodes(2)).retriesAfterSent('GET')).toBe(true);
    expect(new Upstream(settings(), nodes(2)).retriesAfterSent('POST')).toBe(false);
  });
});

describe('cookie SERVERID insert indirect nocache', () => {
  function visit(up: Upstream, cookies: Record<string, string>) {
    const r = up.route(req('192.0.2.1', cookies), 0);
    const p = r.next(0)!;
    r.done(0, true);
    return { node: p.name, set: r.responseCookies().map((c) => `${c.name}=${c.value}; path=${c.path}`) };
  }

  it('inserts the server\'s cookie for a new client, and nothing once the client has a valid one', () => {
    const up = new Upstream(cookie, [node(1, { cookieValue: 's1' }), node(2), node(3, { cookieValue: 'node-3' })]);
    expect(visit(up, {})).toEqual({ node: 'node-1', set: ['SERVERID=s1; path=/'] });
    expect(visit(up, { SERVERID: 's1' })).toEqual({ node: 'node-1', set: [] });
    expect(visit(up, { SERVERID: 'node-3' })).toEqual({ node: 'node-3', set: [] });
  });

  it('a server line without `cookie` gets no persistence: its clients get a cookie removal (real haproxy 2.6)', () => {
    // This test used to expect the server's name as a default cookie value; HAProxy has no such
    // default (npm run oracles): it sends SERVERID=; Expires=Thu, 01-Jan-1970 … and rebalances.
    const up = new Upstream(cookie, [node(1, { cookieValue: 's1' }), node(2), node(3)]);
    expect(visit(up, {})).toEqual({ node: 'node-1', set: ['SERVERID=s1; path=/'] });
    const r = up.route(req('192.0.2.1', {}), 0);
    expect(r.next(0)?.name).toBe('node-2');
    r.done(0, true);
    expect(r.responseCookies()).toEqual([{ name: 'SERVERID', value: '', maxAgeSec: 0, domain: null, path: '/' }]);
    expect(visit(up, { SERVERID: 'node-2' }).node).toBe('node-3'); // the name is not a cookie value
  });

  it('redispatches a cookie naming a DOWN server, and a wrong cookie, and re-inserts', () => {
    const up = new Upstream(cookie, nodes(3, (i) => ({ cookieValue: `node-${i}` })));
    failChecks(up, 'node-3');
    const v = visit(up, { SERVERID: 'node-3' });
    expect(v.node).not.toBe('node-3');
    expect(v.set).toEqual([`SERVERID=${v.node}; path=/`]);
    const w = visit(up, { SERVERID: 'bogus' });
    expect(w.set).toEqual([`SERVERID=${w.node}; path=/`]);
  });
});

describe('retries 3 with option redispatch', () => {
  function attempts(up: Upstream, cookies: Record<string, string> = {}) {
    const r = up.route(req('192.0.2.1', cookies), 0);
    const seen: string[] = [];
    for (let p = r.next(0); p !== null; p = r.next(0)) {
      seen.push(p.name);
      r.done(0, false);
    }
    return { seen, end: r.end, set: r.responseCookies().map((c) => c.value) };
  }

  it('a persistent (cookie) request retries its server and redispatches on the last retry', () => {
    const a = attempts(new Upstream(cookie, nodes(3, (i) => ({ cookieValue: `node-${i}` }))), { SERVERID: 'node-3' });
    expect(a.seen).toHaveLength(1 + HAPROXY_RETRIES);
    expect(a.seen.slice(0, 3)).toEqual(['node-3', 'node-3', 'node-3']);
    expect(a.seen[3]).not.toBe('node-3');
    expect(a.end).toBe('retries-exhausted');
    expect(a.set).toEqual([a.seen[3]]); // the new server's cookie is inserted
  });

  it('a non-persistent roundrobin request redispatches at once; without redispatch it sticks', () => {
    const rr = attempts(new Upstream(ha(), nodes(3)));
    expect(rr.seen[0]).toBe('node-1');
    expect(rr.seen[1]).not.toBe('node-1');
    const stuck = attempts(new Upstream(ha({ redispatch: false }), nodes(3)));
    expect(stuck.seen).toEqual(['node-1', 'node-1', 'node-1', 'node-1']);
  });

  it('balance source keeps hashing to the same server until the last retry', () => {
    const a = attempts(new Upstream(source, nodes(3)));
    expect(a.seen).toEqual(['node-1', 'node-1', 'node-1', 'node-1']); // 192.0.2.1: map has no "avoid"
  });
});

describe('leastconn, backups, no server', () => {
  it('leastconn picks the least loaded; idle servers rotate in tree order', () => {
    const up = new Upstream(ha({ strategy: 'least-conn' }), nodes(3));
    const held = [up.route(req('192.0.2.1'), 0), up.route(req('192.0.2.1'), 0)];
    expect(held.map((r) => r.next(0)?.name)).toEqual(['node-1', 'node-2']);
    expect(pick(up, req('192.0.2.1'))).toBe('node-3');
    held[1]!.done(0, true);
    expect(letters(picks(up, 4))).toBe('c b c b');
  });

  it('uses only the first backup when every active server is down, and 503s with none', () => {
    const up = new Upstream(ha(), [node(1), node(2, { backup: true }), node(3, { backup: true })]);
    failChecks(up, 'node-1');
    expect(letters(picks(up, 3))).toBe('b b b');
    up.setDown('node-2', true);
    up.setDown('node-3', true);
    const r = up.route(req('192.0.2.1'), 0);
    expect(r.next(0)).toBeNull();
    expect(r.end).toBe('no-server-available');
    expect(up.noPeerStatus).toBe(503);
    expect(new Upstream(settings(), nodes(1)).noPeerStatus).toBe(502);
  });

  it('does not model HAProxy cookie hashing', () => {
    expect(() => new Upstream(ha({ strategy: 'hash-cookie' }), nodes(2))).toThrow(/not modelled/);
  });
});
