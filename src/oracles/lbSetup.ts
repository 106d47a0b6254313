/** Build the pieces every balancer feature needs: backends on free ports, server lines, settings. */
import { Upstream } from '../sim/balancer';
import type { BalancerSettings, NodeSpec } from '../sim/types';
import { startBackends, stopBackends, type Backend } from './backends';
import { LbPair } from './lbPair';
import { freePorts } from './proc';

/** Balancer settings with the engine's defaults (src/sim/settings.ts) and the given strategy. */
export function balancer(flavor: BalancerSettings['flavor'], strategy: BalancerSettings['strategy'], o: Partial<BalancerSettings> = {}): BalancerSettings {
  return {
    flavor,
    strategy,
    stickyCookie: { name: flavor === 'haproxy' ? 'SERVERID' : 'srv_id', expiresSec: 3600, domain: null, path: '/' },
    hashCookie: { name: 'laravel_session', consistent: true },
    redispatch: true,
    ...o,
  };
}

/** One server line per backend: `127.0.0.1:PORT` (the string nginx's ketama and sticky hash), nginx defaults. */
export function serverLines(backends: Backend[], o: (i: number) => Partial<NodeSpec> = () => ({})): NodeSpec[] {
  return backends.map((b, i) => ({
    name: b.name, address: b.address, weight: 1, maxFails: 1, failTimeoutSec: 10, down: false, backup: false, ...o(i + 1),
  }));
}

/** A running real balancer. */
export interface RealBalancer {
  port: number;
  stop(): Promise<void>;
}

export interface PairSpec {
  settings: BalancerSettings;
  count: number;
  /** Per-server overrides, 1-based. */
  server?: (i: number) => Partial<NodeSpec>;
  start: (settings: BalancerSettings, nodes: NodeSpec[]) => Promise<RealBalancer>;
  reportsTried: boolean;
  compareCookies: boolean;
  cookieNames?: string[];
  keepExamples?: number;
  /** Backends stopped before the balancer starts. */
  stoppedAtStart?: string[];
}

/**
 * Start backends `node-1…N`, the real balancer for their server lines and the simulator's
 * Upstream for the same lines; run `body`; stop everything whatever happens.
 */
export async function withPair<T>(spec: PairSpec, body: (pair: LbPair, nodes: NodeSpec[]) => Promise<T>): Promise<T> {
  const ports = await freePorts(spec.count);
  const backends = await startBackends(Array.from({ length: spec.count }, (_, i) => `node-${i + 1}`), ports);
  let real: RealBalancer | null = null;
  try {
    for (const b of backends) if (spec.stoppedAtStart?.includes(b.name)) await b.refuse();
    const nodes = serverLines(backends, spec.server);
    real = await spec.start(spec.settings, nodes);
    const pair = new LbPair(new Upstream(spec.settings, nodes), backends, real.port, {
      reportsTried: spec.reportsTried, compareCookies: spec.compareCookies, cookieNames: spec.cookieNames,
    }, spec.keepExamples);
    return await body(pair, nodes);
  } finally {
    if (real !== null) await real.stop();
    await stopBackends(backends);
  }
}
