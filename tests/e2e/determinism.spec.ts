/**
 * Same seed and inputs → the same trace, in the browser as in Node. (Math.log differs in the
 * last digit between V8 builds; the engine avoids transcendental functions for this reason.)
 */
import { expect, test } from '@playwright/test';
import { defaultSettings } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import { traceLine } from '../../src/sim/trace';
import type { SimSettings, TraceRecord } from '../../src/sim/types';

interface Run { lines: string[]; logouts: number; requests: number }

function settings(driver: 'file' | 'redis'): SimSettings {
  const s = defaultSettings();
  s.session.driver = driver;
  s.users = 60;
  s.events = [{ atSec: 40, action: { kind: 'crash', node: 'node-2' } }];
  return s;
}

async function inNode(s: SimSettings, untilMs: number): Promise<Run> {
  const lines: string[] = [];
  const sim = await Simulation.create(s, { traceLimit: 0, listeners: { onRecord: (r) => lines.push(traceLine(r)) } });
  await sim.runUntil(untilMs);
  return { lines, logouts: sim.world.metrics.logouts, requests: sim.world.metrics.requests };
}

for (const driver of ['file', 'redis'] as const) {
  test(`${driver} driver: the browser's run equals Node's, record for record`, async ({ page }) => {
    const s = settings(driver);
    const untilMs = 90_000;
    const expected = await inNode(s, untilMs);
    await page.goto('/?bench');
    await page.waitForFunction(() => !!(window as unknown as { __sclRunner?: { sim: unknown } }).__sclRunner?.sim);
    const actual = await page.evaluate(async ({ s, untilMs }) => {
      type Sim = { runUntil(t: number): Promise<void>; world: { metrics: { logouts: number; requests: number } } };
      type SimClass = { create(s: unknown, o: unknown): Promise<Sim> };
      const runner = (window as unknown as { __sclRunner: { pause(): void; sim: { constructor: SimClass } } }).__sclRunner;
      runner.pause();
      const records: TraceRecord[] = [];
      const sim = await runner.sim.constructor.create(s, { traceLimit: 0, listeners: { onRecord: (r: TraceRecord) => records.push(r) } });
      await sim.runUntil(untilMs);
      const lines = records.map((r) => JSON.stringify({
        t: r.t, user: r.user, ip: r.ip, method: r.method, path: r.path, node: r.node, status: r.status,
        session: r.session, authBefore: r.authBefore, authAfter: r.authAfter, outcome: r.outcome,
      }));
      return { lines, logouts: sim.world.metrics.logouts, requests: sim.world.metrics.requests };
    }, { s, untilMs });
    const firstDiff = actual.lines.findIndex((l, i) => l !== expected.lines[i]);
    expect(firstDiff, `first differing record #${firstDiff}:\n browser ${actual.lines[firstDiff]}\n node    ${expected.lines[firstDiff]}\n prev    ${expected.lines[firstDiff - 1]}`).toBe(-1);
    expect(actual.requests).toBe(expected.requests);
    expect(actual.logouts).toBe(expected.logouts);
    expect(expected.lines.length).toBeGreaterThan(500);
  });
}
