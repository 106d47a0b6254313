/**
 * A rolling deploy: each node in upstream order is drained (marked down, in-flight requests
 * finish), replaced by an instance of the new release (a fresh disk), booted, and put back,
 * before the next one starts. File sessions on replaced nodes vanish; sticky users are
 * re-bound; with Redis nobody notices.
 */
import type { AppNode } from './appNode';
import { feed } from '../feed';
import { REPLACE_BOOT_MS } from './appNode';
import type { World } from '../world';

export function startDeploy(w: World): string | null {
  if (w.deploy) return 'a deploy is already rolling';
  const order = [...w.nodes.values()].filter((n) => n.state === 'up').map((n) => n.name);
  if (order.length === 0) return 'no node is up to deploy to';
  w.deploy = { pending: order, current: null, replaced: 0 };
  feed(w, 'info', `deploy started: ${order.length} node${order.length === 1 ? '' : 's'} in turn (drain → replace → boot)`);
  nextNode(w);
  return null;
}

function nextNode(w: World): void {
  const d = w.deploy!;
  const name = d.pending.shift();
  if (name === undefined) {
    feed(w, 'recovery', `deploy finished: ${d.replaced} node${d.replaced === 1 ? '' : 's'} on the new release`);
    w.deploy = null;
    return;
  }
  const node = w.nodes.get(name);
  if (!node || node.state !== 'up') return nextNode(w);
  d.current = name;
  node.send({ type: 'DRAIN', at: w.now, by: 'deploy' });
  w.upstream.setDown(name, true);
  feed(w, 'info', `deploy: draining ${name} (${node.inFlight} request${node.inFlight === 1 ? '' : 's'} in flight)`);
  if (node.inFlight === 0) nodeDrained(w, node);
}

/** A draining node finished its last request. */
export function nodeDrained(w: World, node: AppNode): void {
  if (node.send({ type: 'DRAINED', at: w.now, by: 'engine' })) return;
  if (w.deploy?.current !== node.name) return;
  node.send({ type: 'REPLACE', at: w.now, by: 'deploy' });
  w.queue.push({ kind: 'booted', t: w.now + REPLACE_BOOT_MS, seq: 0, node: node.name, epoch: node.epoch });
  feed(w, 'fault', `deploy: ${node.name} replaced by the new release — its disk (and session files) is new`);
}

/** A node finished booting: if the deploy was waiting for it, go on with the next one. */
export function deployNodeUp(w: World, name: string): void {
  if (w.deploy?.current !== name) return;
  w.deploy.replaced++;
  w.deploy.current = null;
  nextNode(w);
}
