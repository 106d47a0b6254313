/**
 * nginx when backends fail: a stopped server (connection refused: retried on the next server for
 * any method), a server that dies after the request was sent (GET retried, POST 502), passive
 * health (max_fails / fail_timeout, the effective-weight penalty), all servers down (502 until a
 * fail_timeout has passed), and the backup group. Compared request by request, including the list
 * of servers tried (`$upstream_addr`).
 */
import type { NodeSpec } from '../../sim/types';
import { clientIps, scriptRng } from '../clients';
import { heldScript } from '../held';
import type { LbRequest } from '../lbPair';
import { balancer, withPair } from '../lbSetup';
import { fromTally, type FeatureResult } from '../report';
import { runTimeline } from '../timeline';
import { nginxPair } from './routing';

const SEED = 11;

function mixed(seed: number, postShare = 0.3): (i: number) => LbRequest {
  const ips = clientIps(seed, 40);
  const rng = scriptRng(seed, 'failure-methods');
  return (i) => ({ ip: ips[i % ips.length]!, method: rng.chance(postShare) ? 'POST' : 'GET' });
}

export async function stoppedServer(bin: string): Promise<FeatureResult> {
  const server = (): Partial<NodeSpec> => ({ maxFails: 1, failTimeoutSec: 1 });
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, server), async (pair) => {
    await runTimeline(pair, {
      durationMs: 4200, everyMs: 70, request: mixed(SEED),
      events: [{ atMs: 500, node: 'node-2', state: 'refused' }, { atMs: 2600, node: 'node-2', state: 'up' }],
    });
    return fromTally('round robin, a server stopped then restarted (connection refused; GET and POST retried on the next server; max_fails=1 fail_timeout=1s)',
      pair.tally, 'requests routed identically (status, answering node, servers tried)');
  });
}

export async function maxFailsWeights(bin: string): Promise<FeatureResult> {
  const w = [3, 1, 1];
  const server = (i: number): Partial<NodeSpec> => ({ weight: w[i - 1]!, maxFails: 3, failTimeoutSec: 2 });
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, server), async (pair) => {
    await runTimeline(pair, {
      durationMs: 5200, everyMs: 60, request: mixed(SEED + 1),
      events: [{ atMs: 300, node: 'node-1', state: 'refused' }, { atMs: 3000, node: 'node-1', state: 'up' }],
    });
    return fromTally(`round robin, weights ${w.join('/')}, max_fails=3 fail_timeout=2s, the heaviest server stopped then restarted`,
      pair.tally, 'requests routed identically');
  });
}

export async function diesAfterSend(bin: string): Promise<FeatureResult> {
  // max_fails=0: the failing server is never skipped, so every request that lands on it shows the retry rule.
  const server = (): Partial<NodeSpec> => ({ maxFails: 0 });
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, server), async (pair) => {
    await pair.set('node-2', 'dies');
    const req = mixed(SEED + 2, 0.5);
    for (let i = 0; i < 300; i++) await pair.request(req(i));
    return fromTally('round robin, a server that dies after the request is sent (GET retried on the next server, POST answered 502; max_fails=0)',
      pair.tally, 'requests identical');
  });
}

export async function allDown(bin: string): Promise<FeatureResult> {
  const server = (): Partial<NodeSpec> => ({ maxFails: 1, failTimeoutSec: 1 });
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, server), async (pair) => {
    await runTimeline(pair, {
      durationMs: 3300, everyMs: 80, request: mixed(SEED + 3),
      events: [
        { atMs: 200, node: 'node-1', state: 'refused' }, { atMs: 200, node: 'node-2', state: 'refused' },
        { atMs: 200, node: 'node-3', state: 'refused' }, { atMs: 1700, node: 'node-3', state: 'up' },
      ],
    });
    return fromTally('round robin, every server stopped (502, then "no live upstreams" until fail_timeout=1s passes), then one restarted',
      pair.tally, 'requests identical');
  });
}

export async function backupGroup(bin: string): Promise<FeatureResult> {
  const server = (i: number): Partial<NodeSpec> => ({ maxFails: 1, failTimeoutSec: 1, backup: i === 3, weight: i === 1 ? 2 : 1 });
  return withPair(nginxPair(bin, balancer('nginx', 'round-robin'), 3, server), async (pair) => {
    await runTimeline(pair, {
      durationMs: 3600, everyMs: 80, request: mixed(SEED + 4),
      events: [
        { atMs: 300, node: 'node-1', state: 'refused' }, { atMs: 900, node: 'node-2', state: 'refused' },
        { atMs: 2200, node: 'node-1', state: 'up' },
      ],
    });
    return fromTally('round robin with a backup server (weights 2/1 + backup), both primaries stopped then one restarted',
      pair.tally, 'requests routed identically');
  });
}

export async function ipHashStopped(bin: string): Promise<FeatureResult> {
  const server = (i: number): Partial<NodeSpec> => ({ maxFails: 1, failTimeoutSec: 1, weight: i });
  return withPair(nginxPair(bin, balancer('nginx', 'ip-hash'), 3, server), async (pair) => {
    await runTimeline(pair, {
      durationMs: 3600, everyMs: 25, request: mixed(SEED + 5),
      events: [{ atMs: 300, node: 'node-3', state: 'refused' }, { atMs: 2000, node: 'node-3', state: 'up' }],
    });
    return fromTally('ip_hash (weights 1/2/3), the heaviest server stopped then restarted (rehash, max_fails=1 fail_timeout=1s)',
      pair.tally, 'requests routed identically');
  });
}

export async function hashStopped(bin: string): Promise<FeatureResult> {
  const s = balancer('nginx', 'hash-cookie', { hashCookie: { name: 'laravel_session', consistent: true } });
  const ips = clientIps(SEED + 6, 30);
  const rng = scriptRng(SEED + 6, 'ids');
  const ids = Array.from({ length: 30 }, () => rng.alnum(40));
  return withPair(nginxPair(bin, s, 4, () => ({ maxFails: 1, failTimeoutSec: 1 })), async (pair) => {
    await runTimeline(pair, {
      durationMs: 3000, everyMs: 30,
      request: (i) => ({ ip: ips[i % 30]!, method: i % 4 === 0 ? 'POST' : 'GET', cookies: { laravel_session: ids[i % 30]! } }),
      events: [{ atMs: 300, node: 'node-2', state: 'refused' }, { atMs: 1800, node: 'node-2', state: 'up' }],
    });
    return fromTally('hash $cookie_laravel_session consistent, a server stopped then restarted (next point on the ring)',
      pair.tally, 'requests routed identically');
  });
}

export async function leastConnHeld(bin: string): Promise<FeatureResult> {
  const w = [3, 1, 2];
  return withPair(nginxPair(bin, balancer('nginx', 'least-conn'), 3, (i) => ({ weight: w[i - 1]! })), async (pair) => {
    await heldScript(pair, SEED + 7, 400, 12);
    return fromTally(`least_conn (weights ${w.join('/')}) with up to 12 requests held open, released in random order`,
      pair.tally, 'picks identical');
  });
}
