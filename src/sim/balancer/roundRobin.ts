/**
 * nginx's default balancer and everyone's fallback (src/http/ngx_http_upstream_round_robin.c):
 * smooth weighted round robin (ngx_http_upstream_get_peer), the backup switch
 * (ngx_http_upstream_get_round_robin_peer), and the passive health accounting every balancer
 * shares (ngx_http_upstream_free_round_robin_peer).
 */
import { isTempDown, ngxTime, touchChecked, type Peer } from './peer';
import { isTried, resetTried, setTried, type NginxBalancer, type RouteState } from './routeState';
import type { UpstreamState } from './upstreamState';

/**
 * ngx_http_upstream_get_rr_peer_by_sid: the peer the sticky hint names, if it is in the group
 * being tried, not tried yet, not `down` and not failed. Returns its index or -1.
 */
function peerBySid(r: RouteState, now: number): number {
  const peers = r.group.peers;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i]!;
    if (p.sid !== r.hint) continue;
    if (isTried(r.tried, i) || p.down || isTempDown(p, now)) return -1;
    return i;
  }
  return -1;
}

function chosen(r: RouteState, i: number, now: number): Peer {
  const best = r.group.peers[i]!;
  r.current = best;
  setTried(r.tried, i);
  touchChecked(best, now);
  return best;
}

/**
 * ngx_http_upstream_get_peer: every eligible peer gains its effective weight, the largest
 * current weight wins and pays back the total. Weights 5/1/1 give a a b a c a a.
 * With a sticky hint (1.29.6+), the hinted peer wins but still takes part in the accounting,
 * unless it is already `total_weight - weight` in debt (`low_limit`).
 */
export function getPeer(r: RouteState, now: number): Peer | null {
  const peers = r.group.peers;
  const st = r.hint === null ? -1 : peerBySid(r, now);
  if (st >= 0) {
    const sp = peers[st]!;
    // "do not update weights if the limit exceeded"
    if (sp.currentWeight <= -(r.group.totalWeight - sp.weight)) return chosen(r, st, now);
  }
  let best = -1;
  let total = 0;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i]!;
    // A draining peer (`drain`) takes only the clients bound to it (the sticky hint above).
    if (isTried(r.tried, i) || p.down || p.drain || isTempDown(p, now)) continue;
    p.currentWeight += p.effectiveWeight;
    total += p.effectiveWeight;
    if (p.effectiveWeight < p.weight) p.effectiveWeight++;
    if (best < 0 || p.currentWeight > peers[best]!.currentWeight) best = i;
  }
  // "prefer peer chosen by sticky to best from RR"
  if (st >= 0) best = st;
  if (best < 0) return null;
  peers[best]!.currentWeight -= total;
  return chosen(r, best, now);
}

/**
 * ngx_http_upstream_get_round_robin_peer. A single-server group takes the request unless it is
 * `down`, failures or not. When nothing in the primaries is eligible the request moves to the
 * backup group for good (`rrp->peers = peers->next`, tried bits cleared). If that fails too the
 * answer is NGX_BUSY, "no live upstreams" (502), and the failure counts are left alone: every
 * request gets the same answer until a peer's `fail_timeout` has passed. (Old nginx reset every
 * peer's `fails` here, "mark them as live for quick recovery"; a real nginx 1.22 does not:
 * `npm run oracles`, docs/fidelity.md.)
 */
export function getRoundRobinPeer(up: UpstreamState, r: RouteState, now: number): Peer | null {
  const group = r.group;
  let peer: Peer | null;
  if (group.single) {
    const only = group.peers[0]!;
    peer = only.down ? null : only;
    r.current = peer;
  } else {
    peer = getPeer(r, now);
  }
  if (peer !== null) {
    peer.conns++;
    return peer;
  }
  if (group === up.primary && up.backup !== null) {
    r.group = up.backup;
    resetTried(r.tried);
    const fromBackup = getRoundRobinPeer(up, r, now);
    if (fromBackup !== null) return fromBackup;
  }
  return null;
}

/**
 * ngx_http_upstream_free_round_robin_peer. A single peer: fails cleared, no retry (tries = 0).
 * Failure: fails++, accessed = checked = now, effective_weight -= weight / max_fails (not below 0).
 * Success: "mark peer live if check passed" (accessed < checked, compared in seconds).
 */
export function freeRoundRobinPeer(r: RouteState, peer: Peer, ok: boolean, now: number): void {
  if (r.group.single) {
    peer.fails = 0;
    peer.conns--;
    r.tries = 0;
    return;
  }
  if (!ok) {
    peer.fails++;
    peer.accessed = now;
    peer.checked = now;
    if (peer.maxFails > 0) peer.effectiveWeight -= Math.trunc(peer.weight / peer.maxFails);
    if (peer.effectiveWeight < 0) peer.effectiveWeight = 0;
  } else if (ngxTime(peer.accessed) < ngxTime(peer.checked)) {
    peer.fails = 0;
  }
  peer.conns--;
  if (r.tries > 0) r.tries--;
}

/** The default `upstream {}`: smooth weighted round robin. */
export const roundRobin: NginxBalancer = Object.freeze<NginxBalancer>({
  init() {},
  get: getRoundRobinPeer,
});
