import { describe, expect, it } from 'vitest';
import { buildSettings } from '../../src/lessons/scenario';
import { Simulation } from '../../src/sim/simulation';
import type { TraceRecord } from '../../src/sim/types';
import { recentLines } from '../../src/ui/inspect/recentLines';

const req = (t: number, ip: string): TraceRecord => ({
  t, user: 1, ip, method: 'GET', path: '/dashboard', node: 'node-1', status: 200, session: 's', authBefore: true, authAfter: true, outcome: 'ok',
});

describe('the inspector\'s recent requests', () => {
  it('lists the newest first, with a line where the address changed', () => {
    const lines = recentLines([req(1000, '10.0.0.1'), req(2000, '10.0.0.1'), req(3000, '100.64.7.9'), req(4000, '100.64.7.9')]);
    expect(lines.map((l) => (l.kind === 'request' ? `req ${l.record.t}` : `moved ${l.from}→${l.to} at ${l.t}`))).toEqual([
      'req 4000', 'req 3000', 'moved 10.0.0.1→100.64.7.9 at 3000', 'req 2000', 'req 1000',
    ]);
  });

  it('says nothing when the address stayed the same, or for a single request', () => {
    expect(recentLines([req(1, 'a'), req(2, 'a')]).every((l) => l.kind === 'request')).toBe(true);
    expect(recentLines([req(1, 'a')])).toHaveLength(1);
    expect(recentLines([])).toEqual([]);
  });

  it('finds the address changes a simulated phone really makes', async () => {
    const settings = buildSettings({ seed: 4, nodes: 2, driver: 'file', balancer: 'ip-hash', users: 20, clients: 'mobile' }, 600, []);
    const sim = await Simulation.create(settings, { traceLimit: 100_000 });
    await sim.runUntil(600_000);
    const byUser = new Map<number, TraceRecord[]>();
    for (const r of sim.world.trace.records()) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
    const moved = [...byUser.values()].map(recentLines).flat().filter((l) => l.kind === 'address');
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) expect(m.kind === 'address' && m.from !== m.to).toBe(true);
  });
});
