/**
 * One HTTP request's path: browser → load balancer → app node (read session, run the route)
 * → save session → browser. nginx semantics (FACTS.md): a connection error is retried on the
 * next server for any method (nothing was sent); once a request was sent, a failed GET is
 * retried and a POST is not (502); no live upstream left → 502.
 */
import type { AppNode } from './cluster/appNode';
import { nodeDrained } from './cluster/deploy';
import { LOCK_POLL_MS, LOCK_WAIT_MS, lockKey, releaseLock, tryLock } from './cluster/sessionLock';
import type { Handled } from './laravel/app';
import { CART, CHECKOUT, isValidSessionId } from './laravel/routes';
import { blackholeOutcome } from './redis/clientModel';
import { redisGate } from './machines/redisActor';
import { RedisTimeoutError } from './redis/errors';
import { collectGarbage, hasLottery, sessionsPerNode } from './session/stores';
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
    startedAt: 0, timedOut: false, lock: null, lockSince: 0, lostUpdate: false,
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


/** nginx's `proxy_read_timeout` default: a hung upstream is given up on after 60 s. */
export const PROXY_TIMEOUT_MS = 60_000;

const usesRedis = (w: World): boolean => w.settings.session.driver === 'redis';

/** The node accepts the request. */
async function begin(w: World, req: Req, node: AppNode): Promise<void> {
  node.inFlight++;
  req.node = node;
  req.epoch = node.epoch;
  req.store = w.storeFor(node);
  req.ctx = new StoreContext(w.now, node.privateIp, req);
  req.cookies = [];
  req.failed = false;
  req.timedOut = false;
  req.lostUpdate = false;
  req.lock = null;
  req.startedAt = w.now;
  req.lockSince = w.now;
  // phpredis connects on the request's first command and disconnects at its end (non-persistent).
  // A refused connection surfaces at that first command, where fail-closed or the fallback decides.
  req.redisClient = null;
  // The machine's gate models the simulated faults; a real server (--redis-url) can also just stop.
  if (w.redis && usesRedis(w) && redisGate(w) === 'open' && w.redis.isUp && !node.partitioned) {
    req.redisClient = redisClient(node, req);
    w.redis.connect(req.redisClient);
  }
  if (needsLock(w, req)) return acquireLock(w, req);
  return run(w, req);
}

/** Session blocking applies to the cart routes when `->block()` is on and the browser has a session. */
function needsLock(w: World, req: Req): boolean {
  return !!w.settings.session.block && req.intent.method === 'POST' && (req.intent.path === CART || req.intent.path === CHECKOUT)
    && isValidSessionId(req.sessionId ?? undefined);
}

/** Take the session lock, or poll again in 50 ms, or give up after 10 s (LockTimeoutException → 500). */
export async function acquireLock(w: World, req: Req): Promise<void> {
  const node = req.node!;
  if (node.epoch !== req.epoch) return scheduleFinish(w, req, 0); // the process died while waiting
  const key = lockKey(w, req.sessionId!);
  if (usesRedis(w) && (node.partitioned || redisGate(w) === 'blackholed')) return hang(w, req);
  try {
    if (await tryLock(w, node, key, `req${req.id}`, node.privateIp)) {
      req.lock = key;
      return run(w, req);
    }
  } catch {
    req.failed = true;
    return scheduleFinish(w, req, 0);
  }
  if (w.now - req.lockSince >= LOCK_WAIT_MS) {
    req.failed = true;
    return scheduleFinish(w, req, 0);
  }
  req.kind = 'lock';
  req.t = w.now + LOCK_POLL_MS;
  w.queue.push(req);
}

/** StartSession reads, the route runs; the save happens in `finish` after the PHP time. */
async function run(w: World, req: Req): Promise<void> {
  const node = req.node!;
  if (usesRedis(w) && (node.partitioned || redisGate(w) === 'blackholed')) return hang(w, req);
  const [lo, hi] = SERVICE_MS;
  let service = w.rng.network.between(lo, hi);
  try {
    req.handled = await w.app.begin(
      { method: req.intent.method, path: req.intent.path, sessionId: req.sessionId ?? undefined, csrfToken: req.csrfToken, userId: req.user.id, ajax: req.intent.ajax ?? false },
      req.store!,
      req.ctx!,
    );
    if (usesRedis(w)) service += 2 * (REDIS_RTT_MS + (w.redis?.latencyMs ?? 0));
  } catch {
    req.failed = true; // RedisException: Connection refused → 500
  }
  scheduleFinish(w, req, service);
}

function scheduleFinish(w: World, req: Req, afterMs: number): void {
  req.kind = 'finish';
  req.t = w.now + afterMs;
  w.queue.push(req);
}

/** A Redis call that never answers: PHP waits for its client's timeout, nginx for its read timeout; the first wins. */
function hang(w: World, req: Req): void {
  const o = blackholeOutcome(w.settings.redis, req.redisClient === null ? 'connect' : 'read', PROXY_TIMEOUT_MS);
  if (o.status === 500) req.failed = true; // RedisException: a 500, which does not count against max_fails
  else req.timedOut = true;
  req.kind = 'finish';
  req.t = Math.max(w.now, req.startedAt + o.afterMs);
  w.queue.push(req);
}

/** The node finishes: StartSession saves the session, the response leaves. */
export async function finish(w: World, req: Req): Promise<void> {
  const node = req.node!;
  const route = req.route!;
  if (node.epoch !== req.epoch) {
    // The PHP process died mid-request: an upstream error after the request was sent
    // (nginx retries a GET on the next server; HAProxy retries nothing once sent).
    leave(w, req, node);
    route.done(w.now, false);
    if (w.upstream.retriesAfterSent(req.intent.method)) return tryNextPeer(w, req);
    return respond(w, req, 502, null);
  }
  if (req.timedOut) {
    // proxy_next_upstream `timeout`: a GET goes to the next server, a POST gets 504.
    leave(w, req, node);
    route.done(w.now, false);
    if (w.upstream.retriesAfterSent(req.intent.method)) return tryNextPeer(w, req);
    return respond(w, req, 504, null);
  }
  if (req.failed) {
    await release(w, req, node);
    leave(w, req, node);
    route.done(w.now, true);
    return respond(w, req, 500, node.name);
  }
  const h = req.handled!;
  const ctx = req.ctx as StoreContext;
  ctx.now = w.now;
  try {
    await w.app.finish(h, req.store!, ctx);
  } catch (e) {
    if (e instanceof RedisTimeoutError) return hang(w, req); // the save hangs: nginx times out
    await release(w, req, node);
    leave(w, req, node);
    route.done(w.now, true);
    return respond(w, req, 500, node.name); // a failed write at the end turns the response into a 500
  }
  noteSave(w, req, node, h);
  await release(w, req, node);
  leave(w, req, node);
  route.done(w.now, true);
  if (hasLottery(w.settings.session.driver) && w.rng.gc.chance(GC_LOTTERY)) collectGarbage(w, node);
  addSessionCookies(w, req, h.id, h.payload.token);
  for (const c of route.responseCookies()) req.cookies.push({ name: c.name, value: c.value, maxAgeSec: c.maxAgeSec });
  const r = h.response;
  req.location = r.location;
  req.pageToken = r.pageToken;
  req.authAfter = r.authenticated;
  respond(w, req, r.status, node.name);
}

/** The request leaves the node: free the worker and the Redis connection. */
function leave(w: World, req: Req, node: AppNode): void {
  node.inFlight--;
  if (req.redisClient !== null) w.redis?.disconnect(req.redisClient);
  req.redisClient = null;
  if (node.state === 'draining' && node.inFlight === 0) nodeDrained(w, node);
}

async function release(w: World, req: Req, node: AppNode): Promise<void> {
  if (req.lock === null) return;
  await releaseLock(w, node, req.lock, `req${req.id}`, node.privateIp);
  req.lock = null;
}

/**
 * Lost updates: Laravel saves the whole payload, so a save built on a cart that is no longer
 * the last one saved (another request saved in between, or the node read a stale copy)
 * throws away the items that save added.
 */
function noteSave(w: World, req: Req, node: AppNode, h: Handled): void {
  const driver = w.settings.session.driver;
  if (driver === 'array') return;
  const key = (sessionsPerNode(w.settings.session) ? node.name : driver) + h.id;
  const last = w.lastSaved.get(key);
  // Only a save built on a session that was read counts: a vanished session is a logout, not a lost update.
  if (h.found && last && !sameCart(last, h.readCart) && last.some((item) => !h.payload.cart.includes(item))) req.lostUpdate = true;
  if (w.lastSaved.size > 50_000) w.lastSaved.clear();
  w.lastSaved.set(key, h.payload.cart);
}

function sameCart(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
  if (req.lostUpdate) return 'lost_update';
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
  if (req.status === 200 && !req.intent.ajax) {
    user.page = req.intent.path;
    user.pageToken = req.pageToken;
  } else if (req.status === 419) {
    user.pageToken = null;
  }
  if (req.intent.voluntary && req.status === 302) user.leaving = true;
  if (!user.active || req.activation !== user.activation) return;
  if (user.inFlight > 0) return; // parallel requests (tabs, XHRs): the user moves on when the last is back
  const next = nextAfter(user, { status: req.status, location: req.location, path: req.intent.path }, w.rng.behaviour, w.settings.concurrency ?? 1);
  if (next.closeBrowser) user.jar.closeBrowser();
  for (let i = 0; i < next.copies; i++) scheduleSend(w, user, next.intent, next.delayMs);
}

/** Count users of a failed node that got answered by another one. */
function noteReroute(w: World, user: User, node: string | null): void {
  if (w.watches.size === 0 || node === null) return;
  for (const [failed, watch] of w.watches) {
    if (failed !== node && watch.users.delete(user.id)) watch.rerouted++;
  }
}
