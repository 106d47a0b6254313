/**
 * One upstream server's runtime state, shared by every strategy: nginx's
 * `ngx_http_upstream_rr_peer_t` (src/http/ngx_http_upstream_round_robin.h) plus the few
 * fields HAProxy's health checks and leastconn tree need. Plain data (STYLE.md §5).
 */
import { md5 } from 'js-md5';
import type { NodeSpec } from '../types';
import type { PeerView } from './types';

/** One `server` line and its counters. Times are virtual ms; nginx compares them in whole seconds. */
export interface Peer {
  /** Position of the server line in the upstream block (all servers, backups included). */
  index: number;
  name: string;
  /** The server line's address string; nginx `peer->server` (hashed by ketama). */
  address: string;
  weight: number;
  maxFails: number;
  failTimeoutSec: number;
  backup: boolean;
  /** Configured `down` (nginx), or administratively disabled / MAINT (HAProxy). */
  down: boolean;
  /** nginx 1.29.6+ `drain`: only clients the sticky cookie binds to it still reach it. */
  drain: boolean;
  /** The value a sticky cookie names this server by: nginx `peer->sid`, HAProxy `cookie <value>`. */
  sid: string;
  /** Smooth weighted round robin state (nginx `current_weight`, `effective_weight`). */
  currentWeight: number;
  effectiveWeight: number;
  /** In-flight requests (`peer->conns`, HAProxy `served`). */
  conns: number;
  /** nginx passive health: failures, and when the last one happened / the last check was. */
  fails: number;
  accessed: number;
  checked: number;
  /** HAProxy `check.health`: UP while >= rise; 0..rise+fall-1. */
  health: number;
  /** HAProxy: consecutive failed checks, for display. */
  checkFails: number;
  /** HAProxy leastconn: insertion order in the eb32 tree, the tie-break between equal keys. */
  lcSeq: number;
}

/** nginx `ngx_time()`: time_t seconds. `fail_timeout` arithmetic happens at this granularity. */
export function ngxTime(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * The sticky id. nginx (`sticky cookie`): hex MD5 of the server's address, or its `route=`.
 * HAProxy (`cookie <value>` on the server line): the value, or '' for a server line without one:
 * HAProxy then has no cookie for that server and answers its clients with a cookie *removal*
 * (`SERVERID=; Expires=Thu, 01-Jan-1970 …`), so they are balanced afresh every time: a real
 * haproxy 2.6 does exactly that (`npm run oracles`, docs/fidelity.md).
 */
export function stickyId(spec: NodeSpec, flavor: 'nginx' | 'haproxy'): string {
  if (spec.cookieValue !== undefined && spec.cookieValue !== '') return spec.cookieValue;
  return flavor === 'nginx' ? md5.hex(spec.address) : '';
}

/** A fresh peer, as ngx_http_upstream_init_round_robin leaves it (current_weight 0, effective_weight = weight). */
export function createPeer(spec: NodeSpec, index: number, flavor: 'nginx' | 'haproxy', rise: number): Peer {
  return {
    index,
    name: spec.name,
    address: spec.address,
    weight: spec.weight,
    maxFails: spec.maxFails,
    failTimeoutSec: spec.failTimeoutSec,
    backup: spec.backup,
    down: spec.down,
    drain: spec.drain ?? false,
    sid: stickyId(spec, flavor),
    currentWeight: 0,
    effectiveWeight: spec.weight,
    conns: 0,
    fails: 0,
    accessed: 0,
    checked: 0,
    // HAProxy cfgparse: "health = rise; /* up, but will fall down at first failure */"
    health: rise,
    checkFails: 0,
    lcSeq: index,
  };
}

/**
 * nginx's skip test, repeated in every balancer:
 * `peer->max_fails && peer->fails >= peer->max_fails && now - peer->checked <= peer->fail_timeout`.
 */
export function isTempDown(p: Peer, now: number): boolean {
  return p.maxFails > 0 && p.fails >= p.maxFails && ngxTime(now) - ngxTime(p.checked) <= p.failTimeoutSec;
}

/** nginx, after choosing a peer: `if (now - peer->checked > peer->fail_timeout) peer->checked = now;` */
export function touchChecked(p: Peer, now: number): void {
  if (ngxTime(now) - ngxTime(p.checked) > p.failTimeoutSec) p.checked = now;
}

/** A group of peers: nginx `ngx_http_upstream_rr_peers_t` (the primaries, or the backups). */
export interface PeerGroup {
  peers: Peer[];
  /** Sum of weights of every server in the group, `down` ones included (`peers->total_weight`). */
  totalWeight: number;
  /** `peers->single`: exactly one primary and no backup. Such a peer is never marked failed. */
  single: boolean;
}

/** Build a group; `single` only for a lone primary with no backup group (init_round_robin). */
export function createGroup(peers: Peer[], single: boolean): PeerGroup {
  return { peers, totalWeight: peers.reduce((s, p) => s + p.weight, 0), single };
}

/** `peers->tries`: the servers of the group that are not configured `down`. */
export function groupTries(g: PeerGroup | null): number {
  if (g === null) return 0;
  let n = 0;
  const peers = g.peers;
  for (let i = 0; i < peers.length; i++) if (!peers[i]!.down) n++; // indexed: runs per request, and for-of allocated here
  return n;
}

/** Read-only view of a peer (`fails` defaults to nginx's counter; HAProxy passes its failed checks). */
export function peerView(p: Peer, unavailable: boolean, fails: number = p.fails): PeerView {
  return {
    index: p.index, name: p.name, address: p.address, weight: p.weight, backup: p.backup,
    down: p.down, conns: p.conns, fails, unavailable,
  };
}
