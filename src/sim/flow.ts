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
import { noteSave } from './lostUpdate';
import { CART, CHECKOUT, isValidSessionId } from './laravel/routes';
import type { Maybe } from './maybe';
import { RedisConnectionError, RedisReplyError, RedisTimeoutError } from './redis/errors';
import type { RedisCaller } from './redis/connection';
import { collectGarbage, hasLottery } from './session/stores';
import { DatabaseDownError } from './session/databaseStore';
import type { BalancerRequest } from './balancer/types';
import type { CookieJar, SetCookie } from './laravel/cookieJar';
import type { StoreRequest } from './session/store';
import { classify } from './outcomes';
import { lotteryOf } from './settings';
import type { TraceRecord } from './types';
import { firstVisit, nextAfter } from './users/behaviour';
import { mobileIp, MOBILE_IP_CHANGE_MEAN_MS } from './users/population';
import type { Intent, User } from './users/user';
import type { Req, World } from './world';

/** One-way latency browser ↔ load balancer, ms. */
export const CLIENT_LATENCY_MS = 15;
/** PHP time for one request, ms (uniform). */
export const SERVICE_MS: readonly [number, number] = [20, 60];

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
    route: null, node: null, epoch: 0, store: null, ctx: null, handled: null, failed: false, conn: null, redisAt: null, redisToken: 0,
    startedAt: 0, timedOut: false, lock: null, lockSince: 0, lostUpdate: false,
    status: 0, location: null, authAfter: user.loggedIn, pageToken: null, cookies: NO_COOKIES, answeredBy: null,
  };
  w.queue.push(req);
}

/** The request reaches the load balancer. */
export function arrive(w: World, req: Req): Maybe<void> {
  req.route = w.upstream.route(new LbRequest(req.ip, req.intent.method, req.user.jar, w.now), w.now);
  return tryNextPeer(w, req);
}

/** Ask the balancer for a peer until one accepts the connection, or answer 502. */
function tryNextPeer(w: World, req: Req): Maybe<void> {
  const route = req.route!;
  for (;;) {
    const peer = route.next(w.now);
    if (!peer) return respond(w, req, w.upstream.noPeerStatus, null); // nginx 502, HAProxy 503
    const node = w.nodes.get(peer.name);
    if (node && node.accepting) return begin(w, req, node);
    route.done(w.now, false); // connection refused: counts towards max_fails, retried for any method
  }
}

/** No cookies on the response (shared: a request's list is replaced, never changed, when it gets some). */
const NO_COOKIES: readonly SetCookie[] = Object.freeze([]);

/** The request as a session store sees it (a class, not closures: this runs for every request). */
export class StoreContext implements StoreRequest {
  slot: object | null = null;
  constructor(public now: number, readonly client: RedisCaller, private readonly req: Req) {}
  cookie(name: string): string | undefined {
    return this.req.user.jar.plain(name, this.now);
  }
  queueCookie(c: SetCookie): void {
    const req = this.req;
    req.cookies = req.cookies === NO_COOKIES ? [c] : [...req.cookies, c];
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

/** The node accepts the request. */
function begin(w: World, req: Req, node: AppNode): Maybe<void> {
  node.inFlight++;
  req.node = node;
  req.epoch = node.epoch;
  req.store = w.storeFor(node);
  req.cookies = NO_COOKIES; // a retry on another node starts over
  req.failed = false;
  req.timedOut = false;
  req.lostUpdate = false;
  req.lock = null;
  req.startedAt = w.now;
  req.lockSince = w.now;
  // phpredis connects on the request's first command and disconnects at its end (non-persistent).
  // A refused or silent connection surfaces at that first command, where fail-closed or the fallback decides.
  req.conn = w.settings.session.driver === 'redis' ? w.connections.get(node.name) ?? null : null;
  if (req.conn !== null) req.conn.open(req);
  // The session commands go over the request's own connection (MONITOR's ip:port; a silent Redis
  // then times out as a read on an open connection, not as a connect).
  req.ctx = new StoreContext(w.now, req.conn !== null ? req : node.privateIp, req);
  if (needsLock(w, req)) return acquireLock(w, req);
  return run(w, req);
}

/** Session blocking applies to the cart routes when `->block()` is on and the browser has a session. */
function needsLock(w: World, req: Req): boolean {
  return !!w.settings.session.block && req.intent.method === 'POST' && (req.intent.path === CART || req.intent.path === CHECKOUT)
    && isValidSessionId(req.sessionId ?? undefined);
}

/** Take the session lock, or poll again in 50 ms, or give up after 10 s (LockTimeoutException → 500). */
export function acquireLock(w: World, req: Req): Maybe<void> {
  const node = req.node!;
  if (node.epoch !== req.epoch) return scheduleFinish(w, req, 0); // the process died while waiting
  const key = lockKey(w, req.sessionId!);
  let taken: Maybe<boolean>;
  try {
    taken = tryLock(w, node, key, `req${req.id}`, node.privateIp);
  } catch (err) {
    return redisFailedEarly(w, req, err, 0);
  }
  if (taken instanceof Promise) return taken.then((t) => lockAnswered(w, req, key, t), (err: unknown) => redisFailedEarly(w, req, err, 0));
  return lockAnswered(w, req, key, taken);
}

function lockAnswered(w: World, req: Req, key: string, taken: boolean): Maybe<void> {
  if (taken) {
    req.lock = key;
    return run(w, req);
  }
  if (w.now - req.lockSince >= LOCK_WAIT_MS) {
    req.failed = true;
    return scheduleFinish(w, req, 0);
  }
  req.kind = 'lock';
  req.t = w.now + LOCK_POLL_MS;
  w.queue.push(req);
}

/** PHP time for this request, ms. */
function serviceMs(w: World): number {
  return w.rng.network.between(SERVICE_MS[0], SERVICE_MS[1]);
}

/** StartSession reads, the route runs; the save happens in `finish` after the PHP time. */
function run(w: World, req: Req): Maybe<void> {
  const i = req.intent;
  let handled: Maybe<Handled>;
  try {
    handled = w.app.begin(
      { method: i.method, path: i.path, sessionId: req.sessionId ?? undefined, csrfToken: req.csrfToken, userId: req.user.id, ajax: i.ajax ?? false },
      req.store!,
      req.ctx!,
    );
  } catch (err) {
    return redisFailedEarly(w, req, err, -1);
  }
  if (handled instanceof Promise) return handled.then((h) => ran(w, req, h), (err: unknown) => redisFailedEarly(w, req, err, -1));
  ran(w, req, handled);
}

function ran(w: World, req: Req, h: Handled): void {
  req.handled = h;
  let service = serviceMs(w);
  if (req.conn !== null) service += 2 * req.conn.roundTripMs; // the GET and the SETEX
  scheduleFinish(w, req, service);
}

/**
 * A Redis call failed before the route finished. Silence hangs the request (see
 * {@link silent}); a refusal or an error reply is phpredis's RedisException → 500, answered
 * after `afterMs` (-1: after the PHP time). Anything else is a bug in the engine and propagates.
 */
function redisFailedEarly(w: World, req: Req, err: unknown, afterMs: number): void {
  if (err instanceof RedisTimeoutError) return silent(w, req, err.afterMs);
  if (!isRefusal(err)) throw err;
  req.failed = true;
  scheduleFinish(w, req, afterMs < 0 ? serviceMs(w) : afterMs);
}

/** Connection refused or an error reply: the call failed at once. */
function isRefusal(err: unknown): boolean {
  // The database driver's MySQL being down is the same kind of failure (a QueryException → 500).
  return err instanceof RedisConnectionError || err instanceof RedisReplyError || err instanceof DatabaseDownError;
}

/**
 * A Redis call got no answer. The client gives up after its timeout (a RedisException → 500),
 * unless nginx's proxy_read_timeout comes first (504); with no client timeout, nginx always wins.
 */
function silent(w: World, req: Req, clientTimeoutMs: number): void {
  if (w.now + clientTimeoutMs >= req.startedAt + PROXY_TIMEOUT_MS) return hang(w, req);
  req.failed = true;
  scheduleFinish(w, req, clientTimeoutMs);
}

function scheduleFinish(w: World, req: Req, afterMs: number): void {
  req.kind = 'finish';
  req.t = w.now + afterMs;
  w.queue.push(req);
}

/** PHP is still waiting on Redis: nginx gives up after its read timeout. */
function hang(w: World, req: Req): void {
  req.timedOut = true;
  req.kind = 'finish';
  req.t = Math.max(w.now, req.startedAt + PROXY_TIMEOUT_MS);
  w.queue.push(req);
}

/** The node finishes: StartSession saves the session, the response leaves. */
export function finish(w: World, req: Req): Maybe<void> {
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
  if (req.failed) return answerError(w, req, node);
  const h = req.handled!;
  const ctx = req.ctx as StoreContext;
  ctx.now = w.now;
  let saved: Maybe<void>;
  try {
    saved = w.app.finish(h, req.store!, ctx);
  } catch (err) {
    return saveFailed(w, req, node, err);
  }
  if (saved instanceof Promise) return saved.then(() => afterSave(w, req, node, h), (err: unknown) => saveFailed(w, req, node, err));
  return afterSave(w, req, node, h);
}

/** The save failed: silence hangs the request; a refusal or an error reply turns the response into a 500. */
function saveFailed(w: World, req: Req, node: AppNode, err: unknown): Maybe<void> {
  if (err instanceof RedisTimeoutError) return silent(w, req, err.afterMs);
  if (!isRefusal(err)) throw err;
  return answerError(w, req, node);
}

/** The app failed (500): release the lock, free the worker, answer. */
function answerError(w: World, req: Req, node: AppNode): Maybe<void> {
  const released = release(w, req, node);
  if (released instanceof Promise) return released.then(() => answer500(w, req, node));
  answer500(w, req, node);
}

function answer500(w: World, req: Req, node: AppNode): void {
  leave(w, req, node);
  req.route!.done(w.now, true);
  respond(w, req, 500, node.name);
}

function afterSave(w: World, req: Req, node: AppNode, h: Handled): Maybe<void> {
  noteSave(w, req, node, h);
  const released = release(w, req, node);
  if (released instanceof Promise) return released.then(() => answer(w, req, node, h));
  answer(w, req, node, h);
}

/** The response leaves with the session cookies. */
function answer(w: World, req: Req, node: AppNode, h: Handled): void {
  const route = req.route!;
  leave(w, req, node);
  route.done(w.now, true);
  if (hasLottery(w.settings.session.driver) && w.rng.gc.chance(lotteryOf(w.settings.session) / 100)) collectGarbage(w, node);
  addSessionCookies(w, req, h.id, h.payload.token);
  const set = route.responseCookies();
  if (set.length > 0) req.cookies = [...req.cookies, ...set]; // the jar copies what it keeps
  const r = h.response;
  req.location = r.location;
  req.pageToken = r.pageToken;
  req.authAfter = r.authenticated;
  respond(w, req, r.status, node.name);
}

/** The request leaves the node: free the worker and the Redis connection. */
function leave(w: World, req: Req, node: AppNode): void {
  node.inFlight--;
  req.conn?.close(req);
  if (node.state === 'draining' && node.inFlight === 0) nodeDrained(w, node);
}

function release(w: World, req: Req, node: AppNode): Maybe<void> {
  const key = req.lock;
  if (key === null) return;
  req.lock = null;
  return releaseLock(w, node, key, `req${req.id}`, node.privateIp);
}

/** `laravel_session` and `XSRF-TOKEN`, encrypted with a fresh IV on every response. */
function addSessionCookies(w: World, req: Req, id: string, token: string): void {
  const s = w.settings.session;
  const maxAgeSec = s.expireOnClose ? null : s.lifetimeMin * 60;
  const rng = w.rng.cookies;
  const session: SetCookie = { name: w.names.cookie, value: rng.u32(), plain: id, maxAgeSec };
  const xsrf: SetCookie = { name: 'XSRF-TOKEN', value: rng.u32(), plain: token, maxAgeSec };
  // An array of exactly what it holds (pushing onto an empty one reserved room for 17).
  req.cookies = req.cookies.length === 0 ? [session, xsrf] : [...req.cookies, session, xsrf];
}

function respond(w: World, req: Req, status: number, node: string | null): void {
  req.status = status;
  req.answeredBy = node;
  req.kind = 'receive';
  req.t = w.now + CLIENT_LATENCY_MS;
  w.queue.push(req);
}

/** The browser gets the response: cookies, what the user now believes, and their next move. */
export function receive(w: World, req: Req): void {
  const user = req.user;
  user.inFlight--;
  for (let i = 0; i < req.cookies.length; i++) user.jar.set(req.cookies[i]!, w.now); // indexed: for-of allocated an iterator result per cookie here
  if (req.status >= 500) req.authAfter = req.authBefore; // an error page says nothing about the session
  const record: TraceRecord = {
    t: req.sentAt, user: user.id, ip: req.ip, method: req.intent.method, path: req.intent.path,
    node: req.answeredBy, status: req.status, session: req.sessionId,
    authBefore: req.authBefore, authAfter: req.authAfter,
    outcome: classify({ status: req.status, authBefore: req.authBefore, authAfter: req.authAfter, voluntary: req.intent.voluntary, lostUpdate: req.lostUpdate }),
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
