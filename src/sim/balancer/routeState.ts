/**
 * nginx's per-request balancer state: `ngx_http_upstream_rr_peer_data_t` (the group being
 * tried, the `tried` bitmap, the current peer), `u->peer.tries`, `pc->hint`, and the extra
 * fields the hash balancers keep next to it (ip_hash's running hash, chash's point index…).
 */
import type { Peer, PeerGroup } from './peer';
import type { BalancerCookie, BalancerRequest } from './types';
import type { UpstreamState } from './upstreamState';

/** Per-request state. Strategies read and write only the fields they own. */
export interface RouteState {
  /** `rrp->peers`: the primary group, or the backup group once the primaries failed. */
  group: PeerGroup;
  /** `rrp->tried`: one bit per peer of `group`, 32 per word. */
  tried: number[];
  /** `u->peer.tries`: attempts left (ngx_http_upstream_tries = non-down primaries + non-down backups). */
  tries: number;
  /** `rrp->current`. */
  current: Peer | null;
  /** `pc->hint`: the sticky id the request carries, or null. */
  hint: string | null;
  /** ip_hash: the hashed address bytes. */
  addr: readonly number[];
  /** hash / chash: the evaluated key (`hp->key`). */
  key: string;
  /** ip_hash `iphp->hash`, hash `hp->hash` (running sum), chash `hp->hash` (point index). */
  hash: number;
  /** ip_hash `iphp->tries`, hash/chash `hp->tries`: rehashes so far (> 20 → round robin). */
  hashTries: number;
  /** hash `hp->rehash`. */
  rehash: number;
  /** sticky: the id of the peer last chosen, which the Set-Cookie carries. */
  cookieSid: string | null;
}

/** No address bytes (shared: only ip_hash sets its own). */
const NO_BYTES: readonly number[] = Object.freeze([]);

/** A fresh per-request state (ngx_http_upstream_init_round_robin_peer). */
export function createRouteState(group: PeerGroup, tries: number): RouteState {
  const words = Math.max(1, Math.ceil(group.peers.length / 32));
  return {
    // Up to 32 peers (always, in practice) the bitmap is a literal: cheaper than new Array().fill().
    group, tried: words === 1 ? [0] : new Array<number>(words).fill(0), tries, current: null, hint: null,
    addr: NO_BYTES, key: '', hash: 0, hashTries: 0, rehash: 0, cookieSid: null,
  };
}

/** `rrp->tried[n] & m`. */
export function isTried(tried: number[], i: number): boolean {
  return ((tried[i >>> 5] ?? 0) & (1 << (i & 31))) !== 0;
}

/** `rrp->tried[n] |= m`. */
export function setTried(tried: number[], i: number): void {
  const w = i >>> 5;
  while (tried.length <= w) tried.push(0);
  tried[w] = (tried[w] ?? 0) | (1 << (i & 31));
}

/** Clear the bitmap (when switching to the backup group). */
export function resetTried(tried: number[]): void {
  tried.fill(0);
}

/**
 * One nginx balancing method: `peer.init` + `peer.get`, and the sticky module's Set-Cookie.
 * Each is a frozen module constant holding no state, so a checkpoint shares it (graphClone.ts).
 */
export interface NginxBalancer {
  /** Per-request setup (the module's init_*_peer). */
  init(up: UpstreamState, r: RouteState, req: BalancerRequest): void;
  /** Choose the next peer, count a connection on it and mark it tried; null is NGX_BUSY. */
  get(up: UpstreamState, r: RouteState, now: number): Peer | null;
  /** Cookies for the response (sticky only). */
  cookies?(up: UpstreamState, r: RouteState): BalancerCookie[];
}
