/**
 * What the simulator can run, checked in one place for every entry point: the nginx and HAProxy
 * parsers (so the editors and the CLI's --nginx/--haproxy point at the offending line), and
 * `Simulation.create` as the backstop for settings from anywhere else (scenario files, lessons,
 * links, code). docs/bad-input.md lists these limits.
 */
import { MAX_CHASH_TOTAL_WEIGHT } from './balancer/chashPoints';
import { MAX_NODES } from './settings';
import type { BalancerSettings, NodeSpec } from './types';

export { MAX_CHASH_TOTAL_WEIGHT } from './balancer/chashPoints';

/** nginx `weight=`: a positive `ngx_atoi` value; the simulator keeps it to a 32-bit int. */
export const NGINX_MAX_WEIGHT = 0x7fffffff;
/** HAProxy `weight`: 0–256 (SRV_UWGHT_MAX). */
export const HAPROXY_MAX_WEIGHT = 256;
/** HAProxy's largest timer (`inter`): 2147483647 ms, ~24.8 days. */
export const HAPROXY_MAX_INTER_MS = 0x7fffffff;
/** The longest nginx time the simulator takes (fail_timeout, sticky expires): 2^31 − 1 s, ~68 years. */
export const MAX_TIME_SEC = 0x7fffffff;

/** One thing the simulator cannot run; `node` is the index of the server it concerns, if one. */
export interface SettingsProblem {
  message: string;
  node: number | null;
  /** Which part of the server line: the line itself, or its weight. */
  field: 'server' | 'weight';
}

/** Every reason the simulator cannot build this balancer and these nodes (empty when it can). */
export function balancerProblems(balancer: Readonly<BalancerSettings>, nodes: readonly Readonly<NodeSpec>[]): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (nodes.length === 0) out.push({ message: 'the simulator needs at least one app server', node: null, field: 'server' });
  if (nodes.length > MAX_NODES) {
    out.push({ message: `the simulator runs at most ${MAX_NODES} app servers; this is server ${MAX_NODES + 1}`, node: MAX_NODES, field: 'server' });
  }
  const nginx = balancer.flavor === 'nginx';
  const [min, max] = nginx ? [1, NGINX_MAX_WEIGHT] : [0, HAPROXY_MAX_WEIGHT];
  const limit = Math.min(nodes.length, MAX_NODES);
  for (let i = 0; i < limit; i++) {
    const w = (nodes[i] as NodeSpec).weight;
    if (!Number.isInteger(w) || w < min || w > max) {
      out.push({ message: `weight ${String(w)} is outside ${min}–${max} (${nginx ? 'nginx' : 'HAProxy'})`, node: i, field: 'weight' });
    }
    const n = nodes[i] as NodeSpec;
    // nginx fail_timeout: 0 … 2^31 − 1 s; HAProxy inter: 1 ms … 2^31 − 1 ms.
    const [tMin, tMax, tName] = nginx ? [0, MAX_TIME_SEC, 'fail_timeout'] : [0.001, HAPROXY_MAX_INTER_MS / 1000, 'inter'];
    if (!(n.failTimeoutSec >= tMin && n.failTimeoutSec <= tMax)) {
      out.push({ message: `${tName} of ${String(n.failTimeoutSec)} s is outside ${tMin}–${tMax} s`, node: i, field: 'server' });
    }
    if (!Number.isInteger(n.maxFails) || n.maxFails < 0 || n.maxFails > 0x7fffffff) {
      out.push({ message: `${nginx ? 'max_fails' : 'fall'} of ${String(n.maxFails)} is not a whole number from 0 to 2147483647`, node: i, field: 'server' });
    }
  }
  if (nginx && balancer.strategy === 'hash-cookie' && balancer.hashCookie.consistent && out.length === 0) {
    let total = 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as NodeSpec;
      if (n.backup) continue;
      total += n.weight;
      if (total > MAX_CHASH_TOTAL_WEIGHT) {
        out.push({
          message: `the simulator's "hash … consistent" ring takes server weights adding up to ${grouped(MAX_CHASH_TOTAL_WEIGHT)}; ` +
            `here they reach ${grouped(total)} (nginx allows more, but builds weight × 160 points at start-up: weight=100000 took it 18 s)`,
          node: i,
          field: 'weight',
        });
        break;
      }
    }
  }
  return out;
}

function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** {@link balancerProblems} as one sentence for an error message, or null when there are none. */
export function describeProblems(problems: readonly SettingsProblem[], nodes: readonly Readonly<NodeSpec>[]): string | null {
  if (problems.length === 0) return null;
  return problems.map((p) => (p.node === null || p.node >= nodes.length ? p.message : `${nodes[p.node]?.name ?? `server ${p.node + 1}`}: ${p.message}`)).join('; ');
}
