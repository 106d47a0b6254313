/**
 * The balancer's shared state: nginx's `ngx_http_upstream_rr_peers_t` pair (primaries, then
 * `peers->next` = backups) or HAProxy's backend, built once from the server lines.
 * Per-request state lives in routeState.ts.
 */
import type { BalancerSettings, NodeSpec } from '../types';
import { buildChashPoints, type ChashPoints } from './chashPoints';
import { createFwrr, type FwrrState } from './haproxyFwrr';
import { createGroup, createPeer, type Peer, type PeerGroup } from './peer';

/** HAProxy `check` defaults (FACTS.md: `inter 2000ms fall 3 rise 2`). */
export const HAPROXY_CHECK = { interMs: 2000, rise: 2, fall: 3 } as const;

/** HAProxy `retries 3`: a request gets at most 1 + 3 connection attempts. */
export const HAPROXY_RETRIES = 3;

/** Everything the strategies share. Mutable, plain data. */
export interface UpstreamState {
  settings: BalancerSettings;
  /** Every server, in upstream order. */
  all: Peer[];
  /** nginx: the primary group (`us->peer.data`). */
  primary: PeerGroup;
  /** nginx: the backup group (`peers->next`), or null. */
  backup: PeerGroup | null;
  /** nginx `hash ... consistent`: the ketama ring (ngx_http_upstream_init_chash), else null. */
  points: ChashPoints | null;
  /** HAProxy map-based hashing (`balance source`): the server map, or null when it must be recalculated. */
  map: Peer[] | null;
  /** HAProxy map: the GCD the user weights were divided by (init_server_map). */
  mapGcd: number;
  /** HAProxy leastconn: the eb32 insertion counter. */
  lcCounter: number;
  /** HAProxy roundrobin: the fast weighted round robin trees (lb_fwrr.c), or null for nginx. */
  fwrr: FwrrState | null;
  /** The latest virtual time the balancer was told about (for `peers()` without a time). */
  lastNow: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Build the state. Throws on an upstream nginx would refuse to load ("no servers in upstream").
 * HAProxy's `hash-cookie` (`balance hash req.cook(...)`) is not modelled and throws too.
 */
export function createUpstreamState(settings: BalancerSettings, nodes: NodeSpec[]): UpstreamState {
  const flavor = settings.flavor;
  if (flavor === 'haproxy' && settings.strategy === 'hash-cookie') {
    throw new Error('HAProxy cookie hashing (balance hash req.cook(...)) is not modelled');
  }
  const all = nodes.map((n, i) => createPeer(n, i, flavor, HAPROXY_CHECK.rise));
  const primaries = all.filter((p) => !p.backup);
  const backups = all.filter((p) => p.backup);
  if (flavor === 'nginx' && primaries.length === 0) throw new Error('no servers in upstream');
  const backup = backups.length > 0 ? createGroup(backups, false) : null;
  // init_round_robin: "peers->single = (n == 1)", cleared when there are backup servers.
  const primary = createGroup(primaries, primaries.length === 1 && backup === null);
  const consistent = flavor === 'nginx' && settings.strategy === 'hash-cookie' && settings.hashCookie.consistent;
  return {
    settings,
    all,
    primary,
    backup,
    points: consistent ? buildChashPoints(primaries) : null,
    map: null,
    mapGcd: all.reduce((g, p) => (p.weight > 0 ? gcd(g, p.weight) : g), 0) || 1,
    lcCounter: all.length,
    // A fresh server is usable unless disabled or weight 0 (health starts at rise: running).
    fwrr: flavor === 'haproxy' ? createFwrr(all, (p) => !p.down && p.weight > 0) : null,
    lastNow: 0,
  };
}
