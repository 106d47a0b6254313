/**
 * Faults an instructor triggers or a scenario schedules, and the event feed that reports
 * them: node crash/restart/replace/drain/partition, Redis down/up/failover/latency/black hole.
 * Whether a fault applies is the node's or Redis's machine's decision (`can`); this file
 * sends the event, reports the machine's reason when it refuses, and schedules what follows.
 */
import { REPLACE_BOOT_MS, RESTART_BOOT_MS } from './cluster/appNode';
import { deployNodeUp, nodeDrained, startDeploy } from './cluster/deploy';
import { SENTINEL_DOWN_AFTER_MS, SENTINEL_FAILOVER_MS } from './cluster/sessionRedis';
import { cacheClearProblem } from './cluster/cacheTraffic';
import { databaseFault, staysOnDeadPrimary } from './cluster/clientFaults';
import { feed } from './feed';
import { PROXY_TIMEOUT_MS } from './flow';
import { blackholeWords } from './redis/clientModel';
import type { Cause, Initiator } from './machines/cause';
import { nodeRefusal } from './machines/nodeMachine';
import { redisRefusal, type RedisEvent } from './machines/redisMachine';
import type { AppNode } from './cluster/appNode';
import type { FaultAction } from './types';
import type { World } from './world';

/** How long after a node failure the feed reports how many of its users were served elsewhere. */
export const REROUTE_REPORT_MS = 15_000;

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
  // With one node there is nowhere to re-route to: "0 users re-routed to other nodes" would be a riddle.
  if (w.nodes.size === 1) feed(w, 'info', `${node} is the only node: its users had nowhere else to go`);
  else feed(w, 'info', `${n} user${n === 1 ? '' : 's'} re-routed from ${node} to other nodes`);
}

/**
 * Apply a fault now. Returns an error message if it does not apply (unknown node, or the
 * node's or Redis's machine refuses it in its current state). `by` is who asked, for the
 * machines' last-transition cause.
 */
export function applyFault(w: World, action: FaultAction, by: Initiator = 'you'): string | null {
  const cause = { at: w.now, by };
  switch (action.kind) {
    case 'redis-down':
    case 'redis-up':
      return redisUpDown(w, action.kind === 'redis-down', cause);
    case 'redis-failover':
      return redisFailover(w, cause);
    case 'redis-latency': {
      if (!w.redis) return NO_REDIS;
      w.redisActor.send({ type: 'LATENCY', ms: action.ms, ...cause });
      feed(w, action.ms > 0 ? 'fault' : 'recovery', action.ms > 0 ? `Redis is slow: every command takes ${action.ms} ms longer` : 'Redis latency back to normal');
      return null;
    }
    case 'redis-blackhole': {
      const refused = sendRedis(w, { type: 'BLACKHOLE', ...cause });
      if (refused) return refused;
      feed(w, 'fault', `Redis is black-holed: packets are dropped, calls hang — ${blackholeWords(w.settings.redis, PROXY_TIMEOUT_MS)}`);
      return null;
    }
    case 'deploy':
      return startDeploy(w);
    case 'cache-clear': {
      const problem = cacheClearProblem(w);
      if (!problem) w.queue.push({ kind: 'cache-clear', t: w.now, seq: 0 });
      return problem;
    }
    case 'db-down':
    case 'db-up':
      return databaseFault(w, action.kind === 'db-down');
    default:
      return nodeFault(w, action, cause);
  }
}

const NO_REDIS = 'Redis is not part of this cluster (the session driver is not redis)';

/** Send an event to the Redis machine if it accepts it; otherwise its reason (nothing changes). */
function sendRedis(w: World, event: RedisEvent): string | null {
  if (!w.redis) return NO_REDIS;
  const refused = redisRefusal(w.redisActor.getSnapshot(), event);
  if (refused) return refused;
  w.redisActor.send(event);
  return null;
}

function redisUpDown(w: World, down: boolean, cause: Cause): string | null {
  const refused = sendRedis(w, { type: down ? 'DOWN' : 'UP', ...cause });
  if (refused) return refused;
  feed(w, down ? 'fault' : 'recovery', down ? 'Redis went down: connection refused' : 'Redis is back up');
  return null;
}

/** The primary dies; Sentinel notices after down-after-milliseconds and promotes the replica. */
function redisFailover(w: World, cause: Cause): string | null {
  if (!w.redis) return NO_REDIS;
  if (!w.replica) return 'no replica: run with Sentinel (--sentinel) to fail over';
  const refused = sendRedis(w, { type: 'FAILOVER', ...cause });
  if (refused) return refused;
  // The primary is dead: writes it acknowledged but had not yet sent to the replica are gone.
  const lost = w.pendingReplication;
  w.replicationStream++;
  w.pendingReplication = 0;
  w.queue.push({ kind: 'promote', t: w.now + SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_MS, seq: 0, lost });
  feed(w, 'fault', `Redis primary died; Sentinel will promote the replica after down-after-milliseconds (${SENTINEL_DOWN_AFTER_MS / 1000} s)`);
  return null;
}

/** Sentinel promotes the replica: writes still in the replication lag are lost. */
export function promoteReplica(w: World, lost: number): void {
  const replica = w.replica;
  if (!replica) return;
  if (staysOnDeadPrimary(w, lost)) return;
  const wasShared = w.cacheRedis === w.redis;
  w.redis = replica;
  if (wasShared) w.cacheRedis = replica;
  w.replica = null;
  w.redisActor.send({ type: 'PROMOTED', at: w.now, by: 'engine' });
  feed(w, 'recovery', `Sentinel promoted the replica to primary; ${lost} write${lost === 1 ? '' : 's'} not yet replicated were lost`);
}

const NODE_EVENT = { crash: 'CRASH', drain: 'DRAIN', partition: 'PARTITION', heal: 'HEAL', restart: 'RESTART', replace: 'REPLACE' } as const;
/** What a node's menu offers: its machine's events, and nginx's `drain` (the upstream's, not the process's). */
export type NodeFaultKind = keyof typeof NODE_EVENT | 'nginx-drain';
export const NODE_FAULTS = [...Object.keys(NODE_EVENT), 'nginx-drain'] as NodeFaultKind[];

/** Why `node`'s machine would refuse this fault now (null: it would apply it). Changes nothing. */
export function nodeFaultRefusal(node: AppNode, kind: NodeFaultKind): string | null {
  if (kind === 'nginx-drain') return nginxDrainRefusal(node);
  return nodeRefusal(node.snapshot, { type: NODE_EVENT[kind], at: 0, by: 'you' });
}

/** nginx's `drain` parameter marks a live server in the upstream; the node's process does not change. */
function nginxDrainRefusal(node: AppNode): string | null {
  return node.state === 'up' ? null : `${node.name} is ${node.state}: only a node that is up can be drained`;
}

function nodeFault(w: World, action: Extract<FaultAction, { node: string }>, cause: Cause): string | null {
  const node = w.nodes.get(action.node);
  if (!node) return `no node named ${action.node}`;
  if (action.kind === 'nginx-drain') {
    const refusedDrain = nginxDrainRefusal(node);
    if (refusedDrain) return refusedDrain;
    if (w.settings.balancer.flavor !== 'nginx') return 'drain is an nginx server parameter (HAProxy: set the server to DRAIN on the admin socket)';
    w.upstream.setDrain(node.name, true);
    feed(w, 'info', `${node.name} set to drain in the nginx upstream: users bound to it by the sticky cookie stay, new users go to the other servers`);
    return null;
  }
  const was = node.state;
  const refused = node.send({ type: NODE_EVENT[action.kind], ...cause });
  if (refused) return refused;
  switch (action.kind) {
    case 'crash':
      feed(w, 'fault', `${node.name} crashed`);
      watchReroutes(w, node.name);
      return null;
    case 'drain':
      w.upstream.setDown(node.name, true);
      feed(w, 'info', `${node.name} draining: marked down in the upstream, finishing ${node.inFlight} request(s)`);
      watchReroutes(w, node.name);
      if (node.inFlight === 0) nodeDrained(w, node);
      return null;
    case 'partition':
    case 'heal': {
      const cut = action.kind === 'partition';
      feed(w, cut ? 'fault' : 'recovery', cut ? `${node.name} is cut off from Redis: its Redis calls hang` : `${node.name} can reach Redis again`);
      return null;
    }
    case 'restart':
    case 'replace': {
      const replace = action.kind === 'replace';
      w.queue.push({ kind: 'booted', t: w.now + (replace ? REPLACE_BOOT_MS : RESTART_BOOT_MS), seq: 0, node: node.name, epoch: node.epoch });
      feed(w, replace ? 'fault' : 'info', replace
        ? `${node.name} replaced by a new instance: its disk (and any session files) is gone; booting`
        : `${node.name} restarting (its disk is kept)`);
      if (was === 'up' || was === 'draining') watchReroutes(w, node.name);
      return null;
    }
  }
}

/** A booting node finished booting, unless the machine refuses (restarted or crashed again meanwhile). */
export function booted(w: World, name: string, epoch: number): void {
  const node = w.nodes.get(name);
  if (!node || node.send({ type: 'BOOTED', epoch, at: w.now, by: 'engine' })) return;
  w.upstream.setDown(name, node.spec.down);
  w.upstream.setDrain(name, node.spec.drain ?? false);
  feed(w, 'recovery', `${name} is up`);
  deployNodeUp(w, name);
}
