/**
 * HAProxy when servers fail: connection retries (`retries 3`) and `option redispatch`, a
 * server that dies after the request was sent, no server left (503), and active health checks
 * (`check inter … fall … rise …`) with `balance source` remapping once a server is DOWN.
 */
import type { NodeSpec } from '../../sim/types';
import { HAPROXY_CHECK } from '../../sim/balancer';
import { clientIps, scriptRng } from '../clients';
import { Tally } from '../compare';
import type { LbPair, LbRequest } from '../lbPair';
import { balancer, withPair } from '../lbSetup';
import { sleep } from '../proc';
import { fromTally, type FeatureResult } from '../report';
import { haproxyPair, hapServer } from './routing';
import { serverStats, type RunningHaproxy } from './server';

const SEED = 31;

function mixed(seed: number, n = 40): (i: number) => LbRequest {
  const ips = clientIps(seed, n, 0);
  const rng = scriptRng(seed, 'hap-failure');
  return (i) => ({ ip: ips[i % ips.length]!, method: rng.chance(0.3) ? 'POST' : 'GET' });
}

/** Servers stopped without health checks: every refused connection is retried (and redispatched). */
export async function retries(bin: string): Promise<FeatureResult> {
  const s = balancer('haproxy', 'cookie', { redispatch: true });
  const server = (i: number): Partial<NodeSpec> => hapServer({ cookieValue: `s${i}` });
  return withPair(haproxyPair(bin, s, 3, server), async (pair) => {
    const ips = clientIps(SEED, 12, 0);
    const rng = scriptRng(SEED, 'retries');
    const req = (): LbRequest => {
      const c = rng.int(ips.length);
      return { ip: ips[c]!, method: rng.chance(0.3) ? 'POST' : 'GET', client: c };
    };
    for (let i = 0; i < 40; i++) await pair.request(req());
    await pair.set('node-2', 'refused');
    // New clients: redispatched at once; clients bound to node-2: 3 retries on it, then the last one redispatched.
    for (let i = 0; i < 40; i++) await pair.request(req());
    await pair.set('node-2', 'up');
    await pair.set('node-3', 'refused');
    for (let i = 0; i < 30; i++) await pair.request(req());
    await pair.set('node-1', 'refused');
    await pair.set('node-2', 'refused');
    for (let i = 0; i < 6; i++) await pair.request(req()); // nothing answers: 503 once the retries are used up
    return fromTally('HAProxy retries 3 + option redispatch, servers stopped without health checks (cookie-bound clients retry their server, then redispatch; none left: 503)',
      pair.tally, 'requests identical (server, status, Set-Cookie)');
  });
}

/** A server that drops the connection after reading the request. */
export async function diesAfterSend(bin: string): Promise<FeatureResult> {
  const s = balancer('haproxy', 'round-robin', { redispatch: true });
  return withPair(haproxyPair(bin, s, 3, () => hapServer()), async (pair) => {
    await pair.set('node-2', 'dies');
    const req = mixed(SEED + 1);
    for (let i = 0; i < 120; i++) await pair.request(req(i));
    return fromTally('HAProxy, a server that dies after the request is sent (roundrobin, option redispatch)', pair.tally, 'requests identical');
  });
}

/** Poll `show stat` until `pred` holds for the server's row (or time out). */
async function waitStat(h: RunningHaproxy, name: string, pred: (row: Record<string, string>) => boolean, timeoutMs: number): Promise<Record<string, string>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const row = (await serverStats(h)).get(name)!;
    if (pred(row) || Date.now() > end) return row;
    await sleep(10);
  }
}

/**
 * Health checks (`check inter 250ms`, fall 3, rise 2): a stopped server, then restarted. Every
 * check HAProxy runs (its `chkfail` counter, its `UP n/3` / `DOWN n/2` status) is fed to the
 * simulator as one `healthCheck` result, and the resulting state (UP / going down / DOWN /
 * going up) is compared after each; `balance source` routing is compared while DOWN and after.
 */
export async function healthChecks(bin: string): Promise<FeatureResult> {
  const interSec = 0.25;
  const fall = 3;
  const s = balancer('haproxy', 'ip-hash', { redispatch: false });
  let h: RunningHaproxy | null = null;
  const server = (): Partial<NodeSpec> => hapServer({ maxFails: fall, failTimeoutSec: interSec });
  return withPair({ ...haproxyPair(bin, s, 4, server, (x) => { h = x; }), stoppedAtStart: ['node-4'] }, async (pair) => {
    const tally = new Tally();
    const hap = h!;
    // node-4 is stopped before HAProxy starts: a fresh server sits at health = rise, so its very first failed check takes it DOWN.
    const first = await waitStat(hap, 'node-4', (r) => Number(r.chkfail) > 0, 5000);
    pair.up.healthCheck('node-4', false, Date.now());
    tally.add(first.status === 'DOWN' && pair.up.peers().find((p) => p.name === 'node-4')!.unavailable ? null
      : `sim ${simStateOf(pair, 'node-4')} real ${first.status ?? '?'}`, 'a server stopped from the start, after its first failed check');
    const simState = (name: string): string => simStateOf(pair, name);
    const realState = (row: Record<string, string>): string => (row.status ?? '').startsWith('DOWN') ? 'DOWN' : 'UP';
    const step = (sim: string, real: string, label: string): void => tally.add(sim === real ? null : `sim ${sim} real ${real}`, label);
    // Let a few successful checks run first (health climbs from rise to rise+fall-1).
    await sleep(6 * interSec * 1000);
    for (let k = 0; k < HAPROXY_CHECK.fall; k++) pair.up.healthCheck('node-2', true, Date.now());
    const routes = stream(SEED + 2);
    await compareRoutes(pair, routes, 'all up', tally);
    await pair.set('node-2', 'refused');
    let seenFails = Number((await serverStats(hap)).get('node-2')!.chkfail);
    for (let k = 1; k <= fall; k++) {
      const row = await waitStat(hap, 'node-2', (r) => Number(r.chkfail) > seenFails, 5000);
      seenFails = Number(row.chkfail);
      pair.up.healthCheck('node-2', false, Date.now());
      step(simState('node-2'), realState(row), `failed check ${k} (${row.status})`);
    }
    await compareRoutes(pair, routes, 'node-2 DOWN (the map is rebuilt over the running servers)', tally);
    await pair.set('node-2', 'up');
    let status = (await serverStats(hap)).get('node-2')!.status!;
    for (let k = 1; k <= 2; k++) {
      const row = await waitStat(hap, 'node-2', (r) => r.status !== status, 5000);
      status = row.status!;
      pair.up.healthCheck('node-2', true, Date.now());
      step(simState('node-2'), realState(row), `good check ${k} (${row.status})`);
    }
    await compareRoutes(pair, routes, 'node-2 back UP', tally);
    return fromTally(`HAProxy check inter ${interSec * 1000}ms fall ${fall} rise 2 with balance source: a server stopped from the start, another stopped then restarted`,
      tally, 'comparisons identical (state after each check; routing while DOWN and after)');
  });
}

function simStateOf(pair: LbPair, name: string): string {
  return pair.up.peers().find((x) => x.name === name)!.unavailable ? 'DOWN' : 'UP';
}

function stream(seed: number): LbRequest[] {
  return clientIps(seed, 300, 0).map((ip) => ({ ip, method: 'GET' as const }));
}

async function compareRoutes(pair: LbPair, reqs: LbRequest[], label: string, tally: Tally): Promise<void> {
  const before = pair.tally.total - pair.tally.same;
  const n = pair.tally.total;
  for (const r of reqs) await pair.request(r);
  const bad = pair.tally.total - pair.tally.same - before;
  tally.add(bad === 0 ? null : `${bad}/${pair.tally.total - n} requests routed differently (${pair.tally.examples.slice(-1)[0] ?? ''})`, label);
}
