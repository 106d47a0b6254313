/** Seeded client populations for the balancer oracles (the same seed gives the same requests). */
import { Rng } from '../sim/rng';

/** A random public-looking IPv4 address. */
export function ipv4(rng: Rng): string {
  return `${1 + rng.int(222)}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

/** A random global IPv6 address (2001:db8::/32 documentation prefix, random rest). */
export function ipv6(rng: Rng): string {
  const groups = ['2001', 'db8'];
  for (let i = 0; i < 6; i++) groups.push(rng.int(0x10000).toString(16));
  return groups.join(':');
}

/** `n` client addresses; about `v6Share` of them IPv6. Several clients share a /24 (nginx ip_hash keys on it). */
export function clientIps(seed: number, n: number, v6Share = 0.02): string[] {
  const rng = new Rng(seed, 'oracle-ips');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (rng.chance(v6Share)) out.push(ipv6(rng));
    else if (i > 0 && rng.chance(0.1)) {
      // a neighbour of an earlier client: same /24, another host
      const prev = out[rng.int(out.length)]!;
      out.push(prev.includes(':') ? ipv4(rng) : prev.replace(/\.\d+$/, `.${1 + rng.int(254)}`));
    } else out.push(ipv4(rng));
  }
  return out;
}

/** A Laravel session id: 40 characters `[A-Za-z0-9]` (`Str::random(40)`). */
export function sessionIds(seed: number, n: number): string[] {
  const rng = new Rng(seed, 'oracle-sessions');
  return Array.from({ length: n }, () => rng.alnum(40));
}

/** A seeded stream for scripted choices. */
export function scriptRng(seed: number, name: string): Rng {
  return new Rng(seed, `oracle-${name}`);
}
