import { describe, expect, it } from 'vitest';
import { parseNginxUpstream } from '../../src/config/nginx';
import { printNginxUpstream } from '../../src/config/nginxPrint';
import { covered, lines, text } from './helpers';

const STICKY_INFO =
  'info: "sticky" is in open-source nginx since 1.29.6 (2026-03-10; stable 1.30.0); before that it was NGINX Plus only, and older builds stop with: unknown directive "sticky"';
const node = (i: number, address: string, extra: object = {}) => ({
  name: `node-${i}`, address, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false, ...extra,
});

describe('nginx: real-world upstream blocks', () => {
  it("parses the seed lesson's sticky block written on one line", () => {
    const src = 'upstream laravel_cluster { sticky cookie srv_id expires=1h domain=.yourdomain.com path=/; server node1.internal:80; server node2.internal:80; }';
    const r = parseNginxUpstream(src);
    expect(r.value).toEqual({
      upstreamName: 'laravel_cluster',
      balancer: {
        flavor: 'nginx', strategy: 'cookie', redispatch: true,
        stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: '.yourdomain.com', path: '/' },
        hashCookie: { name: 'laravel_session', consistent: true },
      },
      nodes: [node(1, 'node1.internal:80'), node(2, 'node2.internal:80')],
    });
    expect(lines(r.diagnostics)).toEqual([`1:28 ${STICKY_INFO}`]);
    expect(covered(src, r.diagnostics[0])).toBe('sticky');
  });

  it('parses the seed block as the page laid it out, with its comment line', () => {
    const src = text(
      'upstream laravel_cluster {',
      '    # Distribute by cookie',
      '    sticky cookie srv_id expires=1h domain=.yourdomain.com path=/;',
      '    server node1.internal:80;',
      '    server node2.internal:80;',
      '}',
    );
    const r = parseNginxUpstream(src);
    expect(r.value?.balancer.strategy).toBe('cookie');
    expect(r.value?.nodes.map((n) => n.address)).toEqual(['node1.internal:80', 'node2.internal:80']);
    expect(lines(r.diagnostics)).toEqual([`3:5 ${STICKY_INFO}`]);
  });

  it('parses an ip_hash block, keeping a down server in its slot', () => {
    const src = text(
      'upstream laravel_cluster {',
      '    ip_hash;',
      '    server node1.internal:80;',
      '    server node2.internal:80;',
      '    server node3.internal:80 down;',
      '}',
    );
    const r = parseNginxUpstream(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.balancer.strategy).toBe('ip-hash');
    expect(r.value?.nodes).toEqual([node(1, 'node1.internal:80'), node(2, 'node2.internal:80'), node(3, 'node3.internal:80', { down: true })]);
  });

  it('reads weight, max_fails, fail_timeout, down, backup and route', () => {
    const src = text(
      'upstream app {',
      '  least_conn;',
      '  server 10.0.0.1:8080 weight=3 max_fails=2 fail_timeout=1m;',
      '  server 10.0.0.2:8080 max_fails=0 fail_timeout=1m30s;',
      '  server 10.0.0.3:8080 down;',
      '  server 10.0.0.4:8080 backup;',
      '  server unix:/run/app.sock route=b;',
      '  keepalive 32;',
      '}',
    );
    const r = parseNginxUpstream(src);
    expect(r.value?.balancer.strategy).toBe('least-conn');
    expect(r.value?.nodes).toEqual([
      node(1, '10.0.0.1:8080', { weight: 3, maxFails: 2, failTimeoutSec: 60 }),
      node(2, '10.0.0.2:8080', { maxFails: 0, failTimeoutSec: 90 }),
      node(3, '10.0.0.3:8080', { down: true }),
      node(4, '10.0.0.4:8080', { backup: true }),
      node(5, 'unix:/run/app.sock', { cookieValue: 'b' }),
    ]);
    expect(lines(r.diagnostics)).toEqual(['8:3 info: "keepalive" is accepted; the simulator does not model upstream connection reuse']);
  });

  it('reads hash $cookie_NAME consistent', () => {
    const r = parseNginxUpstream('upstream u {\n  hash $cookie_srv_id consistent;\n  server a:80;\n}');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.balancer.strategy).toBe('hash-cookie');
    expect(r.value?.balancer.hashCookie).toEqual({ name: 'srv_id', consistent: true });
    expect(parseNginxUpstream('upstream u { hash "${cookie_srv_id}"; server a:80; }').value?.balancer.hashCookie).toEqual({ name: 'srv_id', consistent: false });
  });

  it('finds the upstream inside http {} next to server {} blocks', () => {
    const src = text(
      'events {}',
      'http {',
      '  upstream app { server a:80; server b:80; }',
      '  server {',
      '    listen 80;',
      '    location / { proxy_pass http://app; }',
      '  }',
      '}',
    );
    const r = parseNginxUpstream(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.upstreamName).toBe('app');
    expect(r.value?.nodes).toHaveLength(2);
  });

  it('accepts the bare body without the upstream wrapper', () => {
    const r = parseNginxUpstream('least_conn;\nserver a:80;\nserver b:80 weight=2;\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.value?.upstreamName).toBeNull();
    expect(r.value?.nodes.map((n) => n.weight)).toEqual([1, 2]);
  });

  it('reads quoted words and escapes as nginx does', () => {
    const r = parseNginxUpstream('upstream u { sticky cookie "srv id" "path=/a b"; server \'a:80\'; }');
    expect(r.value?.balancer.stickyCookie).toEqual({ name: 'srv id', expiresSec: null, domain: null, path: '/a b' });
    expect(r.value?.nodes[0]?.address).toBe('a:80');
  });

  it("stores expires=max as nginx's sentinel, like the engine", () => {
    const r = parseNginxUpstream('upstream u { sticky cookie s expires=max; server a:80; }');
    expect(r.value?.balancer.stickyCookie.expiresSec).toBe(2_145_916_555);
  });
});

describe('nginx: errors and warnings, at their line:col', () => {
  it('warns "load balancing method redefined" for a second method; the last one wins', () => {
    const r = parseNginxUpstream('upstream u {\n  ip_hash;\n  least_conn;\n  server a:80;\n}');
    expect(lines(r.diagnostics)).toEqual(['3:3 warning: load balancing method redefined']);
    expect(r.value?.balancer.strategy).toBe('least-conn');
  });

  it('says a method after sticky switches sticky off', () => {
    const r = parseNginxUpstream('upstream u {\n  sticky cookie srv_id;\n  ip_hash;\n  server a:80;\n}');
    expect(lines(r.diagnostics)).toEqual([
      `2:3 ${STICKY_INFO}`,
      '3:3 warning: load balancing method redefined ("sticky" above is now ignored: nginx applies it only when it comes after the balancing method)',
    ]);
    expect(r.value?.balancer.strategy).toBe('ip-hash');
  });

  it('rejects backup with ip_hash at the backup word', () => {
    const src = 'upstream u {\n  ip_hash;\n  server a:80;\n  server b:80 backup;\n}';
    const r = parseNginxUpstream(src);
    expect(lines(r.diagnostics)).toEqual(['4:15 error: balancing method does not support parameter "backup" ("ip_hash" is in effect)']);
    expect(covered(src, r.diagnostics[0])).toBe('backup');
  });

  it('rejects backup with a hash declared after the servers too', () => {
    const r = parseNginxUpstream('upstream u {\n  server a:80;\n  server b:80 backup;\n  hash $cookie_srv_id consistent;\n}');
    expect(lines(r.diagnostics)).toEqual(['3:15 error: balancing method does not support parameter "backup" ("hash" is in effect)']);
  });

  it('explains that $cookie_laravel-session is $cookie_laravel followed by "-session"', () => {
    const src = 'upstream u {\n  hash $cookie_laravel-session consistent;\n  server a:80;\n}';
    const r = parseNginxUpstream(src);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect([d?.severity, d?.line, d?.col]).toEqual(['error', 2, 23]);
    expect(covered(src, d)).toBe('-session');
    expect(d?.message).toContain('is read as the variable "$cookie_laravel" followed by the text "-session"');
    expect(d?.message).toContain('"laravel-session"');
  });

  it('warns that hashing on the encrypted Laravel session cookie gives no affinity', () => {
    const src = 'upstream u {\n  hash $cookie_laravel_session consistent;\n  server a:80;\n}';
    const r = parseNginxUpstream(src);
    expect(r.diagnostics.map((d) => [d.severity, d.line, d.col])).toEqual([['warning', 2, 8]]);
    expect(r.diagnostics[0]?.message).toContain('EncryptCookies re-encrypts it with a random IV on every response');
    expect(r.value?.balancer.hashCookie.name).toBe('laravel_session');
    const custom = parseNginxUpstream('upstream u { hash $cookie_shop; server a:80; }', { sessionCookie: 'shop' });
    expect(custom.diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });

  it('rejects hash keys the simulator does not model, pointing to ip_hash for $remote_addr', () => {
    const r = parseNginxUpstream('upstream u {\n  hash $remote_addr;\n  server a:80;\n}');
    expect(lines(r.diagnostics)).toEqual([
      '2:8 error: the simulator models only "hash $cookie_NAME" keys, not "$remote_addr" (for client-address affinity use "ip_hash", which the simulator models)',
    ]);
    expect(lines(parseNginxUpstream('upstream u { hash ${cookie_x; server a:80; }').diagnostics)).toEqual([
      '1:19 error: the closing bracket in "cookie_x" variable is missing',
    ]);
  });

  it('reports a missing ";" where the next directive starts on a new line', () => {
    const src = text('upstream u {', '  server a:80', '  server b:80;', '}');
    const r = parseNginxUpstream(src);
    expect(lines(r.diagnostics)).toEqual(['2:14 error: directive "server" is not terminated by ";"']);
    expect(r.value?.nodes.map((n) => n.address)).toEqual(['a:80', 'b:80']);
  });

  it('reports a missing ";" before "}" and at the end of the file', () => {
    expect(lines(parseNginxUpstream('upstream u {\n  server a:80\n}').diagnostics)).toEqual([
      '3:1 error: unexpected "}" (is ";" missing after "a:80"?)',
    ]);
    expect(lines(parseNginxUpstream('server a:80').diagnostics)).toEqual([
      '1:12 error: unexpected end of file, expecting ";" or "}"',
    ]);
    expect(lines(parseNginxUpstream('upstream u {\n  server a:80;\n').diagnostics)).toEqual([
      '3:1 error: unexpected end of file, expecting "}" to close the "upstream" block opened on line 1',
    ]);
  });

  it('reports an upstream without servers at its name', () => {
    expect(lines(parseNginxUpstream('upstream u {\n  least_conn;\n}').diagnostics)).toEqual([
      '1:10 error: no servers are inside upstream',
    ]);
    expect(parseNginxUpstream('upstream u {}').value).toBeNull();
  });

  it('reports unknown directives with a suggestion, and directives that belong elsewhere', () => {
    expect(lines(parseNginxUpstream('upstream u {\n  sever a:80;\n  server b:80;\n}').diagnostics)).toEqual([
      '2:3 error: unknown directive "sever"; did you mean "server"?',
    ]);
    expect(lines(parseNginxUpstream('upstream u {\n  proxy_pass http://x;\n  server b:80;\n}').diagnostics)).toEqual([
      '2:3 error: "proxy_pass" directive is not allowed here',
    ]);
  });

  it('reports bad arguments and parameters the way nginx words them', () => {
    const src = text(
      'upstream u {',
      '  server;',
      '  ip_hash on;',
      '  server a:80 weightt=2;',
      '  server b:80 weight=0 fail_timeout=10ms;',
      '  server http://node1:80;',
      '  server c:99999;',
      '}',
    );
    expect(lines(parseNginxUpstream(src).diagnostics)).toEqual([
      '2:3 error: invalid number of arguments in "server" directive',
      '3:3 error: invalid number of arguments in "ip_hash" directive',
      '4:15 error: invalid parameter "weightt=2"; did you mean "weight=2"?',
      '5:15 error: invalid parameter "weight=0"',
      '5:24 error: invalid parameter "fail_timeout=10ms"',
      '6:10 error: invalid host in upstream "http://node1:80" (a server address takes no scheme: write "host:port")',
      '7:10 error: invalid port in upstream "c:99999"',
    ]);
  });

  it('checks sticky parameters and rejects a second sticky', () => {
    const src = text(
      'upstream u {',
      '  sticky cookie srv_id expires=1x path=/ path=/b;',
      '  sticky cookie other;',
      '  server a:80;',
      '}',
    );
    expect(lines(parseNginxUpstream(src).diagnostics)).toEqual([
      `2:3 ${STICKY_INFO}`,
      '2:24 error: "sticky" directive invalid "expires" parameter value',
      '2:42 error: "sticky" directive parameter "path" is duplicate',
      '3:3 error: "sticky" directive is duplicate',
    ]);
  });

  it('reports stray braces, a quote glued to a word, and a missing upstream', () => {
    expect(lines(parseNginxUpstream('upstream u { server a:80; }\n}').diagnostics)).toEqual(['2:1 error: unexpected "}"']);
    expect(lines(parseNginxUpstream('upstream u { server "a:80"x; }').diagnostics)).toEqual(['1:27 error: unexpected "x"']);
    expect(lines(parseNginxUpstream('http {\n  server { listen 80; }\n}').diagnostics)).toEqual(['1:1 error: no "upstream" block found']);
  });

  it('says "random" is real but not modelled', () => {
    expect(lines(parseNginxUpstream('upstream u { random; server a:80; }').diagnostics)).toEqual([
      '1:14 error: "random" is a real nginx method, but the simulator models round robin, least_conn, ip_hash, hash $cookie_NAME and sticky cookie',
    ]);
  });
});

describe('nginx 1.29.6+ drain', () => {
  it('reads the drain server parameter, and prints it back', () => {
    const r = parseNginxUpstream('upstream app {\n    sticky cookie srv_id;\n    server node1.internal:80;\n    server node2.internal:80 drain;\n}\n');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.value?.nodes[1]).toMatchObject({ name: 'node-2', drain: true, down: false });
    expect(r.value?.nodes[0]?.drain).toBeUndefined();
    expect(printNginxUpstream(r.value!.balancer, r.value!.nodes, 'app')).toContain('server node2.internal:80 drain;');
  });
});
