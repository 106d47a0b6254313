/**
 * Comparing settings the way the editors need: apply a patch, and say what it would change in
 * the words of the config files. No parser imports, so the page can use it without loading them.
 */
import type { BalancerSettings, NodeSpec, RedisSettings, SessionSettings, SimSettings } from '../../sim/types';

/** What an editor can change: the .env the session and Redis settings, the others the balancer and the servers. */
export interface SettingsPatch {
  session?: SessionSettings;
  redis?: RedisSettings;
  balancer?: BalancerSettings;
  nodes?: NodeSpec[];
}

/** The settings with a patch applied. */
export function applyPatch(settings: Readonly<SimSettings>, patch: SettingsPatch): SimSettings {
  const next = structuredClone(settings) as SimSettings;
  if (patch.session) next.session = structuredClone(patch.session);
  if (patch.redis) next.redis = structuredClone(patch.redis);
  if (patch.balancer) next.balancer = structuredClone(patch.balancer);
  if (patch.nodes) next.nodes = structuredClone(patch.nodes);
  return next;
}

/** JSON with sorted keys and undefined fields dropped: equal settings give equal strings. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (!val || typeof val !== 'object' || Array.isArray(val)) return val;
    return Object.fromEntries(Object.entries(val as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

/** What applying the patch would change, in the words of the config files (empty: nothing). */
export function describePatch(settings: Readonly<SimSettings>, patch: SettingsPatch): string[] {
  const out: string[] = [];
  const env: [keyof SessionSettings | keyof RedisSettings, string, 'session' | 'redis'][] = [
    ['appName', 'APP_NAME', 'session'], ['driver', 'SESSION_DRIVER', 'session'], ['lifetimeMin', 'SESSION_LIFETIME', 'session'],
    ['encrypt', 'SESSION_ENCRYPT', 'session'], ['expireOnClose', 'SESSION_EXPIRE_ON_CLOSE', 'session'],
    ['connection', 'SESSION_CONNECTION', 'session'], ['dbConnection', 'DB_CONNECTION', 'session'], ['blockStore', 'CACHE_STORE', 'session'],
    ['client', 'REDIS_CLIENT', 'redis'], ['host', 'REDIS_HOST', 'redis'], ['port', 'REDIS_PORT', 'redis'],
    ['password', 'REDIS_PASSWORD', 'redis'], ['db', 'REDIS_DB', 'redis'],
  ];
  for (const [field, key, group] of env) {
    const now = (settings[group] as unknown as Record<string, unknown>)[field];
    const next = (patch[group] as unknown as Record<string, unknown> | undefined)?.[field];
    if (next !== undefined && canonical(next) !== canonical(now)) out.push(`${key}=${next === null ? 'null' : String(next)}`);
  }
  for (const group of ['session', 'redis'] as const) {
    const p = patch[group];
    if (p && out.length === 0 && canonical(p) !== canonical(settings[group])) out.push(`${group} settings`);
  }
  const b = patch.balancer;
  if (b) {
    if (b.flavor !== settings.balancer.flavor) out.push(b.flavor === 'nginx' ? 'load balancer: nginx' : 'load balancer: HAProxy');
    if (b.strategy !== settings.balancer.strategy) out.push(`balancer: ${b.strategy}`);
    else if (canonical(b) !== canonical(settings.balancer) && b.flavor === settings.balancer.flavor) out.push('balancer options');
  }
  const n = patch.nodes;
  if (n) {
    if (n.length !== settings.nodes.length) out.push(`${n.length} server${n.length === 1 ? '' : 's'}`);
    else if (canonical(n) !== canonical(settings.nodes)) out.push('server parameters');
  }
  return out;
}
