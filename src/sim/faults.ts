/**
 * Faults an instructor triggers or a scenario schedules, and the event feed that reports
 * them: node crash/restart/replace/drain, Redis down/up.
 */
import type { FaultAction } from './types';
import type { FeedItem, World } from './world';

/** Boot times, virtual ms: a PHP-FPM restart is quick; a replacement instance must be provisioned. */
export const RESTART_BOOT_MS = 5_000;
export const REPLACE_BOOT_MS = 15_000;
/** How long after a node failure the feed reports how many of its users were served elsewhere. */
export const REROUTE_REPORT_MS = 15_000;

export function feed(w: World, kind: FeedItem['kind'], text: string): void {
  const item: FeedItem = { t: w.now, kind, text };
  w.feed.push(item);
  if (w.feed.length > 500) w.feed.shift();
  w.listeners.onFeed?.(item);
}

/** Start counting which of a node's recent users get answered elsewhere. */
function watchReroutes(w: World, node: string): void {
  const users = new Set<number>();
  for (const u of w.users) if (u.active && u.lastNode === node) users.add(u.id);
  const watch = { users, rerouted: 0 };
  w.watches.set(node, watch);
  w.queue.push({ kind: 'reroute-report', t: w.now + REROUTE_REPORT_MS, seq: 0, node, watch });
}

export function reportReroutes(w: World, node: string, watch: { users: Set<number>; rerouted: number }): void {
  if (w.watches.get(node) === watch) w.watches.delete(node);
  const n = watch.rerouted;
  feed(w, 'info', `${n} user${n === 1 ? '' : 's'} re-routed from ${node} to other nodes`);
}

/** Apply a fault now. Returns an error message if it does not apply (unknown node, wrong state). */
export function applyFault(w: World, action: FaultAction): string | null {
  if (action.kind === 'redis-down' || action.kind === 'redis-up') {
    if (!w.redis) return 'Redis is not part of this cluster (the session driver is not redis)';
    const down = action.kind === 'redis-down';
    w.redisActor.send({ type: down ? 'DOWN' : 'UP' });
    if (down) w.redis.down();
    else w.redis.up();
    feed(w, down ? 'fault' : 'recovery', down ? 'Redis went down: connection refused' : 'Redis is back up');
    return null;
  }
  const node = w.nodes.get(action.node);
  if (!node) return `no node named ${action.node}`;
  const state = node.state;
  switch (action.kind) {
    case 'crash':
      if (state === 'down') return `${node.name} is already down`;
      node.send({ type: 'CRASH' });
      feed(w, 'fault', `${node.name} crashed`);
      watchReroutes(w, node.name);
      return null;
    case 'drain':
      if (state !== 'up') return `${node.name} is ${state}: only a node that is up can be drained`;
      node.send({ type: 'DRAIN' });
      w.upstream.setDown(node.name, true);
      if (node.inFlight === 0) node.send({ type: 'DRAINED' });
      feed(w, 'info', `${node.name} draining: marked down in the upstream, finishing ${node.inFlight} request(s)`);
      watchReroutes(w, node.name);
      return null;
    case 'restart':
    case 'replace': {
      const replace = action.kind === 'replace';
      node.send({ type: replace ? 'REPLACE' : 'RESTART' });
      w.queue.push({ kind: 'booted', t: w.now + (replace ? REPLACE_BOOT_MS : RESTART_BOOT_MS), seq: 0, node: node.name, epoch: node.epoch });
      feed(w, replace ? 'fault' : 'info', replace
        ? `${node.name} replaced by a new instance: its disk (and any session files) is gone; booting`
        : `${node.name} restarting (its disk is kept)`);
      if (state === 'up' || state === 'draining') watchReroutes(w, node.name);
      return null;
    }
  }
}

/** A booting node finished booting (unless it was restarted or crashed again meanwhile). */
export function booted(w: World, name: string, epoch: number): void {
  const node = w.nodes.get(name);
  if (!node || node.epoch !== epoch || node.state !== 'booting') return;
  node.send({ type: 'BOOTED' });
  w.upstream.setDown(name, node.spec.down);
  feed(w, 'recovery', `${name} is up`);
}
