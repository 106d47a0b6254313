/**
 * nginx `ip_hash` (src/http/modules/ngx_http_upstream_ip_hash_module.c).
 *
 * The key is the first three octets of an IPv4 address (a whole /24 lands on one server) or
 * all sixteen bytes of an IPv6 one. The hash walks the weights of *every* primary server in
 * upstream order, `down` ones included, so marking a server `down` keeps everybody else's
 * mapping; deleting its line changes `total_weight` and remaps most clients.
 */
import { parseIPv4, parseIPv6 } from './ipAddr';
import { isTempDown, touchChecked, type Peer } from './peer';
import { getRoundRobinPeer } from './roundRobin';
import { isTried, setTried, type NginxBalancer, type RouteState } from './routeState';
import type { UpstreamState } from './upstreamState';

/** `ngx_http_upstream_ip_hash_pseudo_addr`: what non-IP clients (unix sockets) hash. */
const PSEUDO_ADDR = [0, 0, 0];

/** The bytes ip_hash feeds the hash (ngx_http_upstream_init_ip_hash_peer: addrlen 3 or 16). */
export function ipHashKey(ip: string): number[] {
  const v4 = parseIPv4(ip);
  if (v4 !== null) return v4.slice(0, 3);
  return parseIPv6(ip) ?? PSEUDO_ADDR;
}

/** One round of the hash: `hash = (hash * 113 + addr[i]) % 6271` for each byte. */
export function ipHashStep(hash: number, addr: readonly number[]): number {
  let h = hash;
  for (const b of addr) h = (h * 113 + b) % 6271;
  return h;
}

/** `w = hash % total_weight`, walked through the weights in server order: the peer index. */
export function weightSlot(hash: number, peers: Peer[], totalWeight: number): number {
  let w = hash % totalWeight;
  let p = 0;
  while (w >= peers[p]!.weight) {
    w -= peers[p]!.weight;
    p++;
  }
  return p;
}

/**
 * ngx_http_upstream_get_ip_hash_peer. A tried, `down` or failed pick is re-hashed, the hash
 * continuing from where it was; after 20 re-hashes, or with fewer than two servers, it is round
 * robin. The hash is saved only when a peer is chosen, so a retry of the same request continues it.
 */
export function getIpHashPeer(up: UpstreamState, r: RouteState, now: number): Peer | null {
  const group = r.group;
  if (r.hashTries > 20 || group.peers.length < 2) return getRoundRobinPeer(up, r, now);
  let hash = r.hash;
  let p: number;
  for (;;) {
    hash = ipHashStep(hash, r.addr);
    p = weightSlot(hash, group.peers, group.totalWeight);
    const peer = group.peers[p]!;
    if (!isTried(r.tried, p) && !peer.down && !isTempDown(peer, now)) break;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
  const peer = group.peers[p]!;
  r.current = peer;
  peer.conns++;
  touchChecked(peer, now);
  setTried(r.tried, p);
  r.hash = hash;
  return peer;
}

/** `ip_hash;` */
export const ipHash: NginxBalancer = Object.freeze<NginxBalancer>({
  init(_up, r, req) {
    r.addr = ipHashKey(req.ip);
    r.hash = 89;
    r.hashTries = 0;
  },
  get: getIpHashPeer,
});
