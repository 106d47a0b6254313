/**
 * nginx routing with every server answering: the same request stream through a real nginx and
 * the simulator's Upstream must pick the same server, request by request.
 */
import type { BalancerSettings, NodeSpec } from '../../sim/types';
import { clientIps, scriptRng, sessionIds } from '../clients';
import type { LbRequest } from '../lbPair';
import { balancer, withPair } from '../lbSetup';
import { fromTally, type FeatureResult } from '../report';
import { startNginx } from './server';

const SEED = 7;

export function nginxPair(bin: string, settings: BalancerSettings, count: number, server?: (i: number) => Partial<NodeSpec>) {
  return {
    settings, count, server, reportsTried: true, compareCookies: false,
    start: (s: BalancerSettings, nodes: NodeSpec[]) => startNginx(bin, s, nodes),
  };
}

const weightsOf = (w: number[]) => (i: number): Partial<NodeSpec> => ({ weight: w[i - 1] ?? 1 });

/** Mixed GET/POST from random clients, sent one at a time (round robin depends on order). */
function stream(n: number, seed: number, extra: (i: number) => Partial<LbRequest> = () => ({})): LbRequest[] {
  const ips = clientIps(seed, n);
  const rng = scriptRng(seed, 'methods');
  return ips.map((ip, i) => ({ ip, method: rng.chance(0.2) ? 'POST' : 'GET', ...extra(i) }));
}

export async function roundRobinWeights(bin: string): Promise<FeatureResult> {
  const w = [5, 1, 2];
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, weightsOf(w)), async (pair) => {
    for (const r of stream(3000, SEED)) await pair.request(r);
    return fromTally(`round robin (3 servers, weights ${w.join('/')})`, pair.tally, 'requests routed identically');
  });
}

export async function ipHashDown(bin: string): Promise<FeatureResult> {
  const w = [3, 1, 2];
  return withPair(nginxPair(bin, balancer('nginx', 'ip-hash'), 3, (i) => ({ weight: w[i - 1]!, down: i === 2 })), async (pair) => {
    await pair.parallel(stream(10_000, SEED + 1));
    return fromTally(`ip_hash (3 servers, weights ${w.join('/')}, one down; IPv4 and IPv6 clients)`, pair.tally, 'requests routed identically');
  });
}

export async function ipHashWeights(bin: string): Promise<FeatureResult> {
  const w = [1, 4, 2, 3, 1];
  return withPair(nginxPair(bin, balancer('nginx', 'ip-hash'), 5, weightsOf(w)), async (pair) => {
    await pair.parallel(stream(5000, SEED + 2));
    return fromTally(`ip_hash (5 servers, weights ${w.join('/')})`, pair.tally, 'requests routed identically');
  });
}

/** Requests carrying a Laravel session cookie; `noCookie` of them carry none yet (→ round robin). */
function cookieStream(n: number, seed: number, cookieName: string, noCookie: number): LbRequest[] {
  const ids = sessionIds(seed, Math.ceil(n / 4));
  const rng = scriptRng(seed, 'cookies');
  return stream(n, seed, () => (rng.chance(noCookie) ? {} : { cookies: { [cookieName]: rng.pick(ids) } }));
}

export async function hashConsistent(bin: string): Promise<FeatureResult> {
  const w = [1, 2, 1, 1];
  const s = balancer('nginx', 'hash-cookie', { hashCookie: { name: 'laravel_session', consistent: true } });
  return withPair(nginxPair(bin, s, 4, weightsOf(w)), async (pair) => {
    for (const r of cookieStream(3000, SEED + 3, 'laravel_session', 0.1)) await pair.request(r);
    return fromTally(`hash $cookie_laravel_session consistent (4 servers, weights ${w.join('/')}, 10% without the cookie)`, pair.tally, 'requests routed identically');
  });
}

export async function hashConsistentDash(bin: string): Promise<FeatureResult> {
  const s = balancer('nginx', 'hash-cookie', { hashCookie: { name: 'laravel-session', consistent: true } });
  return withPair(nginxPair(bin, s, 3), async (pair) => {
    // Laravel 12.1+ names the cookie laravel-session; nginx reads "$cookie_laravel" then the text "-session".
    const rng = scriptRng(SEED + 4, 'dash');
    const ids = sessionIds(SEED + 4, 50);
    const reqs = stream(1000, SEED + 4, (): Partial<LbRequest> => {
      const x = rng.float();
      if (x < 0.6) return { cookies: { 'laravel-session': rng.pick(ids) } };
      if (x < 0.9) return { cookies: { laravel: rng.pick(ids), 'laravel-session': rng.pick(ids) } };
      return {};
    });
    for (const r of reqs) await pair.request(r);
    return fromTally('hash "$cookie_laravel-session" consistent (3 servers; nginx hashes "$cookie_laravel" + "-session")', pair.tally, 'requests routed identically');
  });
}

export async function hashPlain(bin: string): Promise<FeatureResult> {
  const w = [2, 1, 3];
  const s = balancer('nginx', 'hash-cookie', { hashCookie: { name: 'laravel_session', consistent: false } });
  return withPair(nginxPair(bin, s, 3, weightsOf(w)), async (pair) => {
    for (const r of cookieStream(2000, SEED + 5, 'laravel_session', 0.1)) await pair.request(r);
    return fromTally(`hash $cookie_laravel_session (not consistent; 3 servers, weights ${w.join('/')})`, pair.tally, 'requests routed identically');
  });
}

export async function leastConnSequential(bin: string): Promise<FeatureResult> {
  const w = [2, 1, 1];
  return withPair(nginxPair(bin, balancer('nginx', 'least-conn'), 3, weightsOf(w)), async (pair) => {
    for (const r of stream(1000, SEED + 6)) await pair.request(r);
    return fromTally(`least_conn (3 servers, weights ${w.join('/')}, one request at a time: ties → weighted round robin)`, pair.tally, 'requests routed identically');
  });
}
