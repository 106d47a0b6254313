/**
 * HAProxy server state: active health checks (`check inter 2000 fall 3 rise 2`, src/check.c) and
 * "usable for load balancing" (srv_is_usable). HAProxy has no nginx-style passive failure count:
 * a failed request does not mark a server down.
 */
import { fwrrServerChanged } from './haproxyFwrr';
import type { Peer } from './peer';
import { HAPROXY_CHECK, type UpstreamState } from './upstreamState';

/** UP (running) as far as checks go: `check.health >= rise`. */
export function isRunning(p: Peer): boolean {
  return p.health >= HAPROXY_CHECK.rise;
}

/** srv_is_usable: running, not in maintenance (`down`), weight > 0. */
export function isUsable(p: Peer): boolean {
  return !p.down && p.weight > 0 && isRunning(p);
}

/**
 * Called after any server's usability may have changed: the map (`balance source`) is
 * recalculated lazily (LB_MAP_RECALC), the roundrobin trees are updated
 * (fwrr_set_server_status_up/down), and a server that comes back is re-inserted at the end of
 * the leastconn tree.
 */
export function serverStateChanged(up: UpstreamState, p: Peer, wasUsable: boolean): void {
  const nowUsable = isUsable(p);
  if (wasUsable === nowUsable) return;
  up.map = null;
  if (up.fwrr !== null) fwrrServerChanged(up.fwrr, p, nowUsable);
  if (nowUsable) p.lcSeq = ++up.lcCounter;
}

/**
 * One check result. The health counter runs 0..rise+fall-1; the server is UP from `rise` on.
 * Success: `health++` (capped); reaching `rise` marks it UP. Failure: while above `rise` it is
 * "still good" (`health--`), otherwise it goes DOWN and health drops to 0 (check_failed →
 * set_server_down). A server starts at `health = rise` ("up, but will fall down at first
 * failure"): until it has passed fall-1 checks, a single failed check takes it down.
 */
export function applyHealthCheck(up: UpstreamState, p: Peer, ok: boolean): void {
  const { rise, fall } = HAPROXY_CHECK;
  const wasUsable = isUsable(p);
  if (ok) {
    p.checkFails = 0;
    if (p.health < rise + fall - 1) p.health++;
  } else {
    p.checkFails++;
    if (p.health > rise) p.health--;
    else p.health = 0;
  }
  serverStateChanged(up, p, wasUsable);
}

/**
 * The servers the balancer may pick from: the usable active servers, or else only the first
 * usable backup (no `option allbackups`: `p->lbprm.fbck`), or none.
 */
export function lbCandidates(up: UpstreamState): Peer[] {
  const active = up.all.filter((p) => !p.backup && isUsable(p));
  if (active.length > 0) return active;
  const fbck = up.all.find((p) => p.backup && isUsable(p));
  return fbck === undefined ? [] : [fbck];
}
