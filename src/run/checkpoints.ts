/**
 * The checkpoints of one run (docs/runs.md, "Checkpoints"): copies of the whole simulation
 * (src/sim/checkpoint.ts) taken every {@link CHECKPOINT_INTERVAL_MS} of virtual time while the
 * run plays or is replayed, so that showing an earlier moment restores the latest checkpoint
 * before it and simulates only the rest, instead of replaying from 0.
 *
 * A checkpoint at T belongs to the runs with its settings and the interventions up to T it saw.
 * After a fork it stays valid for the new run if it is older than the fork (the new run has the
 * same past); the later ones still belong to the discarded future, which Undo may bring back, so
 * they are kept as long as one of the runs {@link keepFor} names needs them.
 *
 * Memory is bounded: past {@link CheckpointLimits.maxBytes} (estimated) or
 * {@link CheckpointLimits.maxCount}, the checkpoint whose removal leaves the smallest gap is
 * dropped (never the newest), so older stretches of a long run thin out evenly.
 */
import type { Checkpoint } from '../sim/checkpoint';
import type { Simulation } from '../sim/simulation';
import type { RunLog } from './runLog';

/**
 * Virtual ms between checkpoints: a seek simulates at most this much (at 1,000 users about 60 ms
 * of work; a checkpoint costs about as much as 5–10 virtual seconds: `npm run bench`).
 */
export const CHECKPOINT_INTERVAL_MS = 60_000;

export interface CheckpointLimits {
  intervalMs: number;
  /** Estimated bytes all checkpoints may hold together. */
  maxBytes: number;
  maxCount: number;
}

export const DEFAULT_LIMITS: CheckpointLimits = { intervalMs: CHECKPOINT_INTERVAL_MS, maxBytes: 96 * 1024 * 1024, maxCount: 64 };

/** A checkpoint, with what the caller kept beside it (the page: its crowd marks at that moment). */
export interface Saved<X> {
  checkpoint: Checkpoint;
  extra: X;
}

interface Entry<X> extends Saved<X> {
  /** The settings and the interventions up to the checkpoint's moment, as JSON: which runs it belongs to. */
  past: string;
}

/** A run's settings and its interventions up to `tMs` (inclusive), as a comparable string. */
function pastOf(run: RunLog, tMs: number): string {
  return `${JSON.stringify(run.settings)}\n${JSON.stringify(run.interventions.filter((iv) => iv.t <= tMs))}`;
}

export class RunCheckpoints<X = undefined> {
  /** Oldest first. */
  private entries: Entry<X>[] = [];
  /**
   * The entries that belong to the run asked about last (the page asks every frame; a run log
   * is never changed in place: a change is a new RunLog), until the entries change.
   */
  private valid: { run: RunLog; entries: Entry<X>[] } | null = null;

  /**
   * @param capture what to keep beside each checkpoint, read when it is taken
   * @param limits interval and memory bound ({@link DEFAULT_LIMITS})
   */
  constructor(private readonly capture: () => X, readonly limits: CheckpointLimits = DEFAULT_LIMITS) {}

  /** How many checkpoints are held. */
  get count(): number {
    return this.entries.length;
  }

  /** Estimated bytes held by all checkpoints. */
  get bytes(): number {
    return this.entries.reduce((sum, e) => sum + e.checkpoint.bytes, 0);
  }

  /** The moments held, virtual ms, oldest first (for tests and the bench). */
  get moments(): number[] {
    return this.entries.map((e) => e.checkpoint.atMs);
  }

  /** The latest checkpoint of `run` at or before `tMs`, or null. */
  before(run: RunLog, tMs: number): Saved<X> | null {
    const valid = this.validFor(run);
    for (let i = valid.length - 1; i >= 0; i--) if (valid[i]!.checkpoint.atMs <= tMs) return valid[i]!;
    return null;
  }

  private validFor(run: RunLog): Entry<X>[] {
    if (this.valid?.run !== run) this.valid = { run, entries: this.entries.filter((e) => e.past === pastOf(run, e.checkpoint.atMs)) };
    return this.valid.entries;
  }

  /** When the next checkpoint of `run` is due, seen from `nowMs` (virtual ms). */
  dueAt(run: RunLog, nowMs: number): number {
    return (this.before(run, nowMs)?.checkpoint.atMs ?? 0) + this.limits.intervalMs;
  }

  /**
   * `sim` plays `run` and is between events at its current moment: take a checkpoint if one is
   * due. Returns whether one was taken.
   */
  offer(sim: Simulation, run: RunLog): boolean {
    if (sim.now <= 0 || sim.now < this.dueAt(run, sim.now)) return false;
    const entry: Entry<X> = { checkpoint: sim.checkpoint(), extra: this.capture(), past: pastOf(run, sim.now) };
    const at = this.entries.findIndex((e) => e.checkpoint.atMs > sim.now);
    this.entries.splice(at < 0 ? this.entries.length : at, 0, entry);
    this.valid = null;
    this.thin();
    return true;
  }

  /** Keep only the checkpoints that belong to one of `runs` (after a fork: the new run and the discarded one). */
  keepFor(runs: readonly (RunLog | null)[]): void {
    const live = runs.filter((r) => r !== null);
    this.valid = null;
    this.entries = this.entries.filter((e) => {
      const keep = live.some((r) => e.past === pastOf(r, e.checkpoint.atMs));
      if (!keep) e.checkpoint.dispose();
      return keep;
    });
  }

  /** Drop every checkpoint (the run is gone). */
  clear(): void {
    for (const e of this.entries) e.checkpoint.dispose();
    this.entries = [];
    this.valid = null;
  }

  /** Within the limits: drop the checkpoint whose removal leaves the smallest gap (never the newest). */
  private thin(): void {
    let bytes = this.bytes;
    while (this.entries.length > 1 && (bytes > this.limits.maxBytes || this.entries.length > this.limits.maxCount)) {
      let drop = 0;
      let gap = Infinity;
      for (let i = 0; i < this.entries.length - 1; i++) {
        const prev = i === 0 ? 0 : this.entries[i - 1]!.checkpoint.atMs;
        const g = this.entries[i + 1]!.checkpoint.atMs - prev;
        if (g < gap) {
          gap = g;
          drop = i;
        }
      }
      const [gone] = this.entries.splice(drop, 1);
      this.valid = null;
      bytes -= gone!.checkpoint.bytes;
      gone!.checkpoint.dispose();
    }
  }
}
