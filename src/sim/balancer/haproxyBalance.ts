/**
 * HAProxy `balance roundrobin` and `balance leastconn`.
 *
 * roundrobin: HAProxy uses its own "fast weighted round robin" (src/lb_fwrr.c: servers in eb32
 * trees keyed by their next position, `npos += next_weight / eweight`). This module does NOT
 * reproduce that ordering: it uses nginx's smooth weighted round robin over the usable servers.
 * The long-run share is the same (proportional to weight) and with equal weights both simply
 * rotate s1, s2, s3…; with unequal weights the exact interleaving and the position after a server
 * comes back up can differ from a real haproxy. To be compared against a real haproxy later.
 *
 * leastconn (src/lb_fwlc.c, fwlc_queue_srv): key = inflight ? (inflight + 1) * SRV_EWGHT_MAX / eweight
 * : 0, lowest key first; equal keys in tree insertion order (a server is re-inserted at the end
 * whenever its key changes). HAProxy 3.2+ spreads equal keys over randomly chosen lists; the
 * insertion order here is the 2.x behaviour.
 */
import { lbCandidates } from './haproxyHealth';
import type { Peer } from './peer';
import type { UpstreamState } from './upstreamState';

/** BE_WEIGHT_SCALE: eweight = uweight * 16 (fwlc_init_server_tree: wdiv = BE_WEIGHT_SCALE). */
const BE_WEIGHT_SCALE = 16;
/** SRV_EWGHT_MAX = SRV_UWGHT_MAX (256) * BE_WEIGHT_SCALE. */
const SRV_EWGHT_MAX = 256 * BE_WEIGHT_SCALE;

/** Smooth weighted round robin over the candidates, skipping `avoid` if anything else is left. */
export function pickRoundRobin(up: UpstreamState, avoid: Peer | null): Peer | null {
  const all = lbCandidates(up);
  const cands = all.length > 1 && avoid !== null ? all.filter((p) => p !== avoid) : all;
  let best: Peer | null = null;
  let total = 0;
  for (const p of cands) {
    p.currentWeight += p.weight;
    total += p.weight;
    if (best === null || p.currentWeight > best.currentWeight) best = p;
  }
  if (best !== null) best.currentWeight -= total;
  return best;
}

/** fwlc_queue_srv's key. */
export function leastConnKey(p: Peer): number {
  return p.conns > 0 ? Math.floor(((p.conns + 1) * SRV_EWGHT_MAX) / (p.weight * BE_WEIGHT_SCALE)) : 0;
}

/** fwlc_srv_reposition: call around every conns change; a changed key moves the server to the end of its key. */
export function leastConnReposition(up: UpstreamState, p: Peer, oldKey: number): void {
  if (leastConnKey(p) !== oldKey) p.lcSeq = ++up.lcCounter;
}

/** fwlc_get_next_server: the first server of the tree (lowest key, then oldest insertion), avoiding `avoid` if possible. */
export function pickLeastConn(up: UpstreamState, avoid: Peer | null): Peer | null {
  const cands = lbCandidates(up);
  let best: Peer | null = null;
  let bestKey = 0;
  let avoided: Peer | null = null;
  for (const p of cands) {
    if (p === avoid) {
      avoided = p;
      continue;
    }
    const k = leastConnKey(p);
    if (best === null || k < bestKey || (k === bestKey && p.lcSeq < best.lcSeq)) {
      best = p;
      bestKey = k;
    }
  }
  return best ?? avoided;
}
