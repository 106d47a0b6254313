/**
 * One request through an nginx upstream: the engine-facing {@link Route} over a balancer's
 * `peer.get` / `peer.free` pair, with nginx's attempt budget (`u->peer.tries`, checked in
 * ngx_http_upstream_next before every retry).
 */
import { groupTries, peerView } from './peer';
import { freeRoundRobinPeer } from './roundRobin';
import { createRouteState, type NginxBalancer, type RouteState } from './routeState';
import { NO_COOKIES, type BalancerCookie, type BalancerRequest, type PeerView, type Route, type RouteEnd } from './types';
import type { UpstreamState } from './upstreamState';

/** nginx's per-request state behind the {@link Route} contract. */
export class NginxRoute implements Route {
  /** Why `next` last returned null, or null while it has not. */
  end: RouteEnd | null = null;
  private readonly r: RouteState;
  private attempts = 0;

  constructor(
    private readonly up: UpstreamState,
    private readonly balancer: NginxBalancer,
    req: BalancerRequest,
  ) {
    // ngx_http_upstream_init_round_robin_peer: u->peer.tries = ngx_http_upstream_tries(peers).
    this.r = createRouteState(up.primary, groupTries(up.primary) + groupTries(up.backup));
    balancer.init(up, this.r, req);
  }

  /** {@inheritDoc Route.next} */
  next(now: number): PeerView | null {
    if (this.r.current !== null) throw new Error('Route.next() called before done() for the previous peer');
    this.up.lastNow = Math.max(this.up.lastNow, now);
    // ngx_http_upstream_next: "if (u->peer.tries == 0 ...)" finalizes with the last error.
    if (this.attempts > 0 && this.r.tries === 0) {
      this.end = 'tries-exhausted';
      return null;
    }
    const peer = this.balancer.get(this.up, this.r, now);
    if (peer === null) {
      this.r.current = null;
      this.end = 'no-live-upstreams';
      return null;
    }
    this.attempts++;
    this.r.current = peer;
    return peerView(peer, false);
  }

  /** {@inheritDoc Route.done} */
  done(now: number, ok: boolean): void {
    const peer = this.r.current;
    if (peer === null) throw new Error('Route.done() without a peer from next()');
    this.up.lastNow = Math.max(this.up.lastNow, now);
    freeRoundRobinPeer(this.r, peer, ok, now);
    this.r.current = null;
  }

  /** {@inheritDoc Route.responseCookies} */
  responseCookies(): readonly BalancerCookie[] {
    return this.balancer.cookies?.(this.up, this.r) ?? NO_COOKIES;
  }
}
