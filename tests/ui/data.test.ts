import { describe, expect, it } from 'vitest';
import type { SecondBucket } from '../../src/sim/metrics';
import { zeroOutcomes } from '../../src/sim/metrics';
import type { TraceRecord } from '../../src/sim/types';
import { outcomeRows, perNodeRates, redisRows, RunningTotals } from '../../src/ui/metrics/chartData';
import { MARK, nextMark, pickLabels, UserMarks } from '../../src/ui/state/marks';
import { PacketPool, packetDuration, packetPoint } from '../../src/ui/stage/packets';
import { stageLayout } from '../../src/ui/stage/layout';
import { crowdGrid, cellCenter } from '../../src/ui/stage/crowd';

function bucket(sec: number, o: Partial<ReturnType<typeof zeroOutcomes>>, extra: Partial<SecondBucket> = {}): SecondBucket {
  const outcomes = { ...zeroOutcomes(), ...o };
  const requests = Object.values(outcomes).reduce((a, b) => a + b, 0);
  return { sec, requests, outcomes, perNode: {}, logouts: 0, redis: null, ...extra };
}

function rec(p: Partial<TraceRecord>): TraceRecord {
  return { t: 0, user: 1, ip: '1.2.3.4', method: 'GET', path: '/', node: 'node-1', status: 200, session: null, authBefore: false, authAfter: false, outcome: 'ok', ...p };
}

describe('chart data', () => {
  it('groups outcomes per second', () => {
    const rows = outcomeRows([bucket(0, { ok: 3, lost_update: 1, logged_out: 2, bad_gateway: 1, gateway_timeout: 1 })]);
    expect(rows[0]).toEqual({ sec: 0, ok: 3, lost_update: 1, logged_out: 2, csrf_mismatch: 0, server_error: 0, bad_gateway: 1, gateway_timeout: 1 });
  });

  it('keeps exact running totals while thinning old points', () => {
    const t = new RunningTotals(50);
    const series: SecondBucket[] = [];
    for (let s = 0; s < 500; s++) {
      series.push(bucket(s, { csrf_mismatch: 1 }, { logouts: 2 }));
      if (s % 7 === 0) t.update(series);
    }
    t.update(series);
    const pts = t.points;
    expect(pts.length).toBeLessThanOrEqual(52);
    expect(pts.at(-1)).toEqual({ sec: 500, logouts: 1000, csrf: 500 });
    for (const p of pts) expect(p.logouts).toBe(2 * p.sec);
    expect(t.update(series)).toBe(false);
    t.update([]);
    expect(t.points).toEqual([{ sec: 0, logouts: 0, csrf: 0 }]);
  });

  it('averages per-node rates over the last seconds', () => {
    const s = [bucket(0, {}, { perNode: { 'node-1': 10 } }), bucket(1, {}, { perNode: { 'node-1': 20, 'node-2': 4 } })];
    expect(perNodeRates(s, ['node-1', 'node-2', 'node-3'])).toEqual([15, 2, 0]);
    expect(perNodeRates([], ['node-1'])).toEqual([0]);
  });

  it('turns the Redis command counter into a rate', () => {
    const r = (commands: number) => ({ keys: 5, commands, connectedClients: 2, usedMemory: 0, evictedKeys: 0, expiredKeys: 0 });
    const rows = redisRows([bucket(0, {}, { redis: r(100) }), bucket(1, {}, { redis: r(160) })]);
    expect(rows.map((x) => x.cmdRate)).toEqual([0, 60]);
  });
});

describe('user marks', () => {
  it('a logout marks the user until they log in again', () => {
    let m: number = MARK.idle;
    m = nextMark(m, rec({ authAfter: true }));
    expect(m).toBe(MARK.in);
    m = nextMark(m, rec({ authBefore: true, authAfter: false, outcome: 'logged_out' }));
    expect(m).toBe(MARK.loggedOut);
    m = nextMark(m, rec({ path: '/login' })); // following the redirect to the login page
    expect(m).toBe(MARK.loggedOut);
    m = nextMark(m, rec({ method: 'POST', path: '/login', status: 419, outcome: 'csrf_mismatch' }));
    expect(m).toBe(MARK.expired);
    m = nextMark(m, rec({ method: 'POST', path: '/login', status: 302, authAfter: true }));
    expect(m).toBe(MARK.in);
    m = nextMark(m, rec({ method: 'POST', path: '/logout', authBefore: true, authAfter: false }));
    expect(m).toBe(MARK.guest);
    expect(nextMark(MARK.in, rec({ status: 502, outcome: 'bad_gateway', node: null }))).toBe(MARK.gateway);
    expect(nextMark(MARK.in, rec({ status: 504, outcome: 'gateway_timeout' }))).toBe(MARK.timeout);
    expect(nextMark(MARK.in, rec({ authBefore: true, authAfter: true, outcome: 'lost_update' }))).toBe(MARK.lostUpdate);
    expect(nextMark(MARK.lostUpdate, rec({ authBefore: true, authAfter: true }))).toBe(MARK.in);
  });

  it('records flashes for logouts and keeps a few recent requests per user', () => {
    const marks = new UserMarks(4);
    for (let i = 0; i < 10; i++) marks.record(rec({ user: 6, t: i }), i);
    marks.record(rec({ user: 6, authBefore: true, outcome: 'logged_out' }), 99);
    expect(marks.recent[5]).toHaveLength(6);
    expect(marks.flashAt[5]).toBe(99);
    expect(marks.logouts).toEqual([{ user: 5, at: 99 }]);
  });

  it('labels stay put and go to the newest visible logouts', () => {
    const logouts = [{ user: 1, at: 0 }, { user: 2, at: 100 }, { user: 3, at: 200 }, { user: 4, at: 5000 }];
    let labels = pickLabels([], logouts, 300, 2);
    expect(labels.map((l) => l.user)).toEqual([3, 2]);
    labels = pickLabels(labels, [...logouts, { user: 9, at: 350 }], 400, 2);
    expect(labels.map((l) => l.user)).toEqual([3, 2]);
    labels = pickLabels(labels, logouts, 10_000, 2);
    expect(labels).toEqual([]);
  });
});

describe('packets', () => {
  it('samples when requests pour in, keeping room for failures', () => {
    const pool = new PacketPool(100);
    // A flood of ok requests in one 16 ms frame, lasting 500 ms each.
    for (let f = 0; f < 20; f++) {
      for (let i = 0; i < 200; i++) pool.offer(f * 16, 500, i, 0, 1);
      pool.update(f * 16, 16, 500);
    }
    expect(pool.count).toBeLessThanOrEqual(100);
    const before = pool.count;
    expect(pool.offer(400, 500, 1, 0, 2)).toBe(before < 100); // a failure still gets in if there is room
  });

  it('drops finished packets', () => {
    const pool = new PacketPool(10);
    pool.offer(0, 100, 1, 0, 1);
    pool.offer(50, 100, 2, 1, 3);
    pool.update(120, 16, 100);
    expect(pool.count).toBe(1);
    expect(pool.user[0]).toBe(2);
  });

  it('travels user → balancer → node and back the same way', () => {
    const l = stageLayout(900, 420, 2);
    const g = crowdGrid(100, l.crowd);
    const p = { x: 0, y: 0 };
    const cell = cellCenter(g, 5);
    expect(packetPoint(l, g, 5, 1, 0, p)).toBe(false);
    expect(p).toEqual(cell);
    packetPoint(l, g, 5, 1, 0.25, p);
    expect(p.x).toBeCloseTo(l.lbToNode[1]!.p0.x);
    packetPoint(l, g, 5, 1, 0.4999, p);
    expect(p.x).toBeCloseTo(l.nodes[1]!.x, 0);
    expect(packetPoint(l, g, 5, 1, 0.75, p)).toBe(true);
    packetPoint(l, g, 5, -1, 0.5, p); // a 502: turns back at the balancer
    expect(p.x).toBeCloseTo(l.lbIn.x);
    expect(packetDuration(0.25)).toBeGreaterThan(packetDuration(60));
  });
});
