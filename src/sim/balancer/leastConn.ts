/**
 * nginx `least_conn` (src/http/modules/ngx_http_upstream_least_conn_module.c,
 * ngx_http_upstream_get_least_conn_peer): the eligible peer with the fewest connections per
 * unit of weight; peers tied on that ratio are split by smooth weighted round robin.
 */
import { isTempDown, touchChecked, type Peer } from './peer';
import { getRoundRobinPeer } from './roundRobin';
import { isTried, resetTried, setTried, type NginxBalancer, type RouteState } from './routeState';
import type { UpstreamState } from './upstreamState';

function eligible(r: RouteState, i: number, now: number): boolean {
  const p = r.group.peers[i]!;
  return !isTried(r.tried, i) && !p.down && !isTempDown(p, now);
}

/** ngx_http_upstream_get_least_conn_peer. */
export function getLeastConnPeer(up: UpstreamState, r: RouteState, now: number): Peer | null {
  const group = r.group;
  if (group.single) return getRoundRobinPeer(up, r, now);
  const peers = group.peers;
  let best = -1;
  let many = false;
  for (let i = 0; i < peers.length; i++) {
    if (!eligible(r, i, now)) continue;
    const p = peers[i]!;
    if (best < 0) {
      best = i;
      many = false;
      continue;
    }
    const b = peers[best]!;
    // conns/weight compared without division: "peer->conns * best->weight < best->conns * peer->weight"
    if (p.conns * b.weight < b.conns * p.weight) {
      best = i;
      many = false;
    } else if (p.conns * b.weight === b.conns * p.weight) {
      many = true;
    }
  }
  if (best >= 0) {
    let total = 0;
    if (many) {
      // "if there are multiple peers with the same number of connections, select based on round-robin"
      const first = peers[best]!;
      let chosen = best;
      for (let i = best; i < peers.length; i++) {
        const p = peers[i]!;
        if (!eligible(r, i, now) || p.conns * first.weight !== first.conns * p.weight) continue;
        p.currentWeight += p.effectiveWeight;
        total += p.effectiveWeight;
        if (p.effectiveWeight < p.weight) p.effectiveWeight++;
        if (p.currentWeight > peers[chosen]!.currentWeight) chosen = i;
      }
      best = chosen;
    }
    const winner = peers[best]!;
    winner.currentWeight -= total;
    touchChecked(winner, now);
    winner.conns++;
    r.current = winner;
    setTried(r.tried, best);
    return winner;
  }
  if (group === up.primary && up.backup !== null) {
    r.group = up.backup;
    resetTried(r.tried);
    const fromBackup = getLeastConnPeer(up, r, now);
    if (fromBackup !== null) return fromBackup;
  }
  // No "mark them as live" reset: see getRoundRobinPeer.
  return null;
}

/** `least_conn;` */
export const leastConn: NginxBalancer = Object.freeze<NginxBalancer>({
  init() {},
  get: getLeastConnPeer,
});
