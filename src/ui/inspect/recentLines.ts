/**
 * A user's recent requests as the inspector lists them, newest first, with a line wherever
 * the address the requests came from changed (a phone that moved to another network: under
 * ip_hash the cause of a logout that the requests alone do not show).
 */
import type { TraceRecord } from '../../sim/types';

export type RecentLine =
  | { kind: 'request'; record: TraceRecord }
  | { kind: 'address'; t: number; from: string; to: string };

/** `recent` is oldest first (as the runner keeps it); the lines come newest first. */
export function recentLines(recent: readonly TraceRecord[]): RecentLine[] {
  const out: RecentLine[] = [];
  for (let i = 0; i < recent.length; i++) {
    const r = recent[i]!;
    const before = recent[i - 1];
    if (before !== undefined && before.ip !== r.ip) out.push({ kind: 'address', t: r.t, from: before.ip, to: r.ip });
    out.push({ kind: 'request', record: r });
  }
  return out.reverse();
}
