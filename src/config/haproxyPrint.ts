/** Printing a HAProxy `backend` section from settings (4-space indent, as HAProxy's docs write it). */
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { HAPROXY_SERVER_DEFAULTS } from './balancerDefaults';

/** A word HAProxy reads back unchanged: bare, or single-quoted (literal), or double-quoted. */
export function hapQuote(s: string): string {
  if (s !== '' && /^[^\s#'"\\$]+$/.test(s)) return s;
  if (!s.includes("'")) return `'${s}'`;
  return `"${s.replace(/[\\"$#]/g, (c) => '\\' + c)}"`;
}

/** Milliseconds as HAProxy writes them: `2s`, `1500ms`. */
export function hapTime(ms: number): string {
  const m = Math.max(1, Math.round(ms));
  return m % 1000 === 0 ? `${m / 1000}s` : `${m}ms`;
}

const BALANCE: Record<BalancerSettings['strategy'], string> = {
  'round-robin': 'roundrobin', 'least-conn': 'leastconn', 'ip-hash': 'source', cookie: 'roundrobin', 'hash-cookie': 'roundrobin',
};

function serverLine(n: NodeSpec, cookie: string | undefined): string {
  const parts = ['server', hapQuote(n.name), hapQuote(n.address)];
  const maxFails = Math.max(0, Math.round(n.maxFails));
  if (maxFails > 0) parts.push('check');
  const interMs = Math.round(n.failTimeoutSec * 1000);
  if (interMs !== HAPROXY_SERVER_DEFAULTS.interMs) parts.push('inter', hapTime(interMs));
  if (maxFails > 0 && maxFails !== HAPROXY_SERVER_DEFAULTS.fall) parts.push('fall', String(maxFails));
  if (cookie !== undefined) parts.push('cookie', hapQuote(cookie));
  const weight = Math.min(256, Math.max(0, Math.round(n.weight)));
  if (weight !== HAPROXY_SERVER_DEFAULTS.weight) parts.push('weight', String(weight));
  if (n.backup) parts.push('backup');
  if (n.down) parts.push('disabled');
  return parts.join(' ');
}

/**
 * A `backend` section for the settings, with `mode http` (cookie persistence needs it).
 * nginx's `hash $cookie_…` has no counterpart here: it prints as roundrobin with a comment.
 */
export function printHaproxyBackend(balancer: BalancerSettings, nodes: readonly NodeSpec[], backendName = 'laravel_cluster'): string {
  const lines = [`backend ${hapQuote(backendName)}`, '    mode http'];
  if (balancer.strategy === 'hash-cookie') lines.push('    # nginx "hash $cookie_…" has no HAProxy equivalent here; using roundrobin');
  lines.push(`    balance ${BALANCE[balancer.strategy]}`);
  if (balancer.strategy === 'cookie') {
    const c = balancer.stickyCookie;
    lines.push(`    cookie ${hapQuote(c.name)} insert indirect nocache${c.domain !== null ? ` domain ${hapQuote(c.domain)}` : ''}`);
  }
  if (balancer.redispatch) lines.push('    option redispatch');
  // HAProxy has no default cookie value: a server line without `cookie X` is not sticky. When an
  // nginx sticky set-up is translated, give each server one (its name), as nginx binds by server.
  const translating = balancer.strategy === 'cookie' && balancer.flavor === 'nginx';
  for (const n of nodes) lines.push(`    ${serverLine(n, n.cookieValue ?? (translating ? n.name : undefined))}`);
  return lines.join('\n') + '\n';
}
