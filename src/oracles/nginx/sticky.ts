/**
 * nginx `sticky cookie`: open source only since nginx 1.29.6 (NGINX Plus before), so the Debian
 * 12 nginx 1.22 cannot be the oracle. Two checks instead:
 * 1. `nginx -t` on the printer's block, to report plainly that this nginx lacks the directive;
 * 2. the simulator against the behaviour the nginx documentation states for `sticky cookie`
 *    (ngx_http_upstream_module, "sticky"), and — where the documentation says "the server is
 *    selected by the configured balancing method" — against a real nginx round robin.
 */
import { createHash } from 'node:crypto';
import { Upstream } from '../../sim/balancer';
import type { NodeSpec } from '../../sim/types';
import { clientIps } from '../clients';
import { Tally } from '../compare';
import { balancer, withPair } from '../lbSetup';
import { fromTally, fail, type FeatureResult } from '../report';
import { nginxPair } from './routing';
import { nginxVersion, testNginxConf } from './server';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

/** Does this nginx accept the printed `sticky cookie` line? */
export async function stickyAvailability(bin: string): Promise<{ available: boolean; version: string; message: string }> {
  const version = await nginxVersion(bin);
  const nodes: NodeSpec[] = [1, 2].map((i) => ({
    name: `node-${i}`, address: `127.0.0.1:${18000 + i}`, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false,
  }));
  const t = await testNginxConf(bin, balancer('nginx', 'cookie'), nodes);
  const msg = /unknown directive "sticky"/.exec(t.output)?.[0] ?? t.output.split('\n')[0] ?? '';
  return { available: t.ok, version, message: msg };
}

function settle(up: Upstream, ip: string, cookies: Record<string, string>, now = 0): { node: string | null; set: Record<string, string> } {
  const r = up.route({ ip, method: 'GET', cookie: (n) => cookies[n] }, now);
  const p = r.next(now);
  if (p !== null) r.done(now, true);
  const set: Record<string, string> = {};
  for (const c of r.responseCookies()) set[c.name] = c.value;
  return { node: p?.name ?? null, set };
}

/** The documented behaviour, checked on the simulator alone. */
function documented(tally: Tally): void {
  const nodes: NodeSpec[] = [1, 2, 3].map((i) => ({
    name: `node-${i}`, address: `10.0.0.${10 + i}:80`, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false,
    ...(i === 3 ? { cookieValue: 'c' } : {}),
  }));
  const s = balancer('nginx', 'cookie', { stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: '.example.com', path: '/' } });
  const up = new Upstream(s, nodes);
  // "the cookie value is a hexadecimal representation of MD5 hash of the IP address and port … or the route parameter"
  const first = [settle(up, '192.0.2.1', {}), settle(up, '192.0.2.2', {}), settle(up, '192.0.2.3', {})];
  const expected = [md5('10.0.0.11:80'), md5('10.0.0.12:80'), 'c'];
  first.forEach((f, i) => tally.add(f.set.srv_id === expected[i] ? null : `cookie ${f.set.srv_id} expected ${expected[i]}`,
    `Set-Cookie value for ${nodes[i]!.name}: MD5 of "address:port", or route=`));
  // "Further requests with this cookie will be passed to the designated server."
  for (const [i, f] of first.entries()) {
    const again = Array.from({ length: 5 }, () => settle(up, '203.0.113.9', { srv_id: f.set.srv_id! }).node);
    tally.add(again.every((n) => n === nodes[i]!.name) ? null : `went to ${again.join(',')}`, `bound client of ${nodes[i]!.name} stays there`);
  }
  // "If the designated server cannot process a request, the new server is selected as if the client has not been bound yet."
  const r = up.route({ ip: '192.0.2.9', method: 'GET', cookie: (n) => (n === 'srv_id' ? expected[1] : undefined) }, 1000);
  const p1 = r.next(1000);
  r.done(1000, false);
  const p2 = r.next(1000);
  if (p2 !== null) r.done(1000, true);
  const rebound = r.responseCookies().find((c) => c.name === 'srv_id')?.value;
  tally.add(p1?.name === 'node-2' && p2 !== null && p2.name !== 'node-2' && rebound === (p2.name === 'node-3' ? 'c' : md5(p2.address)) ? null
    : `tried ${p1?.name} then ${p2?.name}, cookie ${rebound}`, 'designated server fails: re-bound as a new client, new cookie');
  // While node-2 is failed (max_fails=1 within fail_timeout), its clients are balanced like new ones.
  const during = settle(up, '192.0.2.9', { srv_id: expected[1]! }, 2000);
  tally.add(during.node !== 'node-2' && during.set.srv_id !== expected[1] ? null : `went to ${during.node}`, 'bound to a failed server: balanced as new');
  // An unknown value is a client "not yet bound".
  const unknown = settle(up, '192.0.2.10', { srv_id: 'no-such-server' }, 2000);
  tally.add(unknown.node !== null && unknown.set.srv_id !== 'no-such-server' ? null : 'kept the unknown value', 'unknown cookie value: balanced as new');
  // "expires=time … max-age" and the domain / path attributes.
  const c = up.route({ ip: '192.0.2.11', method: 'GET', cookie: () => undefined }, 3000);
  c.next(3000);
  c.done(3000, true);
  const cookie = c.responseCookies()[0];
  tally.add(cookie?.maxAgeSec === 3600 && cookie.domain === '.example.com' && cookie.path === '/' ? null : JSON.stringify(cookie),
    'expires=1h domain=.example.com path=/ on the cookie');
  // Without expires= the cookie is a session cookie.
  const noExp = new Upstream(balancer('nginx', 'cookie', { stickyCookie: { name: 'srv_id', expiresSec: null, domain: null, path: null } }), nodes);
  const c2 = noExp.route({ ip: '192.0.2.12', method: 'GET', cookie: () => undefined }, 0);
  c2.next(0);
  c2.done(0, true);
  tally.add(c2.responseCookies()[0]?.maxAgeSec === null ? null : 'has an expiry', 'no expires=: a session cookie');
}

export async function sticky(bin: string): Promise<FeatureResult[]> {
  const avail = await stickyAvailability(bin);
  const out: FeatureResult[] = [];
  const tally = new Tally();
  documented(tally);
  const head = avail.available
    ? `sticky cookie (nginx ${avail.version} accepts it; compared against its documentation only)`
    : `sticky cookie: not in nginx ${avail.version} (nginx -t: ${avail.message}; open source only since 1.29.6), checked against its documented behaviour`;
  out.push(fromTally(head, tally, 'checks agree'));
  // Unbound clients follow the balancing method: compare with a real nginx round robin.
  const w = [3, 1, 2];
  const real = await withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, (i) => ({ weight: w[i - 1]! })), async (pair, nodes) => {
    const stickyUp = new Upstream(balancer('nginx', 'cookie'), nodes);
    const t = new Tally();
    for (const ip of clientIps(41, 600)) {
      const now = Date.now();
      const realOut = await pair.real({ ip, method: 'GET' });
      const sim = settle(stickyUp, ip, {}, now);
      const addr = nodes.find((n) => n.name === sim.node)?.address ?? '';
      t.add(sim.node === realOut.node && sim.set.srv_id === md5(addr) ? null : `sticky sim ${sim.node} real round robin ${realOut.node}`, ip);
    }
    return t;
  });
  out.push(real.total === 0 ? fail('sticky cookie, clients not yet bound', 'nothing compared')
    : fromTally(`sticky cookie, clients not yet bound (weights ${w.join('/')}): the simulator vs a real nginx round robin`, real, 'requests routed identically, each with Set-Cookie = MD5 of the chosen server'));
  return out;
}
