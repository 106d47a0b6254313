/**
 * A real balancer (nginx or HAProxy on loopback, in front of {@link Backend}s) and the
 * simulator's {@link Upstream} for the same server lines, driven with the same requests.
 * The simulated side follows the engine's retry policy (src/sim/flow.ts): a refused
 * connection is retried on the next peer for any method; after an upstream died with the
 * request sent, the request is retried only if `Upstream.retriesAfterSent(method)` (nginx: GET;
 * HAProxy: never), else answered 502; no peer left → the balancer's no-peer status (nginx 502,
 * HAProxy 503).
 */
import type { BalancerRequest, Upstream } from '../sim/balancer';
import type { Backend, BackendState } from './backends';
import { outcomeDiff, parseUpstreamAddr, Tally, type Outcome } from './compare';
import { send, setCookies } from './http';

/** One request of a script. */
export interface LbRequest {
  ip: string;
  method: 'GET' | 'POST';
  /** Fixed cookies the request carries. */
  cookies?: Record<string, string>;
  /** A browser: its cookie jar (one per side) is sent and updated from Set-Cookie. */
  client?: number;
  path?: string;
}

/** Route one request through the simulator's upstream the way the engine does. */
export function simRoute(up: Upstream, req: BalancerRequest, states: ReadonlyMap<string, BackendState>, now: number): Outcome {
  const route = up.route(req, now);
  const tried: string[] = [];
  for (;;) {
    const peer = route.next(now);
    if (peer === null) return { status: up.noPeerStatus, node: null, tried };
    tried.push(peer.address);
    const state = states.get(peer.name) ?? 'refused';
    if (state === 'refused') {
      route.done(now, false);
      continue;
    }
    if (state === 'dies') {
      route.done(now, false);
      if (up.retriesAfterSent(req.method)) continue;
      return { status: 502, node: null, tried };
    }
    route.done(now, true);
    const cookies: Record<string, string> = {};
    for (const c of route.responseCookies()) cookies[c.name] = c.value;
    return { status: 200, node: peer.name, tried, cookies };
  }
}

export class LbPair {
  readonly tally: Tally;
  readonly states = new Map<string, BackendState>();
  private readonly jars = { sim: new Map<number, Record<string, string>>(), real: new Map<number, Record<string, string>>() };

  /**
   * @param reportsTried the real balancer tells which servers it tried (nginx `$upstream_addr`).
   * @param compareCookies compare balancer Set-Cookie headers (HAProxy cookie insertion).
   */
  constructor(
    readonly up: Upstream,
    readonly backends: Backend[],
    readonly port: number,
    private readonly opts: { reportsTried: boolean; compareCookies: boolean; cookieNames?: string[] },
    keepExamples = 5,
  ) {
    this.tally = new Tally(keepExamples);
    for (const b of backends) this.states.set(b.name, b.state);
  }

  private backend(name: string): Backend {
    const b = this.backends.find((x) => x.name === name);
    if (b === undefined) throw new Error(`no backend ${name}`);
    return b;
  }

  /** Put a backend in a state, on both sides. */
  async set(name: string, state: BackendState): Promise<void> {
    const b = this.backend(name);
    if (state === 'up') await b.up();
    else if (state === 'dies') await b.dies();
    else await b.refuse();
    this.states.set(name, state);
  }

  private cookiesFor(side: 'sim' | 'real', req: LbRequest): Record<string, string> {
    const jar = req.client === undefined ? {} : this.jars[side].get(req.client) ?? {};
    return { ...jar, ...(req.cookies ?? {}) };
  }

  private remember(side: 'sim' | 'real', req: LbRequest, cookies: Record<string, string> | undefined): void {
    if (req.client === undefined || cookies === undefined || Object.keys(cookies).length === 0) return;
    const jar = { ...(this.jars[side].get(req.client) ?? {}), ...cookies };
    // An empty value is a removal here (HAProxy's `NAME=; Expires=Thu, 01-Jan-1970 …`): the browser drops it.
    for (const [k, v] of Object.entries(cookies)) if (v === '') delete jar[k];
    this.jars[side].set(req.client, jar);
  }

  /** The simulated side alone, at `now` (epoch ms). */
  simulate(req: LbRequest, now: number): Outcome {
    const cookies = this.cookiesFor('sim', req);
    const out = simRoute(this.up, { ip: req.ip, method: req.method, cookie: (n) => cookies[n] }, this.states, now);
    this.remember('sim', req, out.cookies);
    if (!this.opts.reportsTried) out.tried = null;
    if (!this.opts.compareCookies) delete out.cookies;
    return out;
  }

  /** The real side alone. */
  async real(req: LbRequest): Promise<Outcome> {
    const res = await send({ port: this.port, method: req.method, path: req.path, ip: req.ip, cookies: this.cookiesFor('real', req) });
    const node = res.status === 200 ? res.body : null;
    const all = setCookies(res);
    const names = this.opts.cookieNames;
    const cookies = names === undefined ? all : Object.fromEntries(Object.entries(all).filter(([k]) => names.includes(k)));
    this.remember('real', req, cookies);
    const upstream = res.headers['x-upstream'];
    return {
      status: res.status,
      node,
      tried: this.opts.reportsTried ? parseUpstreamAddr(Array.isArray(upstream) ? upstream.join(', ') : upstream) : null,
      ...(this.opts.compareCookies ? { cookies } : {}),
    };
  }

  /** Send one request to both, compare, and count. Returns both outcomes. */
  async request(req: LbRequest, label = ''): Promise<{ sim: Outcome; real: Outcome; diff: string | null }> {
    const now = Date.now();
    const real = await this.real(req);
    const sim = this.simulate(req, now);
    const diff = outcomeDiff(sim, real);
    this.tally.add(diff, label || `${req.method} from ${req.ip}${req.cookies ? ' ' + JSON.stringify(req.cookies) : ''}`);
    return { sim, real, diff };
  }

  /**
   * Requests whose routing does not depend on order (hash methods with every server up):
   * the real ones go `concurrency` at a time, the simulated ones one by one.
   */
  async parallel(reqs: LbRequest[], concurrency = 32): Promise<void> {
    let next = 0;
    const results: Outcome[] = new Array<Outcome>(reqs.length);
    const worker = async (): Promise<void> => {
      while (next < reqs.length) {
        const i = next++;
        results[i] = await this.real(reqs[i]!);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const now = Date.now();
    reqs.forEach((r, i) => {
      const diff = outcomeDiff(this.simulate(r, now), results[i]!);
      this.tally.add(diff, `${r.method} from ${r.ip}${r.cookies ? ' ' + JSON.stringify(r.cookies) : ''}`);
    });
  }
}

/** Wait until the wall clock is in the middle of a second (nginx compares fail_timeout in whole seconds). */
export async function midSecond(): Promise<void> {
  for (;;) {
    const ms = Date.now() % 1000;
    if (ms >= 150 && ms <= 800) return;
    await new Promise((r) => setTimeout(r, ms < 150 ? 150 - ms : 1150 - ms));
  }
}
