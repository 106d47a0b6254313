/**
 * One HTTP request's path: browser → load balancer → app node (read session, run the route)
 * → save session → browser. nginx semantics (FACTS.md): a connection error is retried on the
 * next server for any method (nothing was sent); once a request was sent, a failed GET is
 * retried and a POST is not (502); no live upstream left → 502.
 */
import type { AppNode } from './cluster/appNode';
import type { BalancerRequest } from './balancer/types';
import type { CookieJar, SetCookie } from './laravel/cookieJar';
import type { StoreRequest } from './session/store';
import type { Outcome, TraceRecord } from './types';
import { firstVisit, nextAfter } from './users/behaviour';
import { mobileIp, MOBILE_IP_CHANGE_MEAN_MS } from './users/population';
import type { Intent, User } from './users/user';
import type { Req, World } from './world';

/** One-way latency browser ↔ load balancer, ms. */
export const CLIENT_LATENCY_MS = 15;
/** PHP time for one request, ms (uniform). */
export const SERVICE_MS: readonly [number, number] = [20, 60];
/** Redis round trip from a node, ms. */
export const REDIS_RTT_MS = 0.5;
/** The GC lottery `[2, 100]`. */
export const GC_LOTTERY = 2 / 100;

/** Schedule a user's next request. */
export function scheduleSend(w: World, user: User, intent: Intent, delayMs: number): void {
  w.queue.push({ kind: 'send', t: w.now + delayMs, seq: 0, user, intent, activation: user.activation });
}

export function startUser(w: World, user: User, delayMs: number): void {
  scheduleSend(w, user, firstVisit(), delayMs);
}

/** The browser sends a request. */
export function send(w: World, user: User, intent: Intent, activation: number): void {
  if (!user.active || activation !== user.activation) return;
  if (user.kind === 'mobile' && w.now >= user.nextIpChangeAt) {
    user.ip = mobileIp(w.rng.users);
    user.nextIpChangeAt = w.now + w.rng.users.exp(MOBILE_IP_CHANGE_MEAN_MS);
  }
  user.inFlight++;
  const req: Req = {
    kind: 'arrive', t: w.now + CLIENT_LATENCY_MS, seq: 0,
    id: w.nextReqId++, user, activation, intent, sentAt: w.now, ip: user.ip,
    sessionId: user.jar.plain(w.names.cookie, w.now) ?? null,
    authBefore: user.loggedIn,
    csrfToken: intent.method === 'POST' ? user.pageToken : null,
    route: null, node: null, epoch: 0, store: null, ctx: null, handled: null, failed: false, redisClient: null,
    status: 0, location: null, authAfter: user.loggedIn, pageToken: null, cookies: [], answeredBy: null,
  };
  w.queue.push(req);
}

/** The request reaches the load balancer. */
export async function arrive(w: World, req: Req): Promise<void> {
  req.route = w.upstream.route(new LbRequest(req.ip, req.intent.method, req.user.jar, w.now), w.now);
  await tryNextPeer(w, req);
}

/** Ask the balancer for a peer until one accepts the connection, or answer 502. */
async function tryNextPeer(w: World, req: Req): Promise<void> {
  const route = req.route!;
  for (;;) {
    const peer = route.next(w.now);
    if (!peer) return respond(w, req, w.upstream.noPeerStatus, null); // nginx 502, HAProxy 503
    const node = w.nodes.get(peer.name);
    if (node && node.accepting) return begin(w, req, node);
    route.done(w.now, false); // connection refused: counts towards max_fails, retried for any method
  }
}

function redisClient(node: AppNode, req: Req): string {
  return `${node.privateIp}:${req.id}`;
}

/** The request as a session store sees it (a class, not closures: this runs for every request). */
export class StoreContext implements StoreRequest {
  constructor(public now: number, readonly client: string, private readonly req: Req) {}
  cookie(name: string): string | undefined {
    return this.req.user.jar.plain(name, this.now);
  }
  queueCookie(c: SetCookie): void {
    this.req.cookies.push(c);
  }
}

/** The request as the load balancer sees it. */
class LbRequest implements BalancerRequest {
  constructor(readonly ip: string, readonly method: 'GET' | 'POST', private readonly jar: CookieJar, private readonly now: number) {}
  cookie(name: string): string | undefined {
    return this.jar.get(name, this.now);
  }
}


/** The node starts the request: StartSession reads, the route runs. */
async function begin(w: World, req: Req, node: AppNode): Promise<void> {
  node.inFlight++;
  req.node = node;
  req.epoch = node.epoch;
  req.store = w.storeFor(node);
  req.ctx = new StoreContext(w.now, node.privateIp, req);
  req.cookies = [];
  req.failed = false;
  // phpredis connects on the request's first command and disconnects at its end (non-persistent).
  // A refused connection surfaces at that first command, where fail-closed or the fallback decides.
  req.redisClient = null;
  if (w.redis && w.settings.session.driver === 'redis' && w.redis.isUp) {
    req.redisClient = redisClient(node, req);
    w.redis.connect(req.redisClient);
  }
  const [lo, hi] = SERVICE_MS;
  let service = w.rng.network.between(lo, hi);
  try {
    req.handled = await w.app.begin(
      { method: req.intent.method, path: req.intent.path, sessionId: req.sessionId ?? undefined, csrfToken: req.csrfToken, userId: req.user.id },
      req.store,
      req.ctx,
    );
    if (w.settings.session.driver === 'redis') service += 2 * REDIS_RTT_MS;
  } catch {
    req.failed = true; // RedisException: Connection refused → 500
  }
  req.kind = 'finish';
  req.t = w.now + service;
  w.queue.push(req);
}

/** The node finishes: StartSession saves the session, the response leaves. */
export async function finish(w: World, req: Req): Promise<void> {
  const node = req.node!;
  node.inFlight--;
  if (req.redisClient !== null) w.redis?.disconnect(req.redisClient);
  if (node.state === 'draining' && node.inFlight === 0) node.send({ type: 'DRAINED' });
  const route = req.route!;
  if (node.epoch !== req.epoch) {
    // The PHP process died mid-request: an upstream error after the request was sent.
    route.done(w.now, false);
    if (req.intent.method === 'GET') return tryNextPeer(w, req);
    return respond(w, req, 502, null);
  }
  route.done(w.now, true);
  if (req.failed) return respond(w, req, 500, node.name);
  const h = req.handled!;
  const ctx = req.ctx!;
  ctx.now = w.now;
  try {
    await w.app.finish(h, req.store!, ctx);
  } catch {
    return respond(w, req, 500, node.name); // a failed write at the end turns the response into a 500
  }
  if (w.settings.session.driver === 'file' && w.rng.gc.chance(GC_LOTTERY)) node.disk.gc(w.now);
  addSessionCookies(w, req, h.id, h.payload.token);
  for (const c of route.responseCookies()) req.cookies.push({ name: c.name, value: c.value, maxAgeSec: c.maxAgeSec });
  const r = h.response;
  req.location = r.location;
  req.pageToken = r.pageToken;
  req.authAfter = r.authenticated;
  respond(w, req, r.status, node.name);
}

/** `laravel_session` and `XSRF-TOKEN`, encrypted with a fresh IV on every response. */
function addSessionCookies(w: World, req: Req, id: string, token: string): void {
  const s = w.settings.session;
  const maxAgeSec = s.expireOnClose ? null : s.lifetimeMin * 60;
  const rng = w.rng.cookies;
  req.cookies.push({ name: w.names.cookie, value: `eyJpdiI6${rng.u32().toString(36)}`, plain: id, maxAgeSec });
  req.cookies.push({ name: 'XSRF-TOKEN', value: `eyJpdiI6${rng.u32().toString(36)}`, plain: token, maxAgeSec });
}

function respond(w: World, req: Req, status: number, node: string | null): void {
  req.status = status;
  req.answeredBy = node;
  req.kind = 'receive';
  req.t = w.now + CLIENT_LATENCY_MS;
  w.queue.push(req);
}

function classify(req: Req): Outcome {
  const s = req.status;
  if (s === 502 || s === 503) return 'bad_gateway';
  if (s === 504) return 'gateway_timeout';
  if (s >= 500) return 'server_error';
  if (s === 419) return 'csrf_mismatch';
  if (req.authBefore && !req.authAfter && !req.intent.voluntary) return 'logged_out';
  return 'ok';
}

/** The browser gets the response: cookies, what the user now believes, and their next move. */
export function receive(w: World, req: Req): void {
  const user = req.user;
  user.inFlight--;
  for (const c of req.cookies) user.jar.set(c, w.now);
  if (req.status >= 500) req.authAfter = req.authBefore; // an error page says nothing about the session
  const record: TraceRecord = {
    t: req.sentAt, user: user.id, ip: req.ip, method: req.intent.method, path: req.intent.path,
    node: req.answeredBy, status: req.status, session: req.sessionId,
    authBefore: req.authBefore, authAfter: req.authAfter, outcome: classify(req),
  };
  w.metrics.record(record, w.now - req.sentAt);
  w.trace.push(record);
  w.listeners.onRecord?.(record);
  noteReroute(w, user, req.answeredBy);
  user.loggedIn = req.authAfter;
  if (req.answeredBy) user.lastNode = req.answeredBy;
  if (req.status === 200) {
    user.page = req.intent.path;
    user.pageToken = req.pageToken;
  } else if (req.status === 419) {
    user.pageToken = null;
  }
  if (req.intent.voluntary && req.status === 302) user.leaving = true;
  if (!user.active || req.activation !== user.activation) return;
  const next = nextAfter(user, { status: req.status, location: req.location, path: req.intent.path }, w.rng.behaviour);
  if (next.closeBrowser) user.jar.closeBrowser();
  scheduleSend(w, user, next.intent, next.delayMs);
}

/** Count users of a failed node that got answered by another one. */
function noteReroute(w: World, user: User, node: string | null): void {
  if (w.watches.size === 0 || node === null) return;
  for (const [failed, watch] of w.watches) {
    if (failed !== node && watch.users.delete(user.id)) watch.rerouted++;
  }
}
