/**
 * The human-readable summary `npm run sim` prints.
 */
import type { CompareRow } from '../sim/compare';
import { OUTCOME_INFO } from '../sim/outcomes';
import type { Summary } from '../sim/summary';
import type { SimSettings } from '../sim/types';
import { lotteryOf } from '../sim/settings';

const pct = (n: number, of: number): string => (of === 0 ? '0.0%' : `${((100 * n) / of).toFixed(1)}%`);

export function formatReport(s: SimSettings, sum: Summary): string {
  const lines: string[] = [];
  const nodes = s.nodes.length;
  lines.push(`Session Cluster Lab — ${nodes} node${nodes === 1 ? '' : 's'}, SESSION_DRIVER=${s.session.driver}, balancer ${s.balancer.strategy}, ${s.users} ${s.clients} users, seed ${s.seed}`);
  lines.push(`${sum.durationSec} virtual seconds, ${sum.requests} requests, p95 response ${sum.latencyMs.p95} ms`);
  lines.push('');
  lines.push('outcome           requests   share');
  for (const [k, v] of Object.entries(sum.outcomes)) {
    if (v > 0 || k === 'logged_out') lines.push(`${k.padEnd(16)}  ${String(v).padStart(8)}  ${pct(v, sum.requests).padStart(6)}`);
  }
  lines.push('');
  lines.push(`logouts: ${sum.logouts} (the logged_out outcome) — ${OUTCOME_INFO.logged_out.description}`);
  lines.push(`statuses: ${Object.entries(sum.statuses).map(([k, v]) => `${k}×${v}`).join('  ')}`);
  lines.push(`per node: ${Object.entries(sum.perNode).map(([k, v]) => `${k} ${v} (${pct(v, sum.requests)})`).join('  ')}`);
  if (sum.redis) {
    const r = sum.redis;
    lines.push(`redis: ${r.commands} commands, ${r.keys} keys, expired_keys ${r.expiredKeys}, evicted_keys ${r.evictedKeys}, connected_clients ${r.connectedClients}`);
  }
  if (sum.sessionsTable) {
    const t = sum.sessionsTable;
    const odds = lotteryOf(s.session);
    lines.push(`sessions table: ${t.rows} rows, ${t.expired} of them expired (${odds === 0 ? 'the lottery is off: nothing deletes them' : `gc() runs on ${odds} requests in 100`})`);
  }
  if (s.events.length) lines.push(`events: ${s.events.map((e) => `${e.atSec}s ${'node' in e.action ? `${e.action.kind}:${e.action.node}` : e.action.kind}`).join(', ')}`);
  return lines.join('\n');
}

/** The seed lesson's table, with measured numbers. */
export function formatCompare(s: SimSettings, rows: readonly CompareRow[]): string {
  const head = ['set-up', 'requests', 'logouts', '419s', '5xx', 'lost upd.', 'redis cmds', 'p95 ms', 'imbalance'];
  const body = rows.map((r) => [r.label, r.requests, r.logouts, r.csrfMismatches, r.serverErrors, r.lostUpdates, r.redisCommands, r.p95Ms, r.imbalance.toFixed(2)].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const events = s.events.length ? `, events: ${s.events.map((e) => `${e.atSec}s ${'node' in e.action ? `${e.action.kind}:${e.action.node}` : e.action.kind}`).join(', ')}` : '';
  return [
    `Same traffic through each set-up: ${s.nodes.length} nodes, ${s.users} ${s.clients} users, ${s.durationSec} s, seed ${s.seed}${events}`,
    '',
    line(head),
    ...body.map(line),
    '',
    'imbalance = busiest node\'s requests / a fair share (1.00 = even)',
  ].join('\n');
}
