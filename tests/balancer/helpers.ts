/** Shared builders for the balancer tests: server lines, settings, requests, one-shot picks. */
import { Upstream, type BalancerRequest } from '../../src/sim/balancer';
import type { BalancerSettings, NodeSpec } from '../../src/sim/types';

/** `server nodeI.internal:80` with nginx's defaults (weight=1 max_fails=1 fail_timeout=10s). */
export function node(i: number, o: Partial<NodeSpec> = {}): NodeSpec {
  return {
    name: `node-${i}`, address: `node${i}.internal:80`, weight: 1, maxFails: 1, failTimeoutSec: 10,
    down: false, backup: false, ...o,
  };
}

/** `count` default server lines. */
export function nodes(count: number, o: (i: number) => Partial<NodeSpec> = () => ({})): NodeSpec[] {
  return Array.from({ length: count }, (_, k) => node(k + 1, o(k + 1)));
}

/** Balancer settings, nginx round robin unless overridden. */
export function settings(o: Partial<BalancerSettings> = {}): BalancerSettings {
  return {
    flavor: 'nginx',
    strategy: 'round-robin',
    stickyCookie: { name: 'srv_id', expiresSec: 3600, domain: '.example.com', path: '/' },
    hashCookie: { name: 'laravel_session', consistent: true },
    redispatch: true,
    ...o,
  };
}

/** A GET from `ip` carrying `cookies`. */
export function req(ip: string, cookies: Record<string, string> = {}): BalancerRequest {
  return { ip, method: 'GET', cookie: (n) => cookies[n] };
}

/** Route one request that succeeds on the first peer; returns that peer's name (or null). */
export function pick(up: Upstream, r: BalancerRequest, now = 0): string | null {
  const route = up.route(r, now);
  const p = route.next(now);
  if (p !== null) route.done(now, true);
  return p?.name ?? null;
}

/** `n` successive one-shot picks. */
export function picks(up: Upstream, n: number, r: BalancerRequest = req('192.0.2.1'), now = 0): (string | null)[] {
  return Array.from({ length: n }, () => pick(up, r, now));
}

/** Short names: node-1 → a, node-2 → b… (nginx's documentation writes sequences this way). */
export function letters(names: (string | null)[]): string {
  return names.map((n) => (n === null ? '-' : String.fromCharCode(96 + Number(n.slice(5))))).join(' ');
}

export { Upstream };
