/**
 * One request through an HAProxy backend: assign_server (src/backend.c), cookie persistence
 * (`cookie NAME insert indirect nocache`, http_manage_client_side_cookie /
 * http_manage_server_side_cookies in src/http_ana.c) and connection retries with
 * `option redispatch` (back_handle_st_cer).
 */
import { leastConnKey, leastConnReposition, pickLeastConn, pickRoundRobin } from './haproxyBalance';
import { isRunning, isUsable } from './haproxyHealth';
import { pickSource } from './haproxyMap';
import { peerView, type Peer } from './peer';
import { NO_COOKIES, type BalancerCookie, type BalancerRequest, type PeerView, type Route, type RouteEnd } from './types';
import { HAPROXY_RETRIES, type UpstreamState } from './upstreamState';

/** HAProxy's per-stream balancing state behind the {@link Route} contract. */
export class HaproxyRoute implements Route {
  /** Why `next` last returned null, or null while it has not. */
  end: RouteEnd | null = null;
  private attempts = 0;
  private assigned: Peer | null = null;
  private current: Peer | null = null;
  /** SF_DIRECT: the server came from a valid persistence cookie. */
  private direct = false;

  constructor(
    private readonly up: UpstreamState,
    private readonly req: BalancerRequest,
  ) {}

  /** The balance algorithm; the `cookie` strategy balances new clients by roundrobin. */
  private balance(avoid: Peer | null): Peer | null {
    switch (this.up.settings.strategy) {
      case 'least-conn': return pickLeastConn(this.up, avoid);
      case 'ip-hash': return pickSource(this.up, this.req.ip);
      default: return pickRoundRobin(this.up, avoid);
    }
  }

  /** First assignment: a cookie naming a server that is not DOWN/MAINT wins; otherwise balance. */
  private assign(): Peer | null {
    const s = this.up.settings;
    if (s.strategy === 'cookie') {
      const v = this.req.cookie(s.stickyCookie.name);
      // "we found the server and we can use it" needs cur_state != SRV_ST_STOPPED; a DOWN one is skipped.
      const srv = v === undefined || v === '' ? undefined : this.up.all.find((p) => p.sid === v && !p.down && isRunning(p));
      if (srv !== undefined) {
        this.direct = true;
        return srv;
      }
    }
    return this.balance(null);
  }

  /**
   * A retry goes to the same server unless `option redispatch` and one of: the server is no
   * longer running; this is the last retry (redispatch interval -1); or the stream is not
   * persistent, more than one active server is up and the algorithm is not a hash.
   */
  private retryTarget(prev: Peer): Peer | null {
    const s = this.up.settings;
    const activeUp = this.up.all.reduce((n, p) => n + (!p.backup && isUsable(p) ? 1 : 0), 0);
    const redispatch = s.redispatch && (
      prev.down || !isRunning(prev)
      || this.attempts % HAPROXY_RETRIES === 0
      || (!this.direct && activeUp > 1 && s.strategy !== 'ip-hash'));
    if (!redispatch) return prev;
    this.direct = false;
    return this.balance(prev);
  }

  /** {@inheritDoc Route.next} */
  next(now: number): PeerView | null {
    if (this.current !== null) throw new Error('Route.next() called before done() for the previous peer');
    this.up.lastNow = Math.max(this.up.lastNow, now);
    if (this.attempts > HAPROXY_RETRIES) {
      this.end = 'retries-exhausted';
      return null;
    }
    const srv = this.assigned === null ? this.assign() : this.retryTarget(this.assigned);
    if (srv === null) {
      this.end = 'no-server-available';
      return null;
    }
    this.attempts++;
    this.assigned = srv;
    this.current = srv;
    const oldKey = leastConnKey(srv);
    srv.conns++;
    leastConnReposition(this.up, srv, oldKey);
    return peerView(srv, !isRunning(srv), srv.checkFails);
  }

  /** {@inheritDoc Route.done} HAProxy counts nothing against the server here: only checks mark it down. */
  done(now: number, _ok: boolean): void {
    const srv = this.current;
    if (srv === null) throw new Error('Route.done() without a peer from next()');
    this.up.lastNow = Math.max(this.up.lastNow, now);
    const oldKey = leastConnKey(srv);
    srv.conns--;
    leastConnReposition(this.up, srv, oldKey);
    this.current = null;
  }

  /**
   * `insert indirect`: Set-Cookie only when the server was not reached through a valid cookie
   * (none, unknown value, DOWN server, or redispatched). HAProxy writes `NAME=value; path=/`
   * (+ `; domain=` if configured) with no expiry: a browser-session cookie. A server without a
   * `cookie` value gets a removal instead, `NAME=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/`
   * (http_manage_server_side_cookies: "servers which don't have cookies ... will return a full
   * cookie removal request").
   */
  responseCookies(): readonly BalancerCookie[] {
    const s = this.up.settings;
    if (s.strategy !== 'cookie' || this.assigned === null || this.direct) return NO_COOKIES;
    const c = s.stickyCookie;
    if (this.assigned.sid === '') return [{ name: c.name, value: '', maxAgeSec: 0, domain: null, path: '/' }];
    return [{ name: c.name, value: this.assigned.sid, maxAgeSec: null, domain: c.domain, path: '/' }];
  }
}
