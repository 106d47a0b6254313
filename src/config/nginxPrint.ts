/** Printing an nginx `upstream` block from settings: what real nginx accepts, 2-space indent. */
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { NGINX_SERVER_DEFAULTS, NGINX_STICKY_EXPIRES_MAX } from './balancerDefaults';
import { ngxQuote } from './nginxValues';

/** Seconds as nginx writes them: `1h`, `30m`, `45s`, or `max` for the sticky maximum. */
export function ngxTime(sec: number, allowMax = false): string {
  if (allowMax && sec === NGINX_STICKY_EXPIRES_MAX) return 'max';
  const s = Math.max(0, Math.round(sec));
  if (s > 0 && s % 3600 === 0) return `${s / 3600}h`;
  if (s > 0 && s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

function methodLine(b: BalancerSettings): string | null {
  switch (b.strategy) {
    case 'least-conn':
      return 'least_conn;';
    case 'ip-hash':
      return 'ip_hash;';
    case 'hash-cookie':
      return `hash ${ngxQuote(`$cookie_${b.hashCookie.name}`)}${b.hashCookie.consistent ? ' consistent' : ''};`;
    case 'cookie': {
      const c = b.stickyCookie;
      const parts = ['sticky', 'cookie', ngxQuote(c.name)];
      if (c.expiresSec !== null) parts.push(ngxQuote(`expires=${ngxTime(c.expiresSec, true)}`));
      if (c.domain !== null) parts.push(ngxQuote(`domain=${c.domain}`));
      if (c.path !== null) parts.push(ngxQuote(`path=${c.path}`));
      return parts.join(' ') + ';';
    }
    default:
      return null;
  }
}

function serverLine(n: NodeSpec, backupAllowed: boolean, method: string): string {
  const parts = ['server', ngxQuote(n.address)];
  const weight = Math.max(1, Math.round(n.weight));
  if (weight !== NGINX_SERVER_DEFAULTS.weight) parts.push(`weight=${weight}`);
  const maxFails = Math.max(0, Math.round(n.maxFails));
  if (maxFails !== NGINX_SERVER_DEFAULTS.maxFails) parts.push(`max_fails=${maxFails}`);
  if (Math.round(n.failTimeoutSec) !== NGINX_SERVER_DEFAULTS.failTimeoutSec) parts.push(`fail_timeout=${ngxTime(n.failTimeoutSec)}`);
  if (n.cookieValue !== undefined && n.cookieValue !== '') parts.push(ngxQuote(`route=${n.cookieValue}`));
  if (n.down) parts.push('down');
  if (n.drain) parts.push('drain');
  if (n.backup && backupAllowed) parts.push('backup');
  const dropped = n.backup && !backupAllowed ? ` # "backup" left out: ${method} does not support it` : '';
  return parts.join(' ') + ';' + dropped;
}

/**
 * An `upstream` block for the settings. Servers come in `nodes` order (they become node-1…N
 * again when parsed). A `backup` flag that the method forbids (ip_hash, hash) is left out with a
 * comment, so the block stays loadable.
 */
export function printNginxUpstream(balancer: BalancerSettings, nodes: readonly NodeSpec[], upstreamName = 'laravel_cluster'): string {
  const lines = [`upstream ${ngxQuote(upstreamName)} {`];
  const method = methodLine(balancer);
  if (method !== null) lines.push(`  ${method}`);
  const backupAllowed = balancer.strategy !== 'ip-hash' && balancer.strategy !== 'hash-cookie';
  const methodName = balancer.strategy === 'ip-hash' ? 'ip_hash' : 'hash';
  for (const n of nodes) lines.push(`  ${serverLine(n, backupAllowed, methodName)}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}
