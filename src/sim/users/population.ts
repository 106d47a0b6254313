/**
 * Who the users are, network-wise. A load balancer only sees client IPs, so this is what
 * makes ip_hash succeed or fail: a whole office behind one NAT address lands on one node;
 * a phone on a carrier network changes address (and /24) now and then.
 */
import type { Rng } from '../rng';
import type { ClientPopulation } from '../types';

export type ClientKind = 'unique' | 'office' | 'mobile';

/** The office's NAT address (TEST-NET-3, RFC 5737). */
export const OFFICE_IP = '203.0.113.10';

/** Mean time between a mobile client's address changes. */
export const MOBILE_IP_CHANGE_MEAN_MS = 180_000;

/** Which kind of client the i-th user is. `mixed`: 60% unique, 25% office, 15% mobile (by a per-user draw). */
export function clientKind(population: ClientPopulation, rng: Rng): ClientKind {
  switch (population) {
    case 'unique':
      return 'unique';
    case 'office-nat':
      return 'office';
    case 'mobile':
      return 'mobile';
    case 'mixed': {
      const x = rng.float();
      return x < 0.6 ? 'unique' : x < 0.85 ? 'office' : 'mobile';
    }
  }
}

/** A residential/business address: a random public /24, so unique users rarely share one. */
export function uniqueIp(rng: Rng): string {
  let a = 11 + rng.int(212);
  if (a === 100 || a === 127 || a === 169 || a === 172 || a === 192 || a === 203) a += 1;
  return `${a}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

/** An address from carrier-grade NAT space (100.64.0.0/10, RFC 6598). */
export function mobileIp(rng: Rng): string {
  return `100.${64 + rng.int(64)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

export function initialIp(kind: ClientKind, rng: Rng): string {
  return kind === 'unique' ? uniqueIp(rng) : kind === 'office' ? OFFICE_IP : mobileIp(rng);
}
