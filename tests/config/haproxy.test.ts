import { describe, expect, it } from 'vitest';
import { parseHaproxyBackend } from '../../src/config/haproxy';
import { printHaproxyBackend } from '../../src/config/haproxyPrint';
import { covered, lines, text } from './helpers';

const node = (i: number, address: string, extra: object = {}) => ({
  name: `node-${i}`, address, weight: 1, maxFails: 0, failTimeoutSec: 2, down: false, backup: false, ...extra,
});

describe('HAProxy: real-world configs', () => {
  it('reads a full haproxy.cfg, taking the default_backend and inheriting defaults', () => {
    const src = text(
      'global',
      '    log /dev/log local0',
      'defaults',
      '    mode http',
      '    option redispatch',
      '    timeout connect 5s',
      '    timeout client 30s',
      '    timeout server 30s',
      '',
      'frontend www',
      '    bind *:80',
      '    default_backend laravel',
      '',
      'backend static',
      '    server st1 10.0.0.9:80',
      '',
      'backend laravel',
      '    balance roundrobin',
      '    cookie SERVERID insert indirect nocache',
      '    retries 3',
      '    server s1 10.0.0.11:80 check inter 2s fall 3 rise 2 cookie s1',
      '    server s2 10.0.0.12:80 check inter 2s fall 3 rise 2 cookie s2',
    );
    const r = parseHaproxyBackend(src);
    expect(lines(r.diagnostics)).toEqual(["14:1 info: the simulator uses the backend 'laravel'"]);
    expect(r.value).toEqual({
      backendName: 'laravel',
      balancer: {
        flavor: 'haproxy', strategy: 'cookie', redispatch: true,
        stickyCookie: { name: 'SERVERID', expiresSec: null, domain: null, path: '/' },
        hashCookie: { name: 'laravel_session', consistent: true },
      },
      nodes: [
        node(1, '10.0.0.11:80', { maxFails: 3, cookieValue: 's1' }),
        node(2, '10.0.0.12:80', { maxFails: 3, cookieValue: 's2' }),
      ],
    });
  });

  it('maps balance algorithms and server flags', () => {
    const src = text(
      'backend app',
      '    balance leastconn',
      '    default-server inter 3s fall 2',
      '    server a 10.0.0.1:80 check weight 3',
      '    server b 10.0.0.2:80 check inter 500ms backup',
      '    server c 10.0.0.3:80 disabled',
    );
    const r = parseHaproxyBackend(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.balancer.strategy).toBe('least-conn');
    expect(r.value?.balancer.redispatch).toBe(false);
    expect(r.value?.nodes).toEqual([
      node(1, '10.0.0.1:80', { weight: 3, maxFails: 2, failTimeoutSec: 3 }),
      node(2, '10.0.0.2:80', { maxFails: 2, failTimeoutSec: 0.5, backup: true }),
      node(3, '10.0.0.3:80', { failTimeoutSec: 3, down: true }),
    ]);
    expect(parseHaproxyBackend('backend b\n balance source\n server a h:1').value?.balancer.strategy).toBe('ip-hash');
  });

  it('accepts a bare backend body', () => {
    const r = parseHaproxyBackend('balance roundrobin\nserver s1 a:80 check\nserver s2 b:80 check # second\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.backendName).toBeNull();
    expect(r.value?.nodes.map((n) => [n.address, n.maxFails])).toEqual([['a:80', 3], ['b:80', 3]]);
  });
});

describe("HAProxy: errors in HAProxy's words, at their line:col", () => {
  it('reports an unknown keyword with a suggestion', () => {
    const src = 'backend app\n    blance roundrobin\n    server s1 a:80\n';
    const r = parseHaproxyBackend(src);
    expect(lines(r.diagnostics)).toEqual(["2:5 error: unknown keyword 'blance' in 'backend' section; did you mean 'balance' maybe ?"]);
    expect(covered(src, r.diagnostics[0])).toBe('blance');
  });

  it('checks balance, option, server keywords and values', () => {
    const src = text(
      'backend app',
      '    balance roundrobbin',
      '    balance uri',
      '    option redispach',
      '    server s1 a:80 chek',
      '    server s2',
      '    server s3 c:80 weight 300 inter 2x fall 0',
      '    server s4 d:http',
    );
    expect(lines(parseHaproxyBackend(src).diagnostics)).toEqual([
      `2:13 error: 'balance' only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options. Did you mean 'roundrobin'?`,
      "3:13 error: 'balance uri' is real, but the simulator models 'roundrobin', 'leastconn' and 'source'",
      "4:12 error: unknown option 'redispach'. Did you mean 'redispatch' maybe ?",
      "5:20 error: 'server s1' unknown keyword 'chek'. Did you mean 'check' maybe ?",
      "6:5 error: 'server' expects <name> and <addr>[:<port>] as arguments.",
      '7:27 error: weight of server s3 is not within 0 and 256 (300).',
      "7:37 error: unexpected character 'x' in 'inter' argument of server s3.",
      "7:45 error: 'fall' has to be > 0.",
      "8:15 error: 'server s4' : invalid port 'http' in 'd:http'.",
    ]);
  });

  it('models only cookie insert, and only in HTTP mode', () => {
    expect(lines(parseHaproxyBackend('backend a\n  cookie SRV prefix\n  server s1 h:1 cookie s1').diagnostics)).toEqual([
      "2:3 error: the simulator models only 'cookie SRV insert': with 'prefix' the application, not HAProxy, must set the cookie",
    ]);
    const tcp = parseHaproxyBackend('backend a\n  mode tcp\n  cookie SRV insert\n  server s1 h:1 cookie s1');
    expect(lines(tcp.diagnostics)).toEqual(["3:3 warning: 'cookie' statement ignored for proxy 'a' as it requires HTTP mode."]);
    expect(tcp.value?.balancer.strategy).toBe('round-robin');
    const noMode = parseHaproxyBackend('backend a\n  cookie SRV insert\n  server s1 h:1');
    expect(lines(noMode.diagnostics)).toEqual([
      "2:3 info: assuming 'mode http' (usually set in 'defaults'); in HAProxy's default TCP mode 'cookie' is ignored",
      "3:10 warning: server 's1' has no 'cookie' value: HAProxy inserts no persistence cookie for the clients it serves",
    ]);
  });

  it('reports section-level problems', () => {
    expect(lines(parseHaproxyBackend('defaults\n  server s1 a:1\nbackend b\n  server s1 a:1').diagnostics)).toEqual([
      "2:3 error: 'server' not allowed in 'defaults' section.",
    ]);
    expect(lines(parseHaproxyBackend('frontend f\n  bind :80').diagnostics)).toEqual(["1:1 error: no 'backend' section found"]);
    expect(lines(parseHaproxyBackend('balance roundrobin\nbackend b\n  server s1 a:1').diagnostics)).toEqual([
      "1:1 error: unknown keyword 'balance' out of section.",
    ]);
    expect(lines(parseHaproxyBackend('backend b\n  bind :80\n  server s1 a:1').diagnostics)).toEqual([
      "2:3 warning: 'bind' ignored because backend 'b' has no frontend capability.",
    ]);
    expect(lines(parseHaproxyBackend('backend b\n  balance leastconn').diagnostics)).toEqual([
      "1:9 error: backend 'b' has no server: the simulator needs at least one",
    ]);
    expect(lines(parseHaproxyBackend('backend b\n  server s1 "a:1').diagnostics)).toEqual(['2:13 error: unmatched quote']);
  });

  it('notes what it accepts but does not model', () => {
    expect(lines(parseHaproxyBackend('backend b\n  hash-type consistent\n  retries 5\n  server s1 a:1').diagnostics)).toEqual([
      "2:13 info: 'hash-type consistent' is accepted, but the simulator models 'balance source' as map-based: a server going up or down remaps many clients",
      "3:3 info: 'retries' is accepted; the simulator retries a failed connection like HAProxy's default (3)",
    ]);
  });
});

describe('translating an nginx sticky set-up to HAProxy', () => {
  it('gives every server a cookie value, so the printed backend is sticky in HAProxy too', async () => {
    const { defaultBalancer, defaultNode } = await import('../../src/sim/settings');
    const { Upstream } = await import('../../src/sim/balancer');
    const text = printHaproxyBackend(defaultBalancer('cookie'), [defaultNode(1), defaultNode(2)]);
    expect(text).toMatch(/^ {4}server node-1 node1\.internal:80 .*cookie node-1$/m);
    const parsed = parseHaproxyBackend(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const up = new Upstream(parsed.value!.balancer, parsed.value!.nodes);
    // A client holding node-2's cookie keeps going to node-2.
    const req = { ip: '203.0.113.5', method: 'GET' as const, cookie: (n: string) => (n === 'srv_id' ? 'node-2' : undefined) };
    for (let i = 0; i < 5; i++) {
      const route = up.route(req, i * 1000);
      expect(route.next(i * 1000)?.name).toBe('node-2');
      route.done(i * 1000, true);
    }
  });
});
