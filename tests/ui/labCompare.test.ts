/**
 * The compare view's pure parts: which traffic and faults it replays, the table cells, and
 * the loop that runs one set-up at a time, yields between them and can be cancelled.
 */
import { describe, expect, it } from 'vitest';
import { compareSetups, LARAVEL12_TABLE, SEED_TABLE, type CompareRow, type Setup } from '../../src/sim/compare';
import { defaultSettings } from '../../src/sim/settings';
import type { ScheduledFault, SimSettings } from '../../src/sim/types';
import {
  compareBase, compareFaults, COURSE_CLAIMS, crashTarget, faultWords, measuredCells, p95Words, runComparison, type CompareProgress,
} from '../../src/ui/lab/compareTable';

const live: ScheduledFault[] = [{ atSec: 42.5, action: { kind: 'partition', node: 'node-1' } }, { atSec: 400, action: { kind: 'deploy' } }];

describe('the traffic compared', () => {
  it('replays scheduled and live faults in time order, within the duration, plus the optional crash', () => {
    const s = defaultSettings();
    s.events = [{ atSec: 200, action: { kind: 'redis-latency', ms: 200 } }];
    const f = compareFaults(s, live, { durationSec: 300, crashAtSec: 150, includeLiveFaults: true });
    expect(f.map(faultWords)).toEqual(['at 42.5 s: partition node-1', 'at 150 s: crash node-2', 'at 200 s: Redis latency +200 ms']);
    expect(compareFaults(s, live, { durationSec: 300, crashAtSec: null, includeLiveFaults: false }).map(faultWords)).toEqual(['at 200 s: Redis latency +200 ms']);
  });

  it('runs the current settings for the chosen duration, without touching them', () => {
    const s = defaultSettings();
    s.durationSec = 86_400;
    s.users = 37;
    const base = compareBase(s, live, { durationSec: 60, crashAtSec: null, includeLiveFaults: true });
    expect(base.durationSec).toBe(60);
    expect(base.users).toBe(37);
    expect(base.events).toHaveLength(1);
    expect(s.durationSec).toBe(86_400);
    expect(s.events).toEqual([]);
  });

  it('crashes node-2, or the only node', () => {
    const one = defaultSettings();
    one.nodes = one.nodes.slice(0, 1);
    expect(crashTarget(defaultSettings())).toBe('node-2');
    expect(crashTarget(one)).toBe('node-1');
  });
});

describe('the table', () => {
  it('has the course words for the seed rows', () => {
    for (const s of LARAVEL12_TABLE) expect(s.label in COURSE_CLAIMS).toBe(true);
    expect(COURSE_CLAIMS['File driver']?.reliability).toBe('Fails in Clusters');
    expect(COURSE_CLAIMS['Redis + sticky']).toBeNull();
  });

  it('formats the measured cells', () => {
    const row: CompareRow = {
      label: 'File driver', driver: 'file', balancer: 'round-robin', requests: 8803, logouts: 2373, csrfMismatches: 1006,
      serverErrors: 0, lostUpdates: 0, redisCommands: 0, p95Ms: 88, imbalance: 1,
    };
    expect(measuredCells(row)).toEqual({ logouts: '2,373', csrf: '1,006', errors: '0', lost: '0', redis: '—', p95: '88 ms', imbalance: '1.00×' });
    expect(measuredCells({ ...row, driver: 'redis', redisCommands: 8662, imbalance: 1.214 }).redis).toBe('8,662');
    expect(p95Words(60_060)).toBe('60.1 s');
  });
});

describe('runComparison', () => {
  const fake = (s: Setup): CompareRow => ({ ...s, requests: 1, logouts: s.driver === 'file' ? 5 : 0, csrfMismatches: 0, serverErrors: 0, lostUpdates: 0, redisCommands: 0, p95Ms: 1, imbalance: 1 });

  it('runs one set-up at a time and yields to the browser before each', async () => {
    const log: string[] = [];
    const progress: CompareProgress[] = [];
    const rows = await runComparison(defaultSettings(), SEED_TABLE, {
      compare: async (_b, setups) => { log.push(`run ${setups.map((s) => s.label).join()}`); return setups.map(fake); },
      yieldToBrowser: async () => { log.push('yield'); },
      onProgress: (p) => progress.push(p),
      cancelled: () => false,
    });
    expect(rows?.map((r) => r.label)).toEqual(SEED_TABLE.map((s) => s.label));
    expect(log).toEqual(SEED_TABLE.flatMap((s) => ['yield', `run ${s.label}`]));
    expect(progress.map((p) => [p.done, p.current?.label ?? null])).toEqual([
      [0, 'File driver'], [1, 'Redis driver'], [2, 'Sticky sessions (file)'], [3, 'Redis + sticky'], [4, null],
    ]);
  });

  it('stops when cancelled', async () => {
    let runs = 0;
    const rows = await runComparison(defaultSettings(), SEED_TABLE, {
      compare: async (_b, setups) => { runs++; return setups.map(fake); },
      yieldToBrowser: async () => {},
      onProgress: () => {},
      cancelled: () => runs >= 2,
    });
    expect(rows).toBeNull();
    expect(runs).toBe(2);
  });

  it('with the engine: file sessions log people out on the same traffic, Redis does not', async () => {
    const s: SimSettings = defaultSettings();
    s.users = 30;
    const base = compareBase(s, [], { durationSec: 60, crashAtSec: null, includeLiveFaults: false });
    const rows = (await runComparison(base, SEED_TABLE, { compare: compareSetups, yieldToBrowser: async () => {}, onProgress: () => {}, cancelled: () => false }))!;
    const by = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(by['File driver']!.logouts).toBeGreaterThan(0);
    expect(by['Redis driver']!.logouts).toBe(0);
    expect(by['Redis + sticky']!.logouts).toBe(0);
    expect(by['Redis driver']!.redisCommands).toBeGreaterThan(0);
  });
});
