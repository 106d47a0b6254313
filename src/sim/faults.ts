/**
 * Faults an instructor triggers or a scenario schedules, and the event feed that reports
 * them: node crash/restart/replace/drain, Redis down/up.
 */
import { REPLACE_BOOT_MS, RESTART_BOOT_MS } from './cluster/appNode';
import { deployNodeUp, nodeDrained, startDeploy } from './cluster/deploy';
import { SENTINEL_DOWN_AFTER_MS, SENTINEL_FAILOVER_MS } from './cluster/sessionRedis';
import { cacheClearProblem } from './cluster/cacheTraffic';
import { databaseFault, staysOnDeadPrimary } from './cluster/clientFaults';
import { feed } from './feed';
import { PROXY_TIMEOUT_MS } from './flow';
import { blackholeWords } from './redis/clientModel';
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
  feed(w, 'info', `${n} user${n === 1 ? '' : 's'} re-routed from ${node} to other nodes`);
}

/** Apply a fault now. Returns an error message if it does not apply (unknown node, wrong state). */
export function applyFault(w: World, action: FaultAction): string | null {
  switch (action.kind) {
    case 'redis-down':
    case 'redis-up':
      return redisUpDown(w, action.kind === 'redis-down');
    case 'redis-failover':
      return redisFailover(w);
    case 'redis-latency': {
      if (!w.redis) return NO_REDIS;
      for (const r of redisInstances(w)) r.setLatency(action.ms);
      feed(w, action.ms > 0 ? 'fault' : 'recovery', action.ms > 0 ? `Redis is slow: every command takes ${action.ms} ms longer` : 'Redis latency back to normal');
      return null;
    }
    case 'redis-blackhole': {
      if (!w.redis) return NO_REDIS;
      w.redis.blackhole = true;
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
      return nodeFault(w, action);
  }
}

const NO_REDIS = 'Redis is not part of this cluster (the session driver is not redis)';

function redisInstances(w: World) {
  return [w.redis, w.cacheRedis, w.replica].filter((r, i, all) => r && all.indexOf(r) === i).map((r) => r!);
}

function redisUpDown(w: World, down: boolean): string | null {
  if (!w.redis) return NO_REDIS;
  if (!down && w.redisActor.getSnapshot().value === 'failingOver') return 'Sentinel is failing over; the replica will be promoted';
  w.redisActor.send({ type: down ? 'DOWN' : 'UP' });
  if (down) w.redis.down();
  else {
    w.redis.up();
    w.redis.blackhole = false;
  }
  feed(w, down ? 'fault' : 'recovery', down ? 'Redis went down: connection refused' : 'Redis is back up');
  return null;
}

/** The primary dies; Sentinel notices after down-after-milliseconds and promotes the replica. */
function redisFailover(w: World): string | null {
  if (!w.redis) return NO_REDIS;
  if (!w.replica) return 'no replica: run with Sentinel (--sentinel) to fail over';
  if (w.redisActor.getSnapshot().value !== 'up') return 'the primary is not up';
  w.redisActor.send({ type: 'FAILOVER' });
  w.redis.down();
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
  w.redisActor.send({ type: 'PROMOTED' });
  feed(w, 'recovery', `Sentinel promoted the replica to primary; ${lost} write${lost === 1 ? '' : 's'} not yet replicated were lost`);
}

function nodeFault(w: World, action: Extract<FaultAction, { node: string }>): string | null {
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
      feed(w, 'info', `${node.name} draining: marked down in the upstream, finishing ${node.inFlight} request(s)`);
      watchReroutes(w, node.name);
      if (node.inFlight === 0) nodeDrained(w, node);
      return null;
    case 'nginx-drain':
      if (state !== 'up') return `${node.name} is ${state}: only a node that is up can be drained`;
      if (w.settings.balancer.flavor !== 'nginx') return 'drain is an nginx server parameter (HAProxy: set the server to DRAIN on the admin socket)';
      w.upstream.setDrain(node.name, true);
      feed(w, 'info', `${node.name} set to drain in the nginx upstream: users bound to it by the sticky cookie stay, new users go to the other servers`);
      return null;
    case 'partition':
    case 'heal': {
      const cut = action.kind === 'partition';
      if (node.partitioned === cut) return `${node.name} is already ${cut ? 'cut off from' : 'connected to'} Redis`;
      node.partitioned = cut;
      feed(w, cut ? 'fault' : 'recovery', cut ? `${node.name} is cut off from Redis: its Redis calls hang` : `${node.name} can reach Redis again`);
      return null;
    }
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
  w.upstream.setDrain(name, node.spec.drain ?? false);
  feed(w, 'recovery', `${name} is up`);
  deployNodeUp(w, name);
}
