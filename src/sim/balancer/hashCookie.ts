/**
 * nginx `hash $cookie_NAME [consistent]` (src/http/modules/ngx_http_upstream_hash_module.c):
 * ngx_http_upstream_get_chash_peer (ketama) and ngx_http_upstream_get_hash_peer (plain).
 * An empty key, e.g. no cookie yet, falls back to round robin.
 */
import type { BalancerRequest } from './types';
import { findChashPoint } from './chashPoints';
import { crc32 } from './crc32';
import { weightSlot } from './ipHash';
import { isTempDown, touchChecked, type Peer } from './peer';
import { getRoundRobinPeer } from './roundRobin';
import { isTried, setTried, type NginxBalancer, type RouteState } from './routeState';
import type { UpstreamState } from './upstreamState';

/**
 * Evaluate `$cookie_NAME` the way nginx's script compiler reads it: a variable name is only
 * `[A-Za-z0-9_]`, so `$cookie_laravel-session` is the variable `$cookie_laravel` followed by
 * the literal text `-session` (FACTS.md). The key is then never empty, and every client without a
 * `laravel` cookie hashes the same string.
 */
export function cookieKey(req: BalancerRequest, cookieName: string): string {
  const m = /^[A-Za-z0-9_]*/.exec(cookieName);
  const varName = m === null ? '' : m[0];
  const literal = cookieName.slice(varName.length);
  return (varName === '' ? '' : (req.cookie(varName) ?? '')) + literal;
}

function usable(r: RouteState, i: number, now: number): boolean {
  const p = r.group.peers[i]!;
  return !isTried(r.tried, i) && !p.down && !isTempDown(p, now);
}

/**
 * ngx_http_upstream_get_chash_peer: from the key's point, take the first point whose server has
 * an eligible peer (several peers of one server string share by smooth weighted round robin);
 * each miss moves one point clockwise; after 20 misses it is round robin.
 */
export function getChashPeer(up: UpstreamState, r: RouteState, now: number): Peer | null {
  const group = r.group;
  const points = up.points;
  if (r.hashTries > 20 || group.single || r.key.length === 0 || points === null) {
    return getRoundRobinPeer(up, r, now);
  }
  if (group.peers.length === 0 || points.hash.length === 0) return null;
  const peers = group.peers;
  for (;;) {
    const server = points.server[r.hash % points.hash.length]!;
    let best = -1;
    let total = 0;
    for (let i = 0; i < peers.length; i++) {
      const p = peers[i]!;
      if (!usable(r, i, now) || p.address !== server) continue;
      p.currentWeight += p.effectiveWeight;
      total += p.effectiveWeight;
      if (p.effectiveWeight < p.weight) p.effectiveWeight++;
      if (best < 0 || p.currentWeight > peers[best]!.currentWeight) best = i;
    }
    if (best >= 0) {
      const winner = peers[best]!;
      winner.currentWeight -= total;
      r.current = winner;
      winner.conns++;
      touchChecked(winner, now);
      setTried(r.tried, best);
      return winner;
    }
    r.hash++;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
}

/**
 * ngx_http_upstream_get_hash_peer, "compatible with Cache::Memcached":
 * `hash += (crc32([REHASH] KEY) >> 16) & 0x7fff`, then `hash % total_weight` walked through the
 * weights; REHASH is the decimal count of previous rounds, omitted the first time.
 */
export function getHashPeer(up: UpstreamState, r: RouteState, now: number): Peer | null {
  const group = r.group;
  if (r.hashTries > 20 || group.peers.length < 2 || r.key.length === 0) return getRoundRobinPeer(up, r, now);
  let p: number;
  for (;;) {
    const c = r.rehash > 0 ? crc32(r.key, crc32(String(r.rehash))) : crc32(r.key);
    r.hash = (r.hash + ((c >>> 16) & 0x7fff)) >>> 0;
    r.rehash++;
    p = weightSlot(r.hash, group.peers, group.totalWeight);
    if (usable(r, p, now)) break;
    if (++r.hashTries > 20) return getRoundRobinPeer(up, r, now);
  }
  const peer = group.peers[p]!;
  r.current = peer;
  peer.conns++;
  touchChecked(peer, now);
  setTried(r.tried, p);
  return peer;
}

function initKey(up: UpstreamState, r: RouteState, req: BalancerRequest): void {
  r.key = cookieKey(req, up.settings.hashCookie.name);
  r.hash = 0;
  r.hashTries = 0;
  r.rehash = 0;
}

/** `hash $cookie_NAME consistent;` (ngx_http_upstream_init_chash_peer: hash = index of crc32(key)'s point). */
export const hashCookieConsistent: NginxBalancer = Object.freeze<NginxBalancer>({
  init(up, r, req) {
    initKey(up, r, req);
    if (up.points !== null && up.points.hash.length > 0) r.hash = findChashPoint(up.points, crc32(r.key));
  },
  get: getChashPeer,
});

/** `hash $cookie_NAME;` */
export const hashCookie: NginxBalancer = Object.freeze<NginxBalancer>({ init: initKey, get: getHashPeer });
