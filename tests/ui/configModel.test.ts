import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/config';
import {
  applyPatch, describePatch, describesSettings, errorStatus, parseConfig, realConfigSnippet, textFor,
} from '../../src/ui/config/editorModel';
import { defaultBalancer, defaultNode, defaultSettings } from '../../src/sim/settings';
import type { SimSettings } from '../../src/sim/types';

const NGINX = 'upstream laravel_cluster {\n  server node1.internal:80;\n  server node2.internal:80;\n}\n';

describe('parsing an editor\'s text against the running settings', () => {
  it('a typo is an error, with the status line the editor shows', () => {
    const s = defaultSettings();
    const r = parseConfig('nginx', 'upstream laravel_cluster {\n  server node1.internal:80;\n  server node2.internal:80 weightt=2;\n}\n', s);
    expect(r.patch).toBeNull();
    expect(errorStatus(r.diagnostics)).toBe(
      'line 3: invalid parameter "weightt=2"; did you mean "weight=2"? — simulation keeps running with the last good config',
    );
  });

  it('ip_hash; switches the balancer and nothing else', () => {
    const s = defaultSettings();
    const r = parseConfig('nginx', NGINX.replace('{\n', '{\n  ip_hash;\n'), s);
    expect(r.patch?.balancer?.strategy).toBe('ip-hash');
    expect(describePatch(s, r.patch!)).toEqual(['balancer: ip-hash']);
    expect(applyPatch(s, r.patch!).balancer).toEqual(defaultBalancer('ip-hash'));
    expect(r.blockName).toBe('laravel_cluster');
  });

  it('the printed default settings describe the running settings: nothing to apply', () => {
    const s = defaultSettings();
    expect(textFor('nginx', s, '', null)).toBe(NGINX);
    expect(describesSettings('nginx', NGINX, s)).toBe(true);
    expect(describesSettings('env', textFor('env', s, '', null), s)).toBe(true);
    const hap = { ...s, balancer: { ...defaultBalancer(), flavor: 'haproxy' as const, redispatch: true } };
    expect(describesSettings('haproxy', textFor('haproxy', hap, '', null), hap)).toBe(true);
  });

  it('.env edits become session and Redis settings; unknown keys and comments are fine', () => {
    const s = defaultSettings();
    const r = parseConfig('env', '# mine\nAPP_NAME="My Shop"\nSESSION_DRIVER=redis\nMAIL_MAILER=log\n', s);
    expect(r.patch?.session).toEqual({ ...s.session, driver: 'redis', appName: 'My Shop' });
    expect(describePatch(s, r.patch!)).toEqual(['APP_NAME=My Shop', 'SESSION_DRIVER=redis']);
    expect(parseConfig('env', 'SESSION_DRIVER=memcached\n', s).patch).toBeNull();
  });

  it('more servers than the simulator runs is an error at the first one too many', () => {
    const s = defaultSettings();
    const text = `upstream u {\n${Array.from({ length: 9 }, (_, i) => `  server n${i + 1}:80;\n`).join('')}}\n`;
    const r = parseConfig('nginx', text, s);
    expect(r.patch).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', message: 'the simulator runs at most 8 app servers; this is server 9', line: 10, col: 3,
    })]);
    expect(text.slice(r.diagnostics[0]!.from, r.diagnostics[0]!.to)).toBe('server');
  });

  it('settings changed elsewhere rewrite only the .env values, keeping the student\'s lines', () => {
    const s = defaultSettings();
    const mine = '# production\nAPP_NAME=Laravel\nSESSION_DRIVER=file # was file\nMAIL_MAILER=log\n';
    const next = { ...s, session: { ...s.session, driver: 'redis' as const } };
    const out = textFor('env', next, mine, null);
    expect(out.split('\n').slice(0, 4)).toEqual(['# production', 'APP_NAME=Laravel', 'SESSION_DRIVER=redis # was file', 'MAIL_MAILER=log']);
    expect(describesSettings('env', out, next)).toBe(true);
  });

  it('DB_CONNECTION and CACHE_STORE in the .env follow the settings (issue 15), and the node\'s own .env describes them', () => {
    const db = defaultSettings();
    db.session.driver = 'database';
    const fresh = textFor('env', db, '', null);
    expect(fresh).toContain('DB_CONNECTION=sqlite\n');
    expect(fresh).toContain('CACHE_STORE=database\n');
    expect(describesSettings('env', fresh, db)).toBe(true);
    // The Failure lab picks MySQL: the editor's DB_CONNECTION line follows, and nothing is left to apply.
    const mysql = { ...db, session: { ...db.session, dbConnection: 'mysql' as const } };
    const out = textFor('env', mysql, fresh, null);
    expect(out).toContain('DB_CONNECTION=mysql\n');
    expect(describesSettings('env', out, mysql)).toBe(true);
    // The lab moves the locks to each node's file cache: CACHE_STORE says so.
    const redis = defaultSettings();
    redis.session.driver = 'redis';
    const perNode = { ...redis, session: { ...redis.session, blockStore: 'file' as const } };
    const locks = textFor('env', perNode, textFor('env', redis, '', null), null);
    expect(locks).toContain('CACHE_STORE=file\n');
    expect(describesSettings('env', locks, perNode)).toBe(true);
  });

  it('a .env edit of CACHE_STORE moves the locks; changing only SESSION_DRIVER does not pin the old driver\'s store', () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    const text = textFor('env', s, '', null);
    const r = parseConfig('env', text.replace('CACHE_STORE=redis', 'CACHE_STORE=file'), s);
    expect(describePatch(s, r.patch!)).toEqual(['CACHE_STORE=file']);
    expect(applyPatch(s, r.patch!).session.blockStore).toBe('file');
    const file = defaultSettings();
    const driverOnly = parseConfig('env', textFor('env', file, '', null).replace('SESSION_DRIVER=file', 'SESSION_DRIVER=redis'), file);
    expect(describePatch(file, driverOnly.patch!)).toEqual(['SESSION_DRIVER=redis']);
    expect(applyPatch(file, driverOnly.patch!).session.blockStore).toBeUndefined();
  });

  it('an nginx block is reprinted under the student\'s upstream name', () => {
    const s: SimSettings = { ...defaultSettings(), balancer: defaultBalancer('least-conn'), nodes: [defaultNode(1)] };
    expect(textFor('nginx', s, 'upstream app { server a:80; }', 'app')).toBe('upstream app {\n  least_conn;\n  server node1.internal:80;\n}\n');
  });
});

describe('copy as real config', () => {
  const cases: [string, (s: SimSettings) => void][] = [
    ['round robin', () => {}],
    ['ip_hash', (s) => { s.balancer = defaultBalancer('ip-hash'); }],
    ['sticky cookie', (s) => { s.balancer = defaultBalancer('cookie'); }],
    ['hash cookie', (s) => { s.balancer = defaultBalancer('hash-cookie'); s.nodes = [defaultNode(1), defaultNode(2), defaultNode(3)]; }],
  ];
  for (const [name, change] of cases) {
    it(`nginx (${name}): the snippet parses back to the same balancer and servers`, () => {
      const s = defaultSettings();
      change(s);
      const snippet = realConfigSnippet('nginx', s, null);
      expect(snippet).toContain('proxy_pass http://laravel_cluster;');
      const r = parseConfig('nginx', snippet, s);
      expect(hasErrors(r.diagnostics)).toBe(false);
      expect(describePatch(s, r.patch!)).toEqual([]);
    });
  }

  it('HAProxy: a frontend and the backend, parsed back unchanged', () => {
    const s = defaultSettings();
    s.balancer = { ...defaultBalancer('cookie'), flavor: 'haproxy', stickyCookie: { name: 'SERVERID', expiresSec: null, domain: null, path: '/' } };
    s.nodes = s.nodes.map((n, i) => ({ ...n, maxFails: 3, failTimeoutSec: 2, cookieValue: `s${i + 1}` }));
    const snippet = realConfigSnippet('haproxy', s, null);
    expect(snippet).toBe([
      '# Add to /etc/haproxy/haproxy.cfg (after the global and defaults sections)',
      'frontend www',
      '    mode http',
      '    bind :80',
      '    default_backend laravel_cluster',
      '',
      'backend laravel_cluster',
      '    mode http',
      '    balance roundrobin',
      '    cookie SERVERID insert indirect nocache',
      '    option redispatch',
      '    server node-1 node1.internal:80 check cookie s1',
      '    server node-2 node2.internal:80 check cookie s2',
      '',
    ].join('\n'));
    const r = parseConfig('haproxy', snippet, s);
    expect(hasErrors(r.diagnostics)).toBe(false);
    expect(describePatch(s, r.patch!)).toEqual([]);
  });

  it('.env: the session and Redis lines Laravel reads', () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    expect(realConfigSnippet('env', s, null)).toBe([
      "# Session and Redis settings for Laravel's .env",
      'APP_NAME=Laravel',
      '',
      'SESSION_DRIVER=redis',
      'SESSION_LIFETIME=120',
      'SESSION_ENCRYPT=false',
      'SESSION_EXPIRE_ON_CLOSE=false',
      'SESSION_CONNECTION=null',
      'CACHE_STORE=redis', // where ->block() takes its locks (session.block_store is unset)
      '',
      'REDIS_CLIENT=phpredis',
      'REDIS_HOST=127.0.0.1',
      'REDIS_PASSWORD=null',
      'REDIS_PORT=6379',
      'REDIS_DB=0',
      '',
    ].join('\n'));
    expect(describesSettings('env', realConfigSnippet('env', s, null), s)).toBe(true);
  });

  it('.env with Sentinel: says where the course is wrong (phpredis does not follow a failover), not with predis', () => {
    const s = defaultSettings();
    s.session.driver = 'redis';
    s.redis.sentinel = true;
    const snippet = realConfigSnippet('env', s, null);
    expect(snippet).toContain("# Sentinel: Laravel's phpredis connector has no Sentinel support");
    expect(describesSettings('env', snippet, s)).toBe(true);
    s.redis.client = 'predis';
    expect(realConfigSnippet('env', s, null)).not.toContain('# Sentinel');
    expect(realConfigSnippet('env', s, null)).toContain('REDIS_CLIENT=predis');
  });
});
