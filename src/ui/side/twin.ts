/**
 * Two simulations on one clock, for the side-by-side view: the same run (seed, users,
 * interventions) on the left, the same run with one setting changed on the right. Time moves
 * only when the caller says so, and always for both: every slice runs the left to virtual time
 * `v`, then the right to the same `v`, so when a slice ends neither side is ahead. A fault is
 * applied to both at that shared moment and recorded once, so either side can be replayed alone
 * (`replayTo({ settings, interventions: twin.interventions(i) }, t)`) and gives the same trace —
 * tested in tests/ui/sideTwin.test.ts. Plain TypeScript: no Svelte, no DOM.
 */
import { applyIntervention } from '../../run/replay';
import type { Intervention, RunLog } from '../../run/runLog';
import { Simulation, type SimOptions } from '../../sim/simulation';
import type { FaultAction } from '../../sim/types';

/** Left, right. */
export type Pair<T> = readonly [T, T];

export class Twin {
  /** Faults done to both while they ran, at the moment they were done. */
  private readonly live: Intervention[] = [];
  /** Per side, the index of the run's next intervention not yet applied. */
  private readonly next = [0, 0];

  private constructor(readonly runs: Pair<RunLog>, readonly sims: Pair<Simulation>) {}

  /**
   * Build both at virtual time 0. `firstUsers` creates at most that many users now (the rest
   * follow with {@link growUsers}, still at 0 s: a crowd grown in steps at one moment runs
   * exactly like one built at once — tests/ui/runnerBuild.test.ts).
   */
  static async create(runs: Pair<RunLog>, options: Pair<SimOptions> = [{}, {}], firstUsers = Infinity): Promise<Twin> {
    const build = (r: RunLog, o: SimOptions) =>
      Simulation.create(firstUsers < r.settings.users ? { ...r.settings, users: firstUsers } : r.settings, o);
    const left = await build(runs[0], options[0]);
    let right: Simulation;
    try {
      right = await build(runs[1], options[1]);
    } catch (e) {
      left.dispose();
      throw e;
    }
    return new Twin(runs, [left, right]);
  }

  /** The shared virtual time, ms. */
  get now(): number {
    return this.sims[0].now;
  }

  /**
   * Both sides to virtual `t` (ms), in one slice: the left, then the right. Each run's own
   * interventions (a run link's) happen at their times, as a replay applies them
   * (src/run/replay.ts: run to the moment, then apply). `t` equal to now finishes that
   * millisecond: events still queued at it run.
   */
  async advanceTo(t: number): Promise<void> {
    if (t < this.now) return;
    for (const i of [0, 1] as const) {
      const sim = this.sims[i];
      const ivs = this.runs[i].interventions;
      for (;;) {
        const due = ivs[this.next[i]!]?.t ?? Infinity;
        await sim.runUntil(Math.min(t, due));
        while (this.next[i]! < ivs.length && ivs[this.next[i]!]!.t <= sim.now) await applyIntervention(sim, ivs[this.next[i]!++]!);
        if (sim.now >= t && (ivs[this.next[i]!]?.t ?? Infinity) > t) break;
      }
    }
  }

  /** Whether a run still has interventions of its own to come (a run link's future). */
  private get scripted(): boolean {
    return this.runs.some((r, i) => this.next[i]! < r.interventions.length);
  }

  /**
   * Pause-and-step: run until the next request finishes on either side, then finish that
   * virtual millisecond on both (so a fault applied next lands where a replay would apply it).
   * `records` counts the records the listeners have seen; returns false when nothing is left.
   */
  async step(records: () => number, maxEvents = 2000): Promise<boolean> {
    const [left, right] = this.sims;
    const before = records();
    for (let i = 0; i < maxEvents && records() === before; i++) {
      // A run with a future of its own moves a millisecond at a time, so it happens on time.
      if (this.scripted) {
        await this.advanceTo(this.now + 1);
        continue;
      }
      // The left's next event sets the pace; the right catches up to the same moment.
      if (!(await left.step())) return false;
      await right.runUntil(left.now);
    }
    await this.advanceTo(this.now);
    return true;
  }

  /**
   * Apply a fault to both sides now. Returns each side's refusal (null: applied). It is
   * recorded for the replays if either side took it.
   */
  fault(action: FaultAction): Pair<string | null> {
    const errs = [this.sims[0].fault(action), this.sims[1].fault(action)] as const;
    if (errs[0] === null || errs[1] === null) this.live.push({ kind: 'fault', t: this.now, action: structuredClone(action) });
    return errs;
  }

  /** Bring both crowds to `n` users (building a big crowd in steps, at 0 s: part of the settings, not recorded). */
  growUsers(n: number): void {
    for (const s of this.sims) s.setUsers(n);
  }

  /**
   * Side `i`'s run so far as a run log holds it: the interventions applied (its own, and the
   * faults done live), in time order. Replaying it gives exactly this side; a link carries it.
   */
  interventions(i: 0 | 1): Intervention[] {
    const own = this.runs[i].interventions.slice(0, this.next[i]);
    return merge(own, this.live).map((iv) => structuredClone(iv));
  }

  /** The faults done live, in order. */
  get liveFaults(): readonly Intervention[] {
    return this.live;
  }

  dispose(): void {
    for (const s of this.sims) s.dispose();
  }
}

/** Two time-ordered lists as one, stable (at equal times `a` first: it was applied first). */
function merge(a: readonly Intervention[], b: readonly Intervention[]): Intervention[] {
  const out: Intervention[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.t <= b[j]!.t)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
