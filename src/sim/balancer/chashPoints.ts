/**
 * The ketama ring of nginx `hash $key consistent`
 * (src/http/modules/ngx_http_upstream_hash_module.c: ngx_http_upstream_update_chash,
 * ngx_http_upstream_find_chash_point). Compatible with Cache::Memcached::Fast:
 * each server gets weight × 160 points, point j = crc32(HOST "\0" PORT PREV_HASH).
 */
import { crc32, crc32Bytes, le32 } from './crc32';

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

/**
 * The `weight * 160` point hashes of one server, in generation order:
 * base_hash = crc32 state over HOST, "\0", PORT; point = final(update(base_hash, prev_hash LE bytes)).
 */
export function serverPoints(address: string, weight: number): number[] {
  const [host, port] = splitHostPort(address);
  // ngx_crc32_update(&base_hash, host); (u_char *) "" with length 1, i.e. a NUL; then the port.
  const base = crc32(port, crc32('\0', crc32(host)));
  const out: number[] = [];
  let prev = 0;
  for (let j = 0; j < weight * 160; j++) {
    prev = crc32Bytes(le32(prev), base);
    out.push(prev);
  }
  return out;
}

/**
 * Build the ring: every server's points, sorted by hash, duplicates dropped (nginx keeps one of
 * them; which one qsort keeps is unspecified, here the first server's).
 */
export function buildChashPoints(peers: readonly { address: string; weight: number }[]): ChashPoints {
  const all: { h: number; s: string }[] = [];
  for (const p of peers) for (const h of serverPoints(p.address, p.weight)) all.push({ h, s: p.address });
  all.sort((a, b) => a.h - b.h);
  const hash: number[] = [];
  const server: string[] = [];
  for (const pt of all) {
    if (hash.length > 0 && hash[hash.length - 1] === pt.h) continue;
    hash.push(pt.h);
    server.push(pt.s);
  }
  return { hash: Uint32Array.from(hash), server };
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
