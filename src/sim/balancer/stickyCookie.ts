/**
 * nginx `sticky cookie NAME expires= domain= path=` (src/http/modules/ngx_http_upstream_sticky_module.c,
 * open source since 1.29.6) over the default round robin.
 *
 * The request's cookie value becomes `pc->hint`; round robin (ngx_http_upstream_get_peer) sends the
 * request to the peer whose sid matches if that peer is in the group being tried, not tried yet, not
 * `down` and not failed. Otherwise the request is balanced like a new client's. Either way
 * ngx_http_upstream_sticky_get_peer calls ngx_http_upstream_sticky_cookie_insert after every
 * successful pick: nginx sends `Set-Cookie: NAME=<sid of the chosen peer>` on every proxied
 * response, not only when the binding changes. The value changes exactly when the client is re-bound.
 */
import type { BalancerCookie } from './types';
import { getRoundRobinPeer } from './roundRobin';
import type { NginxBalancer } from './routeState';

/** NGX_HTTP_STICKY_COOKIE_MAX_EXPIRES: `expires=max`, written as max-age=315360000. */
export const STICKY_EXPIRES_MAX = 2145916555;

/** `sticky cookie ...` on top of round robin. */
export const stickyCookie: NginxBalancer = Object.freeze<NginxBalancer>({
  init(up, r, req) {
    // ngx_http_upstream_sticky_get_id: an empty value counts as absent.
    const v = req.cookie(up.settings.stickyCookie.name);
    r.hint = v === undefined || v === '' ? null : v;
  },
  get(up, r, now) {
    const peer = getRoundRobinPeer(up, r, now);
    if (peer !== null) r.cookieSid = peer.sid;
    return peer;
  },
  cookies(up, r): BalancerCookie[] {
    if (r.cookieSid === null) return [];
    const c = up.settings.stickyCookie;
    const maxAgeSec = c.expiresSec === STICKY_EXPIRES_MAX ? 315360000 : c.expiresSec;
    return [{ name: c.name, value: r.cookieSid, maxAgeSec, domain: c.domain, path: c.path }];
  },
});
