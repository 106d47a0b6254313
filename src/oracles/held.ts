/**
 * least_conn / leastconn with connections held open: a seeded script opens requests that the
 * backends hold and releases them in random order. Each open waits until the backend has the
 * request, each release until the client has the answer, so both balancers see the same
 * in-flight counts at every decision: the deterministic case of a least-connections balancer.
 */
import type { Route } from '../sim/balancer';
import { outcomeDiff, type Outcome } from './compare';
import { send } from './http';
import type { LbPair } from './lbPair';
import { scriptRng } from './clients';

interface Held {
  id: string;
  node: string;
  route: Route;
  answer: Promise<unknown>;
}

/** Run `steps` open/release operations; keeps at most `maxOpen` requests in flight. */
export async function heldScript(pair: LbPair, seed: number, steps: number, maxOpen: number): Promise<void> {
  const rng = scriptRng(seed, 'held');
  const open: Held[] = [];
  for (let step = 0; step < steps; step++) {
    const release = open.length > 0 && (open.length >= maxOpen || rng.chance(0.45));
    if (release) {
      const h = open.splice(rng.int(open.length), 1)[0]!;
      pair.backends.find((b) => b.name === h.node)!.release(h.id);
      await h.answer;
      h.route.done(Date.now(), true);
      continue;
    }
    const id = `r${step}`;
    const now = Date.now();
    const route = pair.up.route({ ip: '192.0.2.10', method: 'GET', cookie: () => undefined }, now);
    const peer = route.next(now);
    const sim: Outcome = { status: peer === null ? pair.up.noPeerStatus : 200, node: peer?.name ?? null, tried: null };
    const answer = send({ port: pair.port, method: 'GET', path: `/hold/${id}`, ip: '192.0.2.10' });
    // Which backend got it? Wait until one of them holds the request.
    const node = await Promise.race(pair.backends.map((b) => b.whenHeld(id).then(() => b.name)));
    const real: Outcome = { status: 200, node, tried: null };
    pair.tally.add(outcomeDiff(sim, real), `step ${step} (${open.length} open)`);
    if (peer === null) continue;
    // Released where the real request is held; after a disagreement the two states differ and later steps show it.
    open.push({ id, node, route, answer });
  }
  for (const h of open) {
    pair.backends.find((b) => b.name === h.node)!.release(h.id);
    await h.answer;
    h.route.done(Date.now(), true);
  }
}
