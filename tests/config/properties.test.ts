import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, hasErrors } from '../../src/config/diagnostic';
import { parseEnv } from '../../src/config/env';
import { printEnv, updateEnvText } from '../../src/config/envPrint';
import { parseHaproxyBackend } from '../../src/config/haproxy';
import { printHaproxyBackend } from '../../src/config/haproxyPrint';
import { laravelSlug } from '../../src/config/laravelNames';
import { parseNginxUpstream } from '../../src/config/nginx';
import { printNginxUpstream } from '../../src/config/nginxPrint';
import { haproxyConfig, nginxConfig, redisPartial, sessionPartial } from './arbitraries';

const RUNS = Number(process.env.CONFIG_PROP_RUNS ?? 300);

/** Random text built from a grammar's own tokens, glued with random separators. */
function soup(tokens: readonly string[]): fc.Arbitrary<string> {
  const sep = fc.constantFrom('', ' ', '\n', '\t', '\r\n', ';', '#', '"', "'", '\\');
  return fc.array(fc.tuple(fc.constantFrom(...tokens), sep), { maxLength: 60 }).map((ps) => ps.map(([t, s]) => t + s).join(''));
}

const NGINX_TOKENS = [
  'upstream', 'laravel_cluster', '{', '}', ';', 'server', 'node1.internal:80', 'a:80', 'weight=2', 'weight=0', 'weightt=2',
  'max_fails=3', 'fail_timeout=1m30s', 'fail_timeout=ms', 'backup', 'down', 'route=a', 'ip_hash', 'least_conn', 'hash',
  '$cookie_srv_id', '$cookie_laravel-session', '${cookie_x}', '${', '$', 'consistent', 'sticky', 'cookie', 'srv_id',
  'expires=1h', 'expires=max', 'domain=.example.com', 'path=/', 'keepalive', '16', 'zone', 'random', 'http', 'events',
  'location', 'proxy_pass', 'http://laravel_cluster', '"quoted word"', "'single'", '\\"', 'ü', '😀', '\u0000',
];
const HAPROXY_TOKENS = [
  'global', 'defaults', 'frontend', 'backend', 'listen', 'laravel', 'mode', 'http', 'tcp', 'balance', 'roundrobin',
  'leastconn', 'source', 'uri', 'blance', 'cookie', 'SERVERID', 'insert', 'indirect', 'nocache', 'rewrite', 'domain',
  'option', 'no', 'redispatch', 'retries', '3', 'hash-type', 'consistent', 'server', 's1', '10.0.0.1:80', 'a:http', 'check',
  'inter', '2s', '2x', 'fall', 'rise', '0', 'weight', '300', 'backup', 'disabled', 'default-server', 'default_backend',
  'bind', ':80', 'timeout', 'client', '30s', '#', '"', "'", '\\', '\\#', 'é', '😀', '\n',
];
const ENV_TOKENS = [
  'APP_NAME', 'SESSION_DRIVER', 'SESSION_LIFETIME', 'SESSION_ENCRYPT', 'SESSION_EXPIRE_ON_CLOSE', 'SESSION_CONNECTION',
  'REDIS_HOST', 'REDIS_PORT', 'REDIS_PASSWORD', 'REDIS_DB', 'SESION_DRIVER', 'export ', '=', '"', "'", '#', '\\', '\\n',
  '\\q', '${APP_NAME}', '${', '}', '$', 'redis', 'database', 'null', 'true', '(false)', 'empty', '120', '-1', '2h',
  '65536', 'My App', ' ', '\n', '\r\n', 'é', '😀',
];

function wellFormed(text: string, diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.from).toBeGreaterThanOrEqual(0);
    expect(d.to).toBeGreaterThanOrEqual(d.from);
    expect(d.to).toBeLessThanOrEqual(text.length);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/^internal parser error/);
  }
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('{', '}', ';', '"', "'", '\\', '#', '$', '\n', ' ', '=', 'a'), maxLength: 200 }),
);

describe('parsers never throw', () => {
  const parsers: [string, (t: string) => { diagnostics: Diagnostic[] }, readonly string[]][] = [
    ['nginx', (t) => parseNginxUpstream(t), NGINX_TOKENS],
    ['haproxy', parseHaproxyBackend, HAPROXY_TOKENS],
    ['env', parseEnv, ENV_TOKENS],
  ];
  for (const [name, parse, tokens] of parsers) {
    it(`${name}: on arbitrary strings, unicode included`, () => {
      fc.assert(fc.property(anyText, (t) => wellFormed(t, parse(t).diagnostics)), { numRuns: RUNS });
    });
    it(`${name}: on token soup from its own grammar`, () => {
      fc.assert(fc.property(soup(tokens), (t) => wellFormed(t, parse(t).diagnostics)), { numRuns: RUNS });
    });
  }
  it('updateEnvText on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, soup(ENV_TOKENS)), sessionPartial, redisPartial, (t, session, redis) => {
        expect(typeof updateEnvText(t, { session, redis })).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
  it('does not choke on deep nesting', () => {
    const deep = '{'.repeat(20_000) + 'server a:80;' + '}'.repeat(20_000);
    expect(hasErrors(parseNginxUpstream(deep).diagnostics)).toBe(true);
  });
});

describe('print → parse round trips', () => {
  it('nginx: any valid balancer and nodes', () => {
    fc.assert(
      fc.property(nginxConfig, ({ balancer, nodes, upstreamName }) => {
        const printed = printNginxUpstream(balancer, nodes, upstreamName);
        const r = parseNginxUpstream(printed);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.value).toEqual({ upstreamName, balancer, nodes });
      }),
      { numRuns: RUNS },
    );
  });

  it('haproxy: any valid balancer and nodes', () => {
    fc.assert(
      fc.property(haproxyConfig, ({ balancer, nodes, backendName }) => {
        const printed = printHaproxyBackend(balancer, nodes, backendName);
        const r = parseHaproxyBackend(printed);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.value).toEqual({ backendName, balancer, nodes });
      }),
      { numRuns: RUNS },
    );
  });

  it('.env: any session and redis settings', () => {
    fc.assert(
      fc.property(sessionPartial, redisPartial, (session, redis) => {
        const r = parseEnv(printEnv(session, redis));
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.value).toEqual({ session, redis });
      }),
      { numRuns: RUNS },
    );
  });

  it('.env: updateEnvText applies the changes and keeps every other line', () => {
    const base = ['# Production', 'APP_ENV=production', 'MAIL_MAILER=log # mail', '', 'DB_HOST=10.0.0.2'];
    fc.assert(
      fc.property(sessionPartial, redisPartial, sessionPartial, redisPartial, (s0, r0, s1, r1) => {
        const before = base.join('\n') + '\n' + printEnv(s0, r0);
        const after = updateEnvText(before, { session: s1, redis: r1 });
        const r = parseEnv(after);
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(r.value).toEqual({ session: { ...s0, ...s1 }, redis: { ...r0, ...r1 } });
        const kept = after.split('\n').filter((l) => base.includes(l) && l !== '');
        expect(kept).toEqual(base.filter((l) => l !== ''));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('laravelSlug', () => {
  it('always gives lowercase ASCII words joined by the separator', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(laravelSlug(s, '_')).toMatch(/^([a-z0-9]+(_[a-z0-9]+)*)?$/);
      }),
      { numRuns: RUNS },
    );
  });
});
