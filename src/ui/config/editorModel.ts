/**
 * What the config editors do with text, as pure functions: parse it into a settings patch
 * (the parsers also report the simulator's own limits), tell whether it already
 * describes the running settings, rewrite it when the settings change elsewhere, and print the
 * "copy as real config" snippet. The editor component only wires these to CodeMirror.
 */
import {
  type Diagnostic, hasErrors, laravelNames, parseEnv, parseHaproxyBackend, parseNginxUpstream,
  printEnv, printHaproxyBackend, printNginxUpstream, updateEnvText,
} from '../../config';
import { nodeEnvText } from '../../console/nodeEnv';
import { blockStoreOf, dbConnectionOf, defaultSettings } from '../../sim/settings';
import type { RedisSettings, SessionSettings, SimSettings } from '../../sim/types';
import { canonical, describePatch, type SettingsPatch } from './settingsDiff';

export { applyPatch, canonical, describePatch, type SettingsPatch } from './settingsDiff';

export type ConfigKind = 'env' | 'nginx' | 'haproxy';

/** The accessible name of each editor (and its tab). */
export const KIND_LABEL: Readonly<Record<ConfigKind, string>> = { env: '.env', nginx: 'nginx upstream', haproxy: 'haproxy backend' };

export interface ParsedConfig {
  /** Null when the text cannot be applied (an error, or nothing readable). */
  patch: SettingsPatch | null;
  diagnostics: Diagnostic[];
  /** The upstream / backend name, kept when the block is reprinted. */
  blockName: string | null;
}

export const DEFAULT_BLOCK_NAME = 'laravel_cluster';

/** Parse an editor's text against the running settings. Never throws. */
export function parseConfig(kind: ConfigKind, text: string, settings: Readonly<SimSettings>): ParsedConfig {
  if (kind === 'env') {
    const r = parseEnv(text);
    const patch = r.value && !hasErrors(r.diagnostics)
      ? { session: withoutRestatedDefaults(settings.session, { ...settings.session, ...r.value.session }), redis: { ...settings.redis, ...r.value.redis } }
      : null;
    return { patch, diagnostics: r.diagnostics, blockName: null };
  }
  const r = kind === 'nginx'
    ? parseNginxUpstream(text, { sessionCookie: laravelNames(settings.session.appName).cookie })
    : parseHaproxyBackend(text);
  const diagnostics = r.diagnostics; // the parsers include the simulator's limits (src/sim/limits.ts)
  const blockName = r.value ? ('upstreamName' in r.value ? r.value.upstreamName : r.value.backendName) : null;
  const patch = r.value && !hasErrors(diagnostics) ? { balancer: r.value.balancer, nodes: r.value.nodes } : null;
  return { patch, diagnostics, blockName };
}

/**
 * `CACHE_STORE` and `DB_CONNECTION` lines that only restate what the running settings already
 * mean are not a choice: the node's `.env` prints the default lock store for its driver
 * (`blockStoreOf`) and `sqlite`, and a student who changes only `SESSION_DRIVER` must not pin the
 * old driver's lock store. An unset setting stays unset (and so follows the driver).
 */
function withoutRestatedDefaults(running: Readonly<SessionSettings>, next: SessionSettings): SessionSettings {
  const out = { ...next };
  if (running.blockStore === undefined && out.blockStore !== undefined
    && (out.blockStore === blockStoreOf(running) || out.blockStore === blockStoreOf({ ...out, blockStore: undefined }))) delete out.blockStore;
  if (running.dbConnection === undefined && out.dbConnection === 'sqlite') delete out.dbConnection;
  return out;
}

/** Whether the text, as it stands, already describes the running settings (nothing to apply). */
export function describesSettings(kind: ConfigKind, text: string, settings: Readonly<SimSettings>): boolean {
  const { patch } = parseConfig(kind, text, settings);
  return patch !== null && describePatch(settings, patch).length === 0;
}

/** The text for new settings: the .env keeps the student's lines and comments; blocks are reprinted. */
export function textFor(kind: ConfigKind, settings: Readonly<SimSettings>, current: string, blockName: string | null): string {
  if (kind === 'env') {
    if (current.trim() === '') return nodeEnvText(settings);
    // Change only what differs from what the text says (a missing key reads as the simulator's
    // default), so a student's short .env does not fill up with every key.
    const said = parseEnv(current).value ?? { session: {}, redis: {} };
    const base = defaultSettings();
    const impliedSession = { ...base.session, ...said.session };
    // A missing CACHE_STORE / DB_CONNECTION reads as the default for the text's own driver.
    impliedSession.blockStore = blockStoreOf(impliedSession);
    const impliedDb = dbConnectionOf(impliedSession);
    if (impliedDb !== null) impliedSession.dbConnection = impliedDb;
    const implied = { session: impliedSession, redis: { ...base.redis, ...said.redis } };
    const differ = <T extends object>(want: T, have: object): Partial<T> =>
      Object.fromEntries(Object.entries(want).filter(([k, v]) => canonical(v) !== canonical((have as Record<string, unknown>)[k]))) as Partial<T>;
    return updateEnvText(current, { session: differ(envSession(settings), implied.session), redis: differ(envRedis(settings), implied.redis) });
  }
  const name = blockName ?? DEFAULT_BLOCK_NAME;
  return kind === 'nginx' ? printNginxUpstream(settings.balancer, settings.nodes, name) : printHaproxyBackend(settings.balancer, settings.nodes, name);
}

const envSession = (s: Readonly<SimSettings>): Partial<SessionSettings> => {
  const db = dbConnectionOf(s.session);
  return {
    appName: s.session.appName, driver: s.session.driver, lifetimeMin: s.session.lifetimeMin, encrypt: s.session.encrypt,
    expireOnClose: s.session.expireOnClose, connection: s.session.connection,
    ...(db !== null && { dbConnection: db }), blockStore: blockStoreOf(s.session),
  };
};
const envRedis = (s: Readonly<SimSettings>): Partial<RedisSettings> => ({ client: s.redis.client ?? 'phpredis', host: s.redis.host, password: s.redis.password, port: s.redis.port, db: s.redis.db });

/** The status line for an editor whose text has errors. */
export function errorStatus(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0];
  if (!first) return '';
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `line ${first.line}: ${first.message}${more} — simulation keeps running with the last good config`;
}

/**
 * "Copy as real config": the running settings printed for the real tool, ready to paste.
 * nginx: the upstream plus a `server` that proxies to it (both belong in the `http {}` context,
 * e.g. /etc/nginx/conf.d/laravel.conf). HAProxy: a frontend and the backend. .env: the session
 * and Redis lines. Each parses back without errors (tested).
 */
export function realConfigSnippet(kind: ConfigKind, settings: Readonly<SimSettings>, blockName: string | null): string {
  const name = blockName ?? DEFAULT_BLOCK_NAME;
  if (kind === 'env') {
    const sentinel = settings.redis.sentinel && (settings.redis.client ?? 'phpredis') === 'phpredis'
      ? "# Sentinel: Laravel's phpredis connector has no Sentinel support — after a failover it keeps\n# connecting to REDIS_HOST. Use REDIS_CLIENT=predis with 'replication' => 'sentinel' (config/database.php).\n"
      : '';
    return `# Session and Redis settings for Laravel's .env\n${sentinel}${printEnv(envSession(settings), envRedis(settings))}`;
  }
  if (kind === 'nginx') {
    const sticky = settings.balancer.strategy === 'cookie' ? '# "sticky cookie" needs nginx 1.29.6 or later (before that, NGINX Plus only).\n' : '';
    return [
      '# Put this in the http {} context, e.g. /etc/nginx/conf.d/laravel.conf',
      sticky + printNginxUpstream(settings.balancer, settings.nodes, name).trimEnd(),
      '',
      'server {',
      '  listen 80;',
      '  location / {',
      `    proxy_pass http://${name};`,
      '    proxy_set_header Host $host;',
      '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      '  }',
      '}',
      '',
    ].join('\n');
  }
  return [
    '# Add to /etc/haproxy/haproxy.cfg (after the global and defaults sections)',
    'frontend www',
    '    mode http',
    '    bind :80',
    `    default_backend ${name}`,
    '',
    printHaproxyBackend(settings.balancer, settings.nodes, name),
  ].join('\n');
}
