/**
 * The load balancer's contract with the engine. Strategies are small objects that follow
 * nginx's (and HAProxy's) source, not a paraphrase of it: see FACTS.md and docs/fidelity.md.
 */

/** What the balancer can see of an HTTP request. */
export interface BalancerRequest {
  /** Client IPv4 (or IPv6) address as the balancer sees it. */
  ip: string;
  method: 'GET' | 'POST';
  /** A request cookie's value, or undefined when the browser sent none. */
  cookie(name: string): string | undefined;
}

/** A cookie the balancer adds to the response (nginx `sticky cookie`, HAProxy `cookie ... insert`). */
export interface BalancerCookie {
  name: string;
  value: string;
  /** Lifetime in seconds (`expires=`), or null for a browser-session cookie. */
  maxAgeSec: number | null;
  domain: string | null;
  path: string | null;
}

/** Read-only view of one upstream server, for the UI, metrics and tests. */
export interface PeerView {
  index: number;
  name: string;
  address: string;
  weight: number;
  backup: boolean;
  /** Configured `down`. */
  down: boolean;
  /** In-flight requests (nginx `peer->conns`). */
  conns: number;
  /** Failed attempts counted towards `max_fails` (nginx `peer->fails`). */
  fails: number;
  /** True while the balancer skips this peer after `max_fails` failures within `fail_timeout` (or HAProxy marks it DOWN). */
  unavailable: boolean;
}

/**
 * Why a {@link Route}'s `next` returned null.
 * - `no-live-upstreams`: nginx found no eligible peer (error log "no live upstreams"): 502.
 * - `tries-exhausted`: nginx used up `u->peer.tries`; the last attempt's error decides 502 / 504.
 * - `no-server-available`: HAProxy has no usable server: 503.
 * - `retries-exhausted`: HAProxy used up `retries`: 503.
 */
export type RouteEnd = 'no-live-upstreams' | 'tries-exhausted' | 'no-server-available' | 'retries-exhausted';

/** One request being routed: nginx's per-request peer state (the `tried` bitmap, ip_hash's running hash…). */
export interface Route {
  /** Why `next` last returned null (null while it has not). Optional: added after the engine contract. */
  readonly end?: RouteEnd | null;
  /**
   * The next peer to try, or null when none is left ("no live upstreams": the engine answers 502).
   * Marks the peer tried and counts a connection on it.
   */
  next(now: number): PeerView | null;
  /**
   * Report how the attempt on the peer last returned by `next` ended. `ok=false` is an upstream error
   * (connection refused, reset, timeout): it counts towards max_fails. Releases the connection.
   */
  done(now: number, ok: boolean): void;
  /** Cookies to add to the response once a peer has answered (sticky strategies); usually empty. */
  responseCookies(): readonly BalancerCookie[];
}

/** No Set-Cookie from the balancer (shared: most responses). */
export const NO_COOKIES: readonly BalancerCookie[] = Object.freeze([]);
