/**
 * HAProxy balancing compared request by request: `balance roundrobin` (equal and unequal
 * weights), `balance source` (weights, a disabled server), `balance leastconn` with held
 * connections, and `cookie SERVERID insert indirect nocache` + `option redispatch` with
 * browsers that keep the cookie.
 */
import type { BalancerSettings, NodeSpec } from '../../sim/types';
import { clientIps, scriptRng } from '../clients';
import { heldScript } from '../held';
import type { LbRequest } from '../lbPair';
import { balancer, withPair, type PairSpec } from '../lbSetup';
import { fromTally, type FeatureResult } from '../report';
import { startHaproxy, type RunningHaproxy } from './server';

const SEED = 23;

/** HAProxy server defaults as the config parser reads them (no `check` unless asked). */
export function hapServer(o: Partial<NodeSpec> = {}): Partial<NodeSpec> {
  return { weight: 1, maxFails: 0, failTimeoutSec: 2, ...o };
}

export function haproxyPair(bin: string, settings: BalancerSettings, count: number, server: (i: number) => Partial<NodeSpec>,
  onStart?: (h: RunningHaproxy) => void): PairSpec {
  return {
    settings, count, server, reportsTried: false, compareCookies: true, cookieNames: [settings.stickyCookie.name],
    start: async (s, nodes) => {
      const h = await startHaproxy(bin, s, nodes);
      onStart?.(h);
      return h;
    },
  };
}

function stream(n: number, seed: number): LbRequest[] {
  const ips = clientIps(seed, n, 0);
  const rng = scriptRng(seed, 'hap-methods');
  return ips.map((ip) => ({ ip, method: rng.chance(0.2) ? 'POST' : 'GET' }));
}

export async function roundRobin(bin: string, w: number[]): Promise<FeatureResult> {
  const s = balancer('haproxy', 'round-robin', { redispatch: false });
  return withPair(haproxyPair(bin, s, w.length, (i) => hapServer({ weight: w[i - 1]! })), async (pair) => {
    for (const r of stream(w.some((x) => x !== 1) ? 2000 : 600, SEED + w.length)) await pair.request(r);
    return fromTally(`HAProxy balance roundrobin (${w.length} servers, weights ${w.join('/')})`, pair.tally, 'requests routed identically');
  });
}

export async function source(bin: string): Promise<FeatureResult> {
  const w = [3, 1, 2, 2];
  const s = balancer('haproxy', 'ip-hash', { redispatch: false });
  return withPair(haproxyPair(bin, s, 4, (i) => hapServer({ weight: w[i - 1]!, down: i === 4 })), async (pair) => {
    await pair.parallel(stream(10_000, SEED + 10));
    return fromTally(`HAProxy balance source (4 servers, weights ${w.join('/')}, one disabled)`, pair.tally, 'requests routed identically');
  });
}

export async function leastconnHeld(bin: string): Promise<FeatureResult> {
  const w = [3, 1, 2];
  const s = balancer('haproxy', 'least-conn', { redispatch: false });
  return withPair(haproxyPair(bin, s, 3, (i) => hapServer({ weight: w[i - 1]! })), async (pair) => {
    await heldScript(pair, SEED + 11, 400, 12);
    return fromTally(`HAProxy balance leastconn (weights ${w.join('/')}) with up to 12 requests held open`, pair.tally, 'picks identical');
  });
}

/**
 * Browsers with a cookie jar: the first request is balanced (roundrobin) and gets
 * `SERVERID=<server's cookie>`; later ones go straight to that server and get no new cookie
 * (`indirect`). Then a server is put in maintenance (`disable server`): its clients are
 * redispatched and re-cookied; then it comes back.
 */
export async function cookieInsert(bin: string, withCookieValues: boolean): Promise<FeatureResult> {
  const s = balancer('haproxy', 'cookie', { redispatch: true });
  let h: RunningHaproxy | null = null;
  const server = (i: number): Partial<NodeSpec> => hapServer(withCookieValues ? { cookieValue: `s${i}` } : {});
  return withPair(haproxyPair(bin, s, 3, server, (x) => { h = x; }), async (pair) => {
    const ips = clientIps(SEED + 12, 60, 0);
    const rng = scriptRng(SEED + 12, 'cookie-clients');
    const req = (): LbRequest => {
      const c = rng.int(ips.length);
      return { ip: ips[c]!, method: rng.chance(0.2) ? 'POST' : 'GET', client: c };
    };
    for (let i = 0; i < 300; i++) await pair.request(req());
    await h!.admin('disable server laravel_cluster/node-2');
    pair.up.setDown('node-2', true);
    for (let i = 0; i < 300; i++) await pair.request(req());
    await h!.admin('enable server laravel_cluster/node-2');
    pair.up.setDown('node-2', false);
    for (let i = 0; i < 300; i++) await pair.request(req());
    const what = withCookieValues ? 'servers with `cookie s1…s3`' : 'server lines as printed for NodeSpecs without cookieValue';
    return fromTally(`HAProxy cookie SERVERID insert indirect nocache + option redispatch (3 servers, ${what}; node-2 disabled then enabled)`,
      pair.tally, 'requests identical (server and Set-Cookie)');
  });
}
