/**
 * HAProxy `balance roundrobin` and `balance leastconn`.
 *
 * roundrobin: HAProxy's own "fast weighted round robin" (src/lb_fwrr.c), in haproxyFwrr.ts.
 * With equal weights it simply rotates s1, s2, s3…; with unequal weights its interleaving differs
 * from nginx's smooth weighted round robin (weights 5/1/2: HAProxy a a c a a b a c…, nginx
 * a c a a b a c a…), and a real haproxy 2.6 agrees with the model request for request
 * (`npm run oracles`).
 *
 * leastconn (src/lb_fwlc.c, fwlc_queue_srv): key = inflight ? (inflight + 1) * SRV_EWGHT_MAX / eweight
 * : 0, lowest key first; equal keys in tree insertion order (a server is re-inserted at the end
 * whenever its key changes). HAProxy 3.2+ spreads equal keys over randomly chosen lists; the
 * insertion order here is the 2.x behaviour.
 */
import { fwrrNext } from './haproxyFwrr';
import { isUsable, lbCandidates } from './haproxyHealth';
import type { Peer } from './peer';
import type { UpstreamState } from './upstreamState';

/** BE_WEIGHT_SCALE: eweight = uweight * 16 (fwlc_init_server_tree: wdiv = BE_WEIGHT_SCALE). */
const BE_WEIGHT_SCALE = 16;
/** SRV_EWGHT_MAX = SRV_UWGHT_MAX (256) * BE_WEIGHT_SCALE. */
const SRV_EWGHT_MAX = 256 * BE_WEIGHT_SCALE;

/**
 * fwrr_get_next_server: the next server of the active group, skipping `avoid` once if another is
 * available (a redispatch). With no usable active server: the first usable backup (no
 * `option allbackups`), or null.
 */
export function pickRoundRobin(up: UpstreamState, avoid: Peer | null): Peer | null {
  if (!up.all.some((p) => !p.backup && isUsable(p))) return lbCandidates(up)[0] ?? null;
  return fwrrNext(up.fwrr!, up.all, avoid);
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
