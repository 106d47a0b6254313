/**
 * The ketama ring of nginx `hash $key consistent`
 * (src/http/modules/ngx_http_upstream_hash_module.c: ngx_http_upstream_update_chash,
 * ngx_http_upstream_find_chash_point). Compatible with Cache::Memcached::Fast:
 * each server gets weight × 160 points, point j = crc32(HOST "\0" PORT PREV_HASH).
 */
import { crc32 } from './crc32';

/** The ring: point hashes ascending, each with the server string it belongs to. */
export interface ChashPoints {
  hash: Uint32Array;
  server: string[];
}

/**
 * Split a server string like nginx does: `unix:` paths have no port; otherwise scan back from
 * the end over digits, and a ':' there ends the host. `node1.internal:80` → [`node1.internal`, `80`].
 */
export function splitHostPort(server: string): [host: string, port: string] {
  if (server.length >= 5 && server.slice(0, 5).toLowerCase() === 'unix:') return [server.slice(5), ''];
  for (let j = 0; j < server.length; j++) {
    const c = server[server.length - j - 1]!;
    if (c === ':') return [server.slice(0, server.length - j - 1), server.slice(server.length - j)];
    if (c < '0' || c > '9') break;
  }
  return [server, ''];
}

/** nginx gives every server `weight × 160` points on the ring. */
export const POINTS_PER_WEIGHT = 160;

/**
 * The largest total weight of the primary servers of a `hash … consistent` upstream the
 * simulator builds a ring for: 1,000 × 160 = 160,000 points (a few ms to build). nginx itself
 * accepts any weight, but allocates all the points at start-up: 1.22 took 18 s and 500 MB for
 * one `weight=100000` server and gave up after 60 s and 2.6 GB at `weight=1000000`.
 * Parsers and {@link settingsProblems} refuse more with a message; this is the engine's backstop.
 */
export const MAX_CHASH_TOTAL_WEIGHT = 1000;

const CRC_TABLE = ((): Int32Array => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** `final(update(base, prev as 4 LE bytes))`: crc32Bytes(le32(prev), base) without allocating. */
function nextPoint(prev: number, base: number): number {
  const t = CRC_TABLE;
  let c = ~base;
  c = t[(c ^ prev) & 0xff]! ^ (c >>> 8);
  c = t[(c ^ (prev >>> 8)) & 0xff]! ^ (c >>> 8);
  c = t[(c ^ (prev >>> 16)) & 0xff]! ^ (c >>> 8);
  c = t[(c ^ (prev >>> 24)) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** ngx_crc32 state over HOST, "\0", PORT (finalised): the seed of every point of one server. */
function baseHash(address: string): number {
  const [host, port] = splitHostPort(address);
  // ngx_crc32_update(&base_hash, host); (u_char *) "" with length 1, i.e. a NUL; then the port.
  return crc32(port, crc32('\0', crc32(host)));
}

/**
 * The `weight * 160` point hashes of one server, in generation order:
 * base_hash = crc32 state over HOST, "\0", PORT; point = final(update(base_hash, prev_hash LE bytes)).
 */
export function serverPoints(address: string, weight: number): number[] {
  const base = baseHash(address);
  const out: number[] = [];
  let prev = 0;
  for (let j = 0; j < weight * POINTS_PER_WEIGHT; j++) {
    prev = nextPoint(prev, base);
    out.push(prev);
  }
  return out;
}

/**
 * Build the ring: every server's points, sorted by hash, duplicates dropped (nginx keeps one of
 * them; which one qsort keeps is unspecified, here the first server's). Each point is packed as
 * `hash × servers + index` into one Float64Array (exact below 2^53), so a native numeric sort
 * orders by hash, then by server. Throws, before allocating, when the total weight is above
 * {@link MAX_CHASH_TOTAL_WEIGHT}.
 */
export function buildChashPoints(peers: readonly { address: string; weight: number }[]): ChashPoints {
  let total = 0;
  for (const p of peers) total += p.weight;
  if (!(total <= MAX_CHASH_TOTAL_WEIGHT)) {
    throw new RangeError(`hash … consistent: the servers' weights add up to ${total}; the simulator builds rings up to a total weight of ${MAX_CHASH_TOTAL_WEIGHT}`);
  }
  const n = peers.length;
  const packed = new Float64Array(total * POINTS_PER_WEIGHT);
  let k = 0;
  peers.forEach((p, idx) => {
    const base = baseHash(p.address);
    let prev = 0;
    for (let j = 0; j < p.weight * POINTS_PER_WEIGHT; j++) {
      prev = nextPoint(prev, base);
      packed[k++] = prev * n + idx;
    }
  });
  packed.sort();
  const hash = new Uint32Array(packed.length);
  const server: string[] = [];
  let m = 0;
  for (let i = 0; i < packed.length; i++) {
    const v = packed[i]!;
    const idx = v % n;
    const h = (v - idx) / n;
    if (m > 0 && hash[m - 1] === h) continue;
    hash[m++] = h;
    server.push(peers[idx]!.address);
  }
  return { hash: hash.slice(0, m), server };
}

/** ngx_http_upstream_find_chash_point: index of the first point >= hash (may equal `number`: it wraps). */
export function findChashPoint(points: ChashPoints, hash: number): number {
  const h = points.hash;
  let i = 0;
  let j = h.length;
  while (i < j) {
    const k = (i + j) >>> 1;
    if (hash > h[k]!) i = k + 1;
    else if (hash < h[k]!) j = k;
    else return k;
  }
  return i;
}
