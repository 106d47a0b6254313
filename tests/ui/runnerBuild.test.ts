/**
 * The runner builds a big crowd in steps (src/ui/state/runner.svelte.ts, USERS_PER_FRAME users a
 * frame) so the page is never blocked for long. That is only honest if a cluster built in steps
 * at virtual time 0 runs exactly like one built at once: same records, same digest.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';
import { defaultSettings } from '../../src/sim/settings';
import { TraceDigest, traceLine } from '../../src/sim/trace';
import type { SessionDriver } from '../../src/sim/types';

/** A simulation whose every record goes into a digest: `users`, `driver` and `seed` set, `crash` = [second, node]. */
async function digested(users: number, driver: SessionDriver, seed: number, crash: [number, string]): Promise<{ sim: Simulation; d: TraceDigest }> {
  const s = defaultSettings();
  s.users = users;
  s.session.driver = driver;
  s.seed = seed;
  s.events = [{ atSec: crash[0], action: { kind: 'crash', node: crash[1] } }];
  const d = new TraceDigest();
  return { sim: await Simulation.create(s, { traceLimit: 0, listeners: { onRecord: (r) => d.add(traceLine(r)) } }), d };
}

async function digestOf(users: number, firstStep: number, step: number, driver: SessionDriver, seed: number): Promise<string> {
  const first = Math.min(users, firstStep);
  const { sim, d } = await digested(first, driver, seed, [8, 'node-2']);
  try {
    for (let n = first; n < users;) {
      n = Math.min(users, n + step);
      sim.setUsers(n);
    }
    await sim.runUntil(20_000);
    return `${d.hex()} ${sim.world.metrics.requests} ${sim.settings.users}`;
  } finally {
    sim.dispose();
  }
}

describe('a crowd built in steps', () => {
  for (const [driver, seed] of [['file', 1], ['redis', 4]] as const) {
    it(`runs exactly like one built at once (${driver} sessions, seed ${seed})`, async () => {
      const atOnce = await digestOf(1200, 1200, 0, driver, seed);
      expect(await digestOf(1200, 300, 300, driver, seed)).toBe(atOnce);
      expect(await digestOf(1200, 500, 250, driver, seed)).toBe(atOnce);
      // The runner's shape for a big crowd: 1,000 at once, then steps of 250.
      expect(await digestOf(1200, 1000, 250, driver, seed)).toBe(atOnce);
      expect(atOnce.endsWith(' 1200')).toBe(true);
    });
  }
});

/**
 * The pacing (src/ui/state/pacing.svelte.ts) runs the engine in slices: a first one of 2 virtual
 * ms, then slices sized from the measured cost, cut short by the frame budget, with what a frame
 * could not run carried to the next. None of that may show in the run.
 */
async function slicedDigest(driver: SessionDriver, seed: number, slices: (i: number) => number): Promise<string> {
  const { sim, d } = await digested(300, driver, seed, [6, 'node-1']);
  try {
    for (let i = 0, t = 0; t < 15_000; i++) {
      t = Math.min(15_000, t + slices(i));
      await sim.runUntil(t);
    }
    return `${d.hex()} ${sim.world.metrics.requests}`;
  } finally {
    sim.dispose();
  }
}

describe('a run played in slices', () => {
  for (const [driver, seed] of [['file', 2], ['redis', 3]] as const) {
    it(`runs exactly like one run to the end (${driver} sessions, seed ${seed})`, async () => {
      const once = await slicedDigest(driver, seed, () => 15_000);
      // Irregular slices, as frames of varying length and budget give them (fractions of ms included).
      const frames = await slicedDigest(driver, seed, (i) => (i === 0 ? 2 : [2, 37.5, 160, 2.25, 410, 90][i % 6]!));
      expect(frames).toBe(once);
      expect(Number(once.split(' ')[1])).toBeGreaterThan(100);
    });
  }
});
