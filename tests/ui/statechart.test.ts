/**
 * The statechart drawing: labels that never overlap or leave the region, one box per state
 * of the machine, and the last transition's cause in words.
 */
import { describe, expect, it } from 'vitest';
import { SENTINEL_DOWN_AFTER_MS, SENTINEL_FAILOVER_MS } from '../../src/sim/cluster/sessionRedis';
import { defaultNode, defaultSettings } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import { RunningTotals } from '../../src/ui/metrics/chartData';
import { buildView, nodeDetail } from '../../src/ui/state/view';
import { describeTransition, guardWord, span } from '../../src/ui/stage/machineWords';
import { NODE_CHART, REDIS_CHART } from '../../src/ui/stage/machineCharts';
import { edgeLines, layoutRegion, LINE_H } from '../../src/ui/stage/statechartLayout';

/** A generous estimate of a 10 px system-ui glyph. */
const CHAR_W = 5.8;

describe('statechart layout', () => {
  for (const region of [...NODE_CHART, ...REDIS_CHART]) {
    it(`${region.id}: a box per state, and labels that neither overlap nor leave the picture`, () => {
      const l = layoutRegion(region, 256, guardWord);
      expect(l.boxes.map((b) => b.name)).toEqual(region.states);
      const rects = l.edges.map((e) => {
        const w = Math.max(...e.lines.map((t) => t.length)) * CHAR_W;
        const h = e.lines.length * LINE_H;
        const y = e.above ? e.ly - h : e.ly;
        return { e: `${e.from}>${e.to}`, x0: e.lx - w / 2, x1: e.lx + w / 2, y0: y, y1: y + h };
      });
      for (const r of rects) {
        expect(r.x0, r.e).toBeGreaterThanOrEqual(0);
        expect(r.x1, r.e).toBeLessThanOrEqual(256);
        expect(r.y0, r.e).toBeGreaterThanOrEqual(0);
        expect(r.y1, r.e).toBeLessThanOrEqual(l.height);
        for (const b of l.boxes) {
          const hits = r.x0 < b.x + b.w && b.x < r.x1 && r.y0 < b.y + b.h && b.y < r.y1;
          expect(hits, `${r.e} label over the ${b.name} box`).toBe(false);
        }
      }
      for (const a of rects) {
        for (const b of rects) {
          if (a === b) continue;
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlap, `${a.e} and ${b.e}`).toBe(false);
        }
      }
    });
  }

  it('labels events one a line with their guard in words; from any state a line per guard', () => {
    const edges = NODE_CHART[0]!.edges;
    expect(edgeLines(edges.find((e) => e.to === 'up')!, guardWord)).toEqual(['booted', '[same epoch]']);
    expect(edgeLines(edges.find((e) => e.from === 'draining')!, guardWord)).toEqual(['drained', 'crash']);
    expect(edgeLines(edges.find((e) => e.from === '*')!, guardWord)).toEqual(['from any state:', 'restart / replace [unless booting]']);
  });
});

describe('the last transition in words', () => {
  it('says who and when for what a person did, how long it took for what the engine did', () => {
    expect(describeTransition({ event: 'CRASH', region: 'process', from: 'up', to: 'down', at: 72_000, by: 'you', after: 72_000 }))
      .toBe('up → down: crashed by you at 09:01:12');
    expect(describeTransition({ event: 'BOOTED', region: 'process', from: 'booting', to: 'up', at: 77_000, by: 'engine', after: 5_000 }))
      .toBe('booting → up: booted after 5 s (09:01:17)');
    expect(describeTransition({ event: 'REPLACE', region: 'process', from: 'down', to: 'booting', at: 0, by: 'deploy', after: 0 }))
      .toBe('down → booting: replaced by a new instance by the deploy at 09:00:00');
    expect(describeTransition({ event: 'DOWN', region: 'server', from: 'up', to: 'down', at: 60_000, by: 'schedule', after: 60_000 }))
      .toBe('up → down: taken down by the schedule at 09:01:00');
  });

  it('spans read as seconds, minutes and hours', () => {
    expect([span(5_000), span(200_000), span(3_900_000), span(7_200_000)]).toEqual(['5 s', '3 min 20 s', '1 h 5 min', '2 h']);
  });
});

describe('the view reads the machines', () => {
  it("a node's and Redis's state and last transition; the Sentinel countdown from when the machine began failing over", async () => {
    const settings = defaultSettings();
    settings.session.driver = 'redis';
    settings.redis.sentinel = true;
    settings.nodes = [defaultNode(1), defaultNode(2)];
    settings.users = 10;
    const sim = await Simulation.create(settings, { traceLimit: 0 });
    await sim.runUntil(4_000);
    expect(sim.fault({ kind: 'crash', node: 'node-2' })).toBeNull();
    await sim.runUntil(5_000);
    expect(sim.fault({ kind: 'redis-failover' })).toBeNull();
    await sim.runUntil(9_000);
    const view = buildView(sim, new RunningTotals());
    expect(view.nodes[1]!.machine).toEqual({
      value: { process: 'down', link: 'connected' },
      last: { event: 'CRASH', region: 'process', from: 'up', to: 'down', at: 4_000, by: 'you', after: 4_000 },
    });
    // The node's menu asks its machine which faults apply, and shows the reason for the others.
    expect(nodeDetail(sim, 'node-2')!.refusals).toEqual({
      crash: 'node-2 is already down', drain: 'node-2 is down: only a node that is up can be drained', partition: null,
      heal: 'node-2 is already connected to Redis', restart: null, replace: null,
      'nginx-drain': 'node-2 is down: only a node that is up can be drained',
    });
    expect(view.redis!.machine!.value).toEqual({ server: 'failingOver', network: 'reachable' });
    expect(view.redis!.promoteAt).toBe(5_000 + SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_MS);
    await sim.runUntil(5_000 + SENTINEL_DOWN_AFTER_MS + SENTINEL_FAILOVER_MS);
    const after = buildView(sim, new RunningTotals());
    expect(after.redis!.promoteAt).toBeNull();
    // phpredis (the default client) was given the old primary's address and never asks Sentinel:
    // as the app sees it, the failover ends and its Redis is down (lesson 13).
    expect(after.redis!.machine!.last).toMatchObject({ event: 'DOWN', from: 'up', to: 'down', by: 'engine' });
    sim.dispose();
  });
});
