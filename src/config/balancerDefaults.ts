/**
 * Defaults the nginx and HAProxy parsers share. `BalancerSettings` always carries both cookie
 * records; the one the strategy does not use holds these defaults, so equal configs give equal
 * values. They are the engine's `defaultBalancer()` (src/sim/settings.ts), so printing the default
 * settings and parsing them back changes nothing.
 */
import { defaultBalancer as engineDefaultBalancer } from '../sim/settings';
import type { BalancerSettings, NodeSpec } from '../sim/types';

const ENGINE = engineDefaultBalancer();

/** The nginx docs' example, `sticky cookie srv_id expires=1h … path=/` (the engine's default). */
export const DEFAULT_STICKY_COOKIE: BalancerSettings['stickyCookie'] = Object.freeze({ ...ENGINE.stickyCookie });

export const DEFAULT_HASH_COOKIE: BalancerSettings['hashCookie'] = Object.freeze({ ...ENGINE.hashCookie });

/** nginx `server` defaults: `weight=1 max_fails=1 fail_timeout=10s` (ngx_http_upstream_server). */
export const NGINX_SERVER_DEFAULTS = Object.freeze({ weight: 1, maxFails: 1, failTimeoutSec: 10 });

/** HAProxy defaults: `weight 1`, checks `inter 2s fall 3 rise 2` (configuration.txt). */
export const HAPROXY_SERVER_DEFAULTS = Object.freeze({ weight: 1, fall: 3, interMs: 2000, rise: 2 });

/**
 * `expires=max` is stored as nginx's own sentinel NGX_HTTP_STICKY_COOKIE_MAX_EXPIRES, as the engine
 * does (STICKY_EXPIRES_MAX); nginx then sends `expires=Thu, 31-Dec-37 23:55:55 GMT; max-age=315360000`.
 */
export const NGINX_STICKY_EXPIRES_MAX = 2_145_916_555;

/**
 * Round robin with the default cookie records. `redispatch` is HAProxy's `option redispatch`
 * (off unless written); nginx has no such option because it always re-binds a client whose
 * sticky server failed (FACTS.md), so nginx configs read as `true`, like the engine's default.
 */
export function defaultBalancer(flavor: BalancerSettings['flavor']): BalancerSettings {
  return { ...engineDefaultBalancer('round-robin'), flavor, redispatch: flavor === 'nginx' };
}

/** Simulator node names: `node-1` … `node-N` in server-line order. */
export function nodeName(index: number): string {
  return `node-${index + 1}`;
}

export function newNode(index: number, address: string, flavor: BalancerSettings['flavor']): NodeSpec {
  return flavor === 'nginx'
    ? { name: nodeName(index), address, ...NGINX_SERVER_DEFAULTS, down: false, backup: false }
    : {
        name: nodeName(index), address, weight: HAPROXY_SERVER_DEFAULTS.weight, maxFails: 0,
        failTimeoutSec: HAPROXY_SERVER_DEFAULTS.interMs / 1000, down: false, backup: false,
      };
}
