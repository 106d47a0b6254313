/**
 * What the node and Redis cards say about the failure lab's faults, in words (never colour
 * alone): a partitioned node, a rolling deploy's progress, a slow, black-holed or failing-over
 * Redis. Pure functions of the view, so the wording is unit-tested.
 */
import type { NodeView, RedisView } from '../state/view';

/** The faults a node's popover offers. */
export type NodeFaultKind = 'crash' | 'restart' | 'replace' | 'drain' | 'nginx-drain' | 'partition' | 'heal';

export interface StateWord {
  word: string;
  icon: string;
  /** CSS class for the card and badge. */
  cls: 'up' | 'down' | 'failover' | 'hole' | 'slow';
}

/** The badge of a Redis card: the worst thing that is true of it. */
export function redisStateWord(r: Pick<RedisView, 'state' | 'up' | 'blackhole' | 'latencyMs'>): StateWord {
  if (r.state === 'failingOver') return { word: 'failing over', icon: '↻', cls: 'failover' };
  if (!r.up) return { word: 'down', icon: '✕', cls: 'down' };
  if (r.blackhole) return { word: 'black hole', icon: '∅', cls: 'hole' };
  if (r.latencyMs > 0) return { word: 'slow', icon: '◷', cls: 'slow' };
  return { word: 'up', icon: '●', cls: 'up' };
}

/** Seconds until Sentinel promotes the replica, rounded up (0 once due). */
export function secondsUntil(atMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((atMs - nowMs) / 1000));
}

/** The lines a Redis card adds under its title while a fault lasts. */
export function redisNotes(r: Pick<RedisView, 'state' | 'blackhole' | 'latencyMs' | 'promoteAt'>, nowMs: number): string[] {
  const out: string[] = [];
  if (r.state === 'failingOver') {
    out.push(r.promoteAt === null
      ? 'failing over — Sentinel promotes the replica'
      : `failing over — Sentinel promotes the replica in ${secondsUntil(r.promoteAt, nowMs)} s`);
  }
  if (r.blackhole) out.push('black hole: calls hang (504 after 60 s)');
  if (r.latencyMs > 0) out.push(`+${r.latencyMs} ms on every command`);
  return out;
}

/**
 * The one note a node card has room for, most important first: cut off from Redis, its part
 * in a deploy, then what nginx thinks of it.
 */
export function nodeNote(n: Pick<NodeView, 'state' | 'skipped' | 'partitioned' | 'deploy'>): string {
  if (n.partitioned) return 'cut off from Redis';
  if (n.deploy === 'current') return n.state === 'draining' ? 'deploy: draining' : 'deploy: new release';
  if (n.deploy === 'pending') return 'deploy: waiting';
  if (n.state === 'down' && !n.skipped) return 'nginx has not noticed yet';
  if (n.skipped && n.state !== 'draining') return 'nginx skips it (max_fails)';
  if (n.skipped) return 'marked down in upstream';
  return '';
}

/** Memory for a narrow card: 840B, 966K, 1.9M, 2M (binary units, like INFO's *_human). */
export function memoryShort(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)}K`;
  return `${Number((n / 1024 / 1024).toFixed(1))}M`;
}
