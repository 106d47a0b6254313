/**
 * The load balancer the engine talks to: an nginx `upstream {}` block or an HAProxy `backend`,
 * built from the server lines. It holds every peer's runtime counters; each request gets a
 * {@link Route} (nginx's per-request peer data) from {@link Upstream.route}.
 */
import type { BalancerSettings, NodeSpec } from '../types';
import { hashCookie, hashCookieConsistent } from './hashCookie';
import { applyHealthCheck, isRunning, serverStateChanged, isUsable } from './haproxyHealth';
import { HaproxyRoute } from './haproxyRoute';
import { ipHash } from './ipHash';
import { leastConn } from './leastConn';
import { NginxRoute } from './nginxRoute';
import { isTempDown, peerView, type Peer } from './peer';
import { roundRobin } from './roundRobin';
import type { NginxBalancer } from './routeState';
import { stickyCookie } from './stickyCookie';
import type { BalancerRequest, PeerView, Route } from './types';
import { createUpstreamState, type UpstreamState } from './upstreamState';

function nginxBalancer(settings: BalancerSettings): NginxBalancer {
  switch (settings.strategy) {
    case 'round-robin': return roundRobin;
    case 'least-conn': return leastConn;
    case 'ip-hash': return ipHash;
    case 'cookie': return stickyCookie;
    case 'hash-cookie': return settings.hashCookie.consistent ? hashCookieConsistent : hashCookie;
  }
}

/** An upstream group with nginx's (or HAProxy's) balancing and health semantics. */
export class Upstream {
  private readonly state: UpstreamState;
  private readonly balancer: NginxBalancer | null;

  /**
   * @param settings flavour, strategy and cookie names.
   * @param nodes the server lines, in order. Throws if nginx would refuse them ("no servers in upstream").
   */
  constructor(settings: BalancerSettings, nodes: NodeSpec[]) {
    this.state = createUpstreamState(settings, nodes);
    this.balancer = settings.flavor === 'nginx' ? nginxBalancer(settings) : null;
  }

  /** Start routing one request. Call `next(now)` for a peer, then `done(now, ok)`, as many times as the engine retries. */
  route(req: BalancerRequest, now: number): Route {
    this.state.lastNow = Math.max(this.state.lastNow, now);
    return this.balancer === null ? new HaproxyRoute(this.state, req) : new NginxRoute(this.state, this.balancer, req);
  }

  /** Every server in upstream order, as seen at `now` (default: the latest time the balancer was given). */
  peers(now: number = this.state.lastNow): PeerView[] {
    const haproxy = this.balancer === null;
    return this.state.all.map((p) =>
      haproxy ? peerView(p, !isRunning(p), p.checkFails) : peerView(p, isTempDown(p, now)));
  }

  /**
   * Configure a server `down` or back. nginx: the `down` flag (keeps its ip_hash slot; a real
   * nginx needs a reload, which would also reset the counters: they are kept here). HAProxy:
   * maintenance mode (no traffic, its cookie is ignored, `balance source` remaps).
   */
  setDown(name: string, down: boolean): void {
    const p = this.find(name);
    const wasUsable = isUsable(p);
    p.down = down;
    serverStateChanged(this.state, p, wasUsable);
  }

  /** nginx 1.29.6+ `drain` on a server (or off): clients bound by the sticky cookie stay, new ones go elsewhere. */
  setDrain(name: string, drain: boolean): void {
    this.find(name).drain = drain;
  }

  /**
   * HAProxy: the result of one active check (`check inter 2000 fall 3 rise 2`); the engine calls
   * it every {@link HAPROXY_CHECK}.interMs per server. nginx open source has no active checks:
   * ignored there.
   */
  healthCheck(name: string, ok: boolean, now: number): void {
    this.state.lastNow = Math.max(this.state.lastNow, now);
    if (this.balancer !== null) return;
    applyHealthCheck(this.state, this.find(name), ok);
  }

  /**
   * Whether a request whose upstream failed *after it was sent* (the app process died, the
   * connection was reset before a response) goes to the next server. nginx: yes for a GET
   * (`proxy_next_upstream error`; a POST is not retried unless `non_idempotent`). HAProxy: no,
   * whatever the method: `retries` only covers connection failures (`retry-on conn-failure`, the
   * default), so the client gets a 502 at once. A refused connection is retried by both.
   * Verified against nginx 1.22 and haproxy 2.6 by `npm run oracles`.
   */
  retriesAfterSent(method: 'GET' | 'POST'): boolean {
    return this.balancer !== null && method === 'GET';
  }

  /** The status the engine answers when a Route ends with no peer: nginx 502, HAProxy 503. */
  get noPeerStatus(): 502 | 503 {
    return this.balancer === null ? 503 : 502;
  }

  private find(name: string): Peer {
    const p = this.state.all.find((x) => x.name === name);
    if (p === undefined) throw new Error(`no server named ${name} in the upstream`);
    return p;
  }
}
