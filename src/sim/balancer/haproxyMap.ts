/**
 * HAProxy `balance source` with the default map-based `hash-type` (src/lb_map.c, src/backend.c).
 *
 * The map is an array of `tot_weight` slots over the *running* servers only (recalc_server_map), so
 * any server going down or up changes its length and remaps most clients — unlike nginx ip_hash,
 * whose `total_weight` counts `down` servers too (FACTS.md). The source hash has no hash function
 * at all by default: get_server_sh XORs the address as 32-bit big-endian words (the IPv4 address
 * itself as an integer); `hash-type ... avalanche` would add full_hash(), not modelled here.
 */
import { addressBytes } from './ipAddr';
import { isUsable } from './haproxyHealth';
import type { Peer } from './peer';
import type { UpstreamState } from './upstreamState';

/** get_server_sh: `h ^= ntohl(word)` over the address's whole 32-bit words. */
export function sourceHash(ip: string): number {
  const b = addressBytes(ip) ?? [];
  let h = 0;
  for (let l = 0; l + 4 <= b.length; l += 4) h ^= (b[l]! << 24) | (b[l + 1]! << 16) | (b[l + 2]! << 8) | b[l + 3]!;
  return h >>> 0;
}

/**
 * recalc_server_map. eweights are the user weights divided by their GCD (init_server_map). With
 * active servers up, the map holds them; otherwise the backups, with `tot_weight` that of the
 * first usable backup only (update_backend_weight without `option allbackups`). Each slot goes to
 * the server whose accumulated score `(wscore + tot) / tot` is highest, earliest declared first.
 */
export function recalcServerMap(up: UpstreamState): Peer[] {
  const eweight = (p: Peer): number => p.weight / up.mapGcd;
  let cands = up.all.filter((p) => !p.backup && isUsable(p));
  let tot = cands.reduce((s, p) => s + eweight(p), 0);
  if (cands.length === 0) {
    cands = up.all.filter((p) => p.backup && isUsable(p));
    tot = cands.length > 0 ? eweight(cands[0]!) : 0;
  }
  const map: Peer[] = [];
  if (tot === 0) return map;
  const wscore = new Map<Peer, number>(cands.map((p) => [p, 0]));
  for (let o = 0; o < tot; o++) {
    let best: Peer | null = null;
    let max = 0;
    for (const cur of cands) {
      if (tot === 1) {
        // "If we are forced to return only one server, we don't want to go further"
        best = cur;
        break;
      }
      const score = wscore.get(cur)! + eweight(cur);
      wscore.set(cur, score);
      const v = Math.trunc((score + tot) / tot); // C integer division: "result between 0 and 3"
      if (best === null || v > max) {
        max = v;
        best = cur;
      }
    }
    map.push(best!);
    wscore.set(best!, wscore.get(best!)! - tot);
  }
  return map;
}

/** The current map, recalculated if a server changed state since (LB_MAP_RECALC). */
export function serverMap(up: UpstreamState): Peer[] {
  if (up.map === null) up.map = recalcServerMap(up);
  return up.map;
}

/**
 * get_server_sh + map_get_server_hash: `map[hash % tot_weight]`. "we won't hash if there's only
 * one server left": with one active server in use the hash is 0. No `avoid`: a redispatch may pick
 * the same server again.
 */
export function pickSource(up: UpstreamState, ip: string): Peer | null {
  const map = serverMap(up);
  if (map.length === 0) return null;
  // tot_used: the usable active servers, or 1 when only the first backup is in use.
  const used = map[0]!.backup ? 1 : up.all.reduce((n, p) => n + (!p.backup && isUsable(p) ? 1 : 0), 0);
  const h = used === 1 ? 0 : sourceHash(ip);
  return map[h % map.length]!;
}
