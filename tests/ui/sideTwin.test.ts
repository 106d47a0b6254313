/**
 * Side by side runs two simulations on one clock (src/ui/side/twin.ts). It is only honest if
 * each side is exactly the run a single cluster would give with its settings and the same
 * faults at the same moments, and if the sides share their users — so that the one setting
 * that differs is the only difference. Checked against the engine directly.
 */
import { describe, expect, it } from 'vitest';
import { replayTo } from '../../src/run/replay';
import type { RunLog } from '../../src/run/runLog';
import { compareSetups, SEED_TABLE } from '../../src/sim/compare';
import { defaultSettings } from '../../src/sim/settings';
import type { SimOptions } from '../../src/sim/simulation';
import { summarize } from '../../src/sim/summary';
import { TraceDigest, traceLine } from '../../src/sim/trace';
import type { FaultAction, SimSettings } from '../../src/sim/types';
import { applyChange, type SideChange } from '../../src/ui/side/sideChange';
import { Twin } from '../../src/ui/side/twin';

function settings(seed: number, users: number): SimSettings {
  const s = defaultSettings();
  s.seed = seed;
  s.users = users;
  s.durationSec = 24 * 3600;
  return s;
}

function recorder(): { digest: TraceDigest; records: () => number; options: SimOptions } {
  const digest = new TraceDigest();
  let n = 0;
  return { digest, records: () => n, options: { traceLimit: 0, listeners: { onRecord: (r) => { n++; digest.add(traceLine(r)); } } } };
}

/** What a side shows: every record, the counters, the feed. */
function stateOf(sim: Twin['sims'][0], digest: TraceDigest) {
  const s = summarize(sim);
  return { now: sim.now, digest: digest.hex(), requests: s.requests, logouts: s.logouts, statuses: s.statuses, feed: sim.world.feed.map((f) => `${f.t} ${f.text}`) };
}

/** The single-cluster run with these settings and interventions, replayed to `t`. */
async function standalone(run: RunLog, t: number) {
  const { digest, options } = recorder();
  const sim = (await replayTo(run, t, { ...options, sliceMs: 9_000 }))!;
  try {
    return stateOf(sim, digest);
  } finally {
    sim.dispose();
  }
}

async function twinOf(left: SimSettings, change: SideChange, interventions: RunLog['interventions'] = []) {
  const l = recorder();
  const r = recorder();
  const runs = [{ settings: left, interventions }, { settings: applyChange(left, change), interventions: structuredClone(interventions) }] as const;
  const twin = await Twin.create(runs, [l.options, r.options]);
  return { twin, runs, l, r };
}

describe('side by side: two simulations on one clock', () => {
  it('each side equals a standalone run with its settings and the faults applied to both (file vs redis)', async () => {
    const { twin, runs, l, r } = await twinOf(settings(3, 150), { driver: 'redis' });
    try {
      // Uneven frames, as the page's budget gives them; faults between frames, as buttons and hotkeys land.
      const frames = [16, 250, 33, 1_000, 7, 480];
      const faults = new Map<number, FaultAction>([
        [20_000, { kind: 'crash', node: 'node-2' }],
        [45_000, { kind: 'restart', node: 'node-2' }],
        [60_000, { kind: 'redis-down' }], // the file side has no Redis: it refuses, the redis side takes it
        [70_000, { kind: 'redis-up' }],
      ]);
      let f = 0;
      while (twin.now < 90_000) {
        await twin.advanceTo(Math.min(90_000, twin.now + frames[f++ % frames.length]!));
        // Lockstep: no side is ever ahead when a slice ends.
        expect(twin.sims[1].now).toBe(twin.sims[0].now);
        for (const [t, action] of faults) {
          if (twin.now >= t) {
            const errs = twin.fault(action);
            if (action.kind === 'redis-down' || action.kind === 'redis-up') expect(errs[0]).toMatch(/Redis is not part of this cluster/);
            else expect(errs).toEqual([null, null]);
            expect(errs[1]).toBeNull();
            faults.delete(t);
          }
        }
      }
      const left = stateOf(twin.sims[0], l.digest);
      const right = stateOf(twin.sims[1], r.digest);
      expect(left).toEqual(await standalone({ settings: runs[0].settings, interventions: twin.interventions(0) }, 90_000));
      expect(right).toEqual(await standalone({ settings: runs[1].settings, interventions: twin.interventions(1) }, 90_000));
      // The demo: the crash logs file users out, Redis keeps them (its outage gives 500s instead).
      expect(left.logouts).toBeGreaterThan(0);
      expect(right.logouts).toBe(0);
      expect(right.statuses['500'] ?? 0).toBeGreaterThan(0);
      expect(twin.liveFaults.map((iv) => iv.t)).toEqual([...twin.liveFaults.map((iv) => iv.t)].sort((a, b) => a - b));
    } finally {
      twin.dispose();
    }
  });

  it('both sides run the same people: the same users, addresses and kinds; only the setting differs', async () => {
    const { twin } = await twinOf(settings(8, 120), { balancer: 'cookie' });
    try {
      await twin.advanceTo(5_000);
      const people = (i: 0 | 1) => twin.sims[i].world.users.map((u) => `${u.id} ${u.ip} ${u.kind}`);
      expect(people(1)).toEqual(people(0));
      expect(twin.sims[0].settings.balancer.strategy).toBe('round-robin');
      expect(twin.sims[1].settings.balancer.strategy).toBe('cookie');
      const { balancer: _l, ...restL } = twin.sims[0].settings;
      const { balancer: _r, ...restR } = twin.sims[1].settings;
      expect(restR).toEqual(restL);
    } finally {
      twin.dispose();
    }
  });

  it('Step stops both at the same moment, once a request has finished on either side; a fault after it replays the same', async () => {
    const { twin, runs, l, r } = await twinOf(settings(5, 40), { driver: 'redis' });
    try {
      await twin.advanceTo(3_000);
      const records = () => l.records() + r.records();
      for (let i = 0; i < 5; i++) {
        const before = records();
        expect(await twin.step(records)).toBe(true);
        expect(records()).toBeGreaterThan(before);
        expect(twin.sims[1].now).toBe(twin.sims[0].now);
      }
      twin.fault({ kind: 'crash', node: 'node-1' });
      await twin.advanceTo(30_000);
      expect(stateOf(twin.sims[0], l.digest)).toEqual(await standalone({ settings: runs[0].settings, interventions: twin.interventions(0) }, 30_000));
      expect(stateOf(twin.sims[1], r.digest)).toEqual(await standalone({ settings: runs[1].settings, interventions: twin.interventions(1) }, 30_000));
    } finally {
      twin.dispose();
    }
  });

  it("a run link's own interventions happen on both sides at their times (and a big crowd built in steps runs the same)", async () => {
    const left = settings(2, 900);
    const interventions: RunLog['interventions'] = [
      { kind: 'fault', t: 0, action: { kind: 'drain', node: 'node-1' } },
      { kind: 'fault', t: 12_000, action: { kind: 'crash', node: 'node-2' } },
      { kind: 'users', t: 15_000, n: 300 },
    ];
    const l = recorder();
    const r = recorder();
    const runs = [{ settings: left, interventions }, { settings: applyChange(left, { nodes: 3 }), interventions }] as const;
    const twin = await Twin.create(runs, [l.options, r.options], 250);
    try {
      for (let n = 250; n < 900;) twin.growUsers((n = Math.min(900, n + 250)));
      for (let t = 0; t < 25_000;) await twin.advanceTo((t = Math.min(25_000, t + 700)));
      expect(stateOf(twin.sims[0], l.digest)).toEqual(await standalone(runs[0], 25_000));
      expect(stateOf(twin.sims[1], r.digest)).toEqual(await standalone(runs[1], 25_000));
      expect(twin.interventions(0)).toEqual(interventions);
      expect(twin.sims[1].world.nodes.size).toBe(3);
    } finally {
      twin.dispose();
    }
  });

  it("shows the compare table's numbers: the same traffic and faults through the row's set-up", async () => {
    const base = settings(1, 100);
    base.events = [{ atSec: 40, action: { kind: 'crash', node: 'node-2' } }];
    const { twin, l, r } = await twinOf(base, { driver: 'redis' });
    try {
      for (let t = 0; t < 120_000;) await twin.advanceTo((t = Math.min(120_000, t + 333)));
      const rows = await compareSetups({ ...base, durationSec: 120 }, SEED_TABLE.slice(0, 2));
      const left = stateOf(twin.sims[0], l.digest);
      const right = stateOf(twin.sims[1], r.digest);
      expect([left.requests, left.logouts]).toEqual([rows[0]!.requests, rows[0]!.logouts]);
      expect([right.requests, right.logouts]).toEqual([rows[1]!.requests, rows[1]!.logouts]);
      expect(rows[0]!.logouts).toBeGreaterThan(0);
    } finally {
      twin.dispose();
    }
  });
});
