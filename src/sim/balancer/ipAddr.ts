/**
 * Client addresses as the bytes a balancer hashes: nginx reads `sin_addr` / `sin6_addr`,
 * HAProxy XORs the address as 32-bit big-endian words (get_server_sh).
 */

/** Dotted-quad IPv4 → 4 bytes, or null. (A char loop: this runs for every ip_hash / source request.) */
export function parseIPv4(ip: string): number[] | null {
  const out: number[] = [];
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46; // a final '.' closes the last octet
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (++digits > 3) return null;
    } else if (c === 46) {
      if (digits === 0 || n > 255 || out.length === 4) return null;
      out.push(n);
      n = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return out.length === 4 ? out : null;
}

function hextets(s: string): number[] | null {
  if (s === '') return [];
  const out: number[] = [];
  const parts = s.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (v4 === null) return null;
      out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return out;
}

/** IPv6 text (with `::`, an embedded IPv4 tail, optional `[]`) → 16 bytes, or null. */
export function parseIPv6(ip: string): number[] | null {
  const s = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!s.includes(':')) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = hextets(halves[0]!);
  const tail = halves.length === 2 ? hextets(halves[1]!) : [];
  if (head === null || tail === null) return null;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const words = [...head, ...new Array<number>(fill).fill(0), ...tail];
  return words.flatMap((w) => [w >>> 8, w & 0xff]);
}

/** The address bytes in network order: 4 for IPv4, 16 for IPv6, null if unparseable. */
export function addressBytes(ip: string): number[] | null {
  return parseIPv4(ip) ?? parseIPv6(ip);
}
